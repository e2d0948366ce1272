// Quotations: every direct quotation in the articles, verbatim, with its speaker and a citation.
import { boundedMemo, weakMemo } from '../../util/collections.js';
import { cite } from '../../model/citation.js';
import type { Article, Quote, QuoteFilter, Sentence } from '../../model/types.js';
import { normalizeWord, terms } from '../../text/terms.js';
import { ATTRIBUTION_SPEECH_VERBS, ATTRIBUTION_TITLES, HONORIFICS, TITLE_MODIFIERS } from '../vocabulary.js';
import { ArticleContext } from './article-context.js';
import { Attributor } from './attributor.js';
import { PASSIVE_SPEECH } from './cue-words.js';
import { isModifiedNoun } from '../names.js';
import type { SpeakerResolver, Unit } from './speakers.js';
import { tokenize, type QuoteSpan } from './tokens.js';
import { pushPosition } from '../timeline.js';

export type { SpeakerResolver } from './speakers.js';
export type { QuoteSpan } from './tokens.js';

// ---------------------------------------------------------------------------------------------------------------
// Finding the quotation marks.

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** ", Pohly said." at the end of a quotation left open. */
const UNCLOSED_ATTRIBUTION = /,\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:said|says|added|declared|explained|stated|insisted)\.?$/u;

/** Characters after which a straight or single quote mark opens a quotation. */
const OPENING_CONTEXT = /[\s([{—–\-/“"‘]/;

function opensDouble(body: string, i: number, from: number): boolean {
  const prev = i > from ? body[i - 1]! : ' ';
  const next = body[i + 1] ?? ' ';
  return OPENING_CONTEXT.test(prev) && !/\s/.test(next);
}

/** ‘…’ or '…' at top level opens a quotation only at a word start: "Israel’s", "don't", "’90s" never do. */
function opensSingle(body: string, i: number, from: number): boolean {
  const prev = i > from ? body[i - 1]! : ' ';
  const next = body[i + 1] ?? ' ';
  if (!OPENING_CONTEXT.test(prev) || !(LETTER_OR_DIGIT.test(next) || next === '“' || next === '"')) return false;
  return !/^.\d0s\b/.test(body.slice(i, i + 5)) && !/^.n['’]/.test(body.slice(i, i + 3)); // '90s, ‘n’
}

/** The closing single mark of a quotation opened at `i`: followed by a non-letter, not a plural possessive if avoidable. */
function findSingleClose(body: string, i: number, to: number, mark: string): number {
  const closer = mark === '‘' ? '’' : "'";
  let fallback = -1;
  for (let j = i + 1; j < to; j++) {
    if (body[j] !== closer) continue;
    const prev = body[j - 1]!;
    const next = body[j + 1] ?? ' ';
    if (/\s/.test(prev) || LETTER_OR_DIGIT.test(next)) continue; // an apostrophe inside a word
    // "the players’ union": a plural possessive, unless nothing better follows.
    if (prev === 's' && next === ' ' && /^ \p{Ll}/u.test(body.slice(j + 1, j + 3))) {
      if (fallback < 0) fallback = j;
      continue;
    }
    return j;
  }
  return fallback;
}

/**
 * The quotations of one paragraph, `body[from, to)`, in order. Double marks (curly or straight) are primary;
 * single marks inside them belong to the outer quotation. A quotation left open at the paragraph's end runs to
 * that end (the convention for quotations continued in the next paragraph).
 */
export function findQuoteSpans(body: string, from: number, to: number, paragraph: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const push = (open: number, closeAt: number, closed: boolean): void => {
    let close = closeAt;
    let start = open + 1;
    let end = closed ? close - 1 : close;
    while (start < end && /\s/.test(body[start]!)) start++;
    while (end > start && /\s/.test(body[end - 1]!)) end--;
    // A quotation left open that ends with its own attribution ("… her entire family, Pohly said."): the closing mark
    // is missing, not the speaker.
    if (!closed) {
      const attribution = UNCLOSED_ATTRIBUTION.exec(body.slice(start, end));
      if (attribution) close = end = start + attribution.index;
    }
    if (end > start && LETTER_OR_DIGIT.test(body.slice(start, end))) spans.push({ paragraph, open, start, end, close, closed });
  };
  let i = from;
  while (i < to) {
    const ch = body[i]!;
    if (ch === '“' || (ch === '"' && opensDouble(body, i, from))) {
      const c = body.indexOf(ch === '“' ? '”' : '"', i + 1);
      const closed = c >= 0 && c < to;
      push(i, closed ? c + 1 : to, closed);
      i = closed ? c + 1 : to;
      continue;
    }
    if ((ch === '‘' || ch === "'") && opensSingle(body, i, from)) {
      const c = findSingleClose(body, i, to, ch);
      if (c > i + 1) {
        push(i, c + 1, true);
        i = c + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------------------------
// Units: sentences, merged where a quotation crosses the splitter's boundary.

interface ArticleQuotes {
  spans: QuoteSpan[];
  units: Array<Omit<Unit, 'mentions' | 'subject' | 'speaker' | 'index'>>;
}

function sentencesByParagraph(article: Article): Map<number, Sentence[]> {
  const map = new Map<number, Sentence[]>();
  for (const s of article.sentences) {
    const list = map.get(s.paragraph) ?? [];
    list.push(s);
    map.set(s.paragraph, list);
  }
  return map;
}

function buildUnits(article: Article): ArticleQuotes {
  const body = article.body;
  const spans: QuoteSpan[] = [];
  for (const p of article.paragraphs) spans.push(...findQuoteSpans(body, p.start, p.end, p.number));
  const index = spans.map((_, k) => k);
  const units: ArticleQuotes['units'] = [];
  const byParagraph = sentencesByParagraph(article);
  let k = 0;
  for (const p of article.paragraphs) {
    const sentences = byParagraph.get(p.number) ?? [{ start: p.start, end: p.end } as Sentence];
    let uStart = sentences[0]!.start;
    let reach = -1;
    for (let s = 0; s < sentences.length; s++) {
      const sent = sentences[s]!;
      while (k < spans.length && spans[k]!.open < sent.end) reach = Math.max(reach, spans[k++]!.close);
      const next = sentences[s + 1];
      if (next && reach > next.start) continue; // a quotation runs on into the next sentence
      units.push({ paragraph: p.number, start: uStart, end: sent.end, tokens: tokenize(body, uStart, sent.end, spans, index) });
      if (next) uStart = next.start;
    }
  }
  return { spans, units };
}

/** The sentences holding `body[start, end)`, as one citation range. */
function citationRange(sentences: Sentence[], span: QuoteSpan): { start: number; end: number } {
  let first: Sentence | undefined;
  let last: Sentence | undefined;
  for (const s of sentences) {
    if (s.end > span.start && s.start < span.end) {
      first ??= s;
      last = s;
    }
  }
  return first && last ? { start: Math.min(first.start, span.open), end: Math.max(last.end, span.end) } : { start: span.open, end: span.close };
}

// ---------------------------------------------------------------------------------------------------------------
// Extraction.

/** A quotation of one or two words: shown with its sentence (`Quote.sentence`). */
const SHORT_QUOTE = /^\s*[^\s]+(?:\s+[^\s]+)?\s*$/;

/** Every direct quotation in the articles, in article order, with its speaker (null when the text gives none). */
export function extractQuotes(articles: Article[], resolver?: SpeakerResolver): Quote[] {
  const out: Quote[] = [];
  for (const article of articles) out.push(...quotesOf(article, resolver));
  return out;
}

/** The quotations of one article, in order, attributed with `resolver`: `extractQuotes` one article at a time. */
export function quotesOf(article: Article, resolver?: SpeakerResolver): Quote[] {
  const { spans, units: rawUnits } = buildUnits(article);
  if (spans.length === 0) return [];
  const ctx = new ArticleContext(article.body, rawUnits, resolver);
  const attributor = new Attributor(ctx);
  const bySentences = sentencesByParagraph(article);
  const out: Quote[] = [];
  const seen = new Set<number>();
  /** The speaker of the quotation `index` at token `qi` of `u`; the unit keeps it for the quotations that go on. */
  const attribute = (u: Unit, qi: number, span: QuoteSpan, index: number): Unit['speaker'] => {
    // "“Said Secretary Hodges: ‘It's a tough …’", "“Hodges predicted: ‘I think …’": a quoted report whose own words
    // give a quotation nested in it to its speaker — the nested words are that person's; the report's next
    // paragraph goes on with the reporter, not with them.
    const nested = nestedReportSpeaker(ctx, u, span, article.body);
    let found = nested ?? attributor.inUnit(u, qi);
    if (found === undefined && isStandalone(u, qi)) found = inherited(ctx, attributor, u, spans, index, article.body);
    // "…recommended that: (1) … (2) Fulton legislators “work with …”": a list item goes on with the list's speaker.
    if (found === undefined && isListItem(u)) found = listSpeaker(ctx, u);
    // "President Obama also said:" then a bulleted paragraph per point: "He would speak “bluntly” against …".
    if (found === undefined) found = bulletSpeaker(ctx, attributor, u);
    if (found === undefined) found = firstPersonGoesOn(ctx, u, qi, article.body.slice(span.start, span.end));
    const speaker = found ?? null;
    if (speaker && !nested) u.speaker = speaker;
    return speaker;
  };
  for (const u of ctx.units) {
    u.tokens.forEach((tok, qi) => {
      if (tok.type !== 'quote' || seen.has(tok.quote)) return;
      seen.add(tok.quote);
      const span = spans[tok.quote]!;
      // "who collected big fees as a “labor consultant”", "the so-called “Freedom Riders”": a label, nobody's words.
      const speaker = isLabel(article.body, span) ? null : attribute(u, qi, span, tok.quote);
      const range = citationRange(bySentences.get(span.paragraph) ?? [], span);
      const text = article.body.slice(span.start, span.end);
      const quote: Quote = { text, speaker: speaker?.name ?? null, citation: cite(article, range.start, range.end) };
      if (SHORT_QUOTE.test(text)) quote.sentence = article.body.slice(range.start, range.end);
      out.push(quote);
    });
  }
  return out;
}

/**
 * A quotation of one to three words after "as a", "as an" or "so-called" labels something: "worked as a “labor
 * consultant”". Not after a verb of describing ("described as a “…”", "branded as …", "hailed the pact as a “…”"),
 * which reports someone's word. A quoted word or two inside a noun phrase, between a name and its noun ("the
 * Souvanna Phouma “neutralist” government"), marks a word as a label too.
 */
function isLabel(body: string, span: QuoteSpan): boolean {
  const words = body.slice(span.start, span.end).trim().split(/\s+/);
  if (words.length > 3) return false;
  const before = body.slice(Math.max(0, span.start - 60), span.start);
  // (After a name only: "the “legitimate” bids of competing contractors" may be the speaker's own word.)
  if (words.length <= 2 && /\p{Lu}\p{Ll}+\s+[“"‘]$/u.test(before)) {
    const noun = /^[”"’]\s+(\p{Ll}+)\b/u.exec(body.slice(span.end, span.end + 30))?.[1];
    if (noun && isModifiedNoun(noun)) return true;
  }
  const m = /(?:\b(\p{L}+)\s+as\s+an?|\bso-called)\s*[“"‘]$/iu.exec(before);
  if (!m) return false;
  const describing = (w: string): boolean => PASSIVE_SPEECH.has(w) || /^(?:known|referred|regarded|seen|viewed|portrayed|cast|depicted)$/.test(w);
  const verb = m[1]?.toLowerCase();
  if (verb && describing(verb)) return false;
  // ("hailed the pact as a “turning point”": the verb a few words back, its object between.)
  return !(verb && before.slice(0, m.index).toLowerCase().split(/[^\p{L}]+/u).slice(-5).some(describing));
}

/** The inverted verbs of a report's lead-in ("Said X:", "Added X:"). */
const INVERTED_LEAD = /^(?:said|says|added|adds|declared|explained|continued|wrote|writes)$/;

/**
 * A quotation that opens with a lead-in of its own reporting a nested quotation in single marks — "Said Secretary
 * Hodges: ‘…", "Hodges predicted: ‘…" — is the words of the person the lead-in names (a person, else nobody found).
 */
function nestedReportSpeaker(ctx: ArticleContext, u: Unit, span: QuoteSpan, body: string): Unit['speaker'] | undefined {
  const text = body.slice(span.start, Math.min(span.end, span.start + 120));
  const m = /^([^“”"‘’:;.!?]{3,80}):\s*[‘']\p{L}/u.exec(text);
  if (!m) return undefined;
  const lead = tokenize(body, span.start, span.start + m[1]!.length, [], []).filter((t) => t.type === 'word' || t.text === '.');
  const words = lead.filter((t) => t.type === 'word');
  if (words.length < 2 || words.length > 7) return undefined;
  let np: typeof lead;
  if (INVERTED_LEAD.test(words[0]!.lower)) np = lead.slice(lead.indexOf(words[0]!) + 1);
  else if (ATTRIBUTION_SPEECH_VERBS.has(words.at(-1)!.lower)) np = lead.slice(0, lead.indexOf(words.at(-1)!));
  else return undefined;
  // Only a name (with its title): "Said Secretary Hodges", "Hodges predicted".
  if (np.length === 0 || !np.every((t) => t.text === '.' || t.cap)) return undefined;
  const speaker = ctx.interpret(np, span.start, u);
  return speaker && speaker.kind === 'person' ? speaker : undefined;
}

/**
 * A unit that is (almost) all quotation, opening with it — “…” or “…” on Fulton taxpayers. — has its speaker,
 * if any, in a neighbouring sentence.
 */
function isStandalone(u: Unit, qi: number): boolean {
  if (u.tokens.slice(0, qi).some((t) => t.type === 'word')) return false;
  const quoted = u.tokens.reduce((n, t) => n + (t.type === 'quote' ? t.end - t.start : 0), 0);
  return quoted >= 0.6 * (u.end - u.start);
}

/** The speaker of a standalone quotation: from the previous sentence, the previous paragraph, or the next sentence. */
function inherited(ctx: ArticleContext, attributor: Attributor, u: Unit, spans: QuoteSpan[], quote: number, body: string): ReturnType<Attributor['inUnit']> {
  const prev = ctx.units[u.index - 1];
  const next = ctx.units[u.index + 1];
  if (prev && prev.paragraph === u.paragraph) {
    if (prev.speaker) return prev.speaker;
    // "“Are you kidding”? Said Maris. “You're afraid …”": a quotation after "Said X." goes on with X.
    const intro =
      attributor.introducesNext(prev) ??
      (prev.tokens.some((t) => t.type === 'quote') ? undefined : (attributor.clauseOpening(prev) ?? attributor.invertedOpening(prev)));
    if (intro !== undefined) return intro;
  }
  if (next && next.paragraph === u.paragraph && !next.tokens.some((t) => t.type === 'quote')) {
    const after = attributor.invertedOpening(next) ?? attributor.clauseOpening(next);
    if (after !== undefined) return after;
  }
  // A photo caption between two paragraphs ("Hori Parata at his farm, where he grew up") is not part of the text's
  // flow: a paragraph of quotation after it goes on from the paragraph before it.
  let before = isFirstInParagraph(ctx, u) ? prev : undefined;
  let skipped = 0;
  while (before && skipped < 2 && isCaption(ctx, before) && before.paragraph === u.paragraph - 1 - skipped) {
    before = ctx.units[before.index - 1];
    skipped++;
  }
  if (skipped > 0 && before && before.paragraph === u.paragraph - 1 - skipped && before.speaker) {
    const lastQuote = [...before.tokens].reverse().find((t) => t.type === 'quote');
    if (lastQuote && isLastToken(before, lastQuote.quote)) return before.speaker;
  }
  if (prev && prev.paragraph === u.paragraph - 1 && isFirstInParagraph(ctx, u)) {
    // A quotation continued from the previous paragraph, or a paragraph of quotation after an attributed one.
    const lastQuote = [...prev.tokens].reverse().find((t) => t.type === 'quote');
    const intro = attributor.introducesNext(prev) ?? (lastQuote ? undefined : attributor.reportedSpeechEnd(prev));
    if (intro !== undefined) return intro;
    if (lastQuote && prev.speaker && (isLastToken(prev, lastQuote.quote) || !spans[lastQuote.quote]!.closed)) {
      // "“… did you seek out Williams”?" between two of Maris's paragraphs, the next one "Said Maris": the question
      // is the other party's turn of a dialogue, not the answerer's.
      if (spans[lastQuote.quote]!.closed && isQuestionTurn(ctx, attributor, u, spans[quote]!, body, prev.speaker)) return null;
      return prev.speaker;
    }
  }
  return undefined;
}

/**
 * A paragraph that is one quoted question, whose next paragraph opens with a quotation its own words give to
 * `speaker` ("“Are you kidding”? Said Maris."): the question was put to the speaker by someone else.
 */
function isQuestionTurn(ctx: ArticleContext, attributor: Attributor, u: Unit, span: QuoteSpan, body: string, speaker: NonNullable<Unit['speaker']>): boolean {
  const asked = body.slice(span.start, span.close + 1).trimEnd();
  if (!/\?[”"]?\??$/.test(asked) && body[span.close] !== '?') return false;
  if (u.tokens.filter((t) => t.type === 'quote').length !== 1) return false;
  const next = ctx.units[u.index + 1];
  if (!next || next.paragraph !== u.paragraph + 1 || ctx.units[u.index - 1]?.paragraph === u.paragraph) return false;
  const qi = next.tokens.findIndex((t) => t.type === 'quote');
  if (qi < 0 || next.tokens.slice(0, qi).some((t) => t.type === 'word')) return false;
  let answer = attributor.inUnit(next, qi);
  const after = ctx.units[next.index + 1];
  if (answer === undefined && after && after.paragraph === next.paragraph && !after.tokens.some((t) => t.type === 'quote')) answer = attributor.invertedOpening(after);
  return !!answer && answer.name === speaker.name;
}

/** A unit opening with a list marker: "(2) …", "2. …". */
function isListItem(u: Unit): boolean {
  const t = u.tokens;
  return (t[0]?.text === '(' && /^\d{1,2}$/.test(t[1]?.text ?? '') && t[2]?.text === ')') || (/^\d{1,2}$/.test(t[0]?.text ?? '') && t[1]?.text === '.');
}

/** The speaker of the list a list item belongs to: the nearest earlier unit of the paragraph with one. */
function listSpeaker(ctx: ArticleContext, u: Unit): Unit['speaker'] | undefined {
  for (let k = u.index - 1; k >= 0; k--) {
    const prev = ctx.units[k]!;
    if (prev.paragraph !== u.paragraph) return undefined;
    if (prev.speaker) return prev.speaker;
  }
  return undefined;
}

/** A paragraph of one unit with no closing punctuation: a bullet point of a list (as a page's list items arrive). */
function isBullet(ctx: ArticleContext, u: Unit): boolean {
  if (ctx.units[u.index - 1]?.paragraph === u.paragraph || ctx.units[u.index + 1]?.paragraph === u.paragraph) return false;
  const last = u.tokens[u.tokens.length - 1];
  return last !== undefined && !(last.type === 'punct' && /^[.?!:]$/.test(last.text)) && !(last.type === 'quote' && /[.?!]\s*$/.test(last.text));
}

/** Verbs by which someone in the sentence voices the quotation itself ("Fans chanted ‘we want our money back’"). */
const VOICE_VERBS = /^(?:chant(?:s|ed|ing)?|sang|sing(?:s|ing)?|shout(?:s|ed|ing)?|yell(?:s|ed|ing)?|cr(?:y|ies|ied)|wr(?:ote|ites?)|said|says?|told|tells?|asked|asks?|added|adds?|declared|insisted|argued|claimed|chose|read|reads)$/;
/** Words of a speaker about themselves. */
const FIRST_PERSON = /\bI(?:['’](?:m|ve|d|ll))?\b|\b(?:[Mm]e|[Mm]y|[Ww]e|[Ww]e['’](?:re|ve|ll|d)|[Oo]ur|us)\b/;

/**
 * "“I was shocked,” said Tyler Besecker. The price … is “as low as I’ve ever seen.”": words in the first person in the
 * next sentence of the paragraph, with no speaker of their own and nobody there voicing them, go on with the person
 * just quoted.
 */
function firstPersonGoesOn(ctx: ArticleContext, u: Unit, qi: number, text: string): Unit['speaker'] | undefined {
  if (!FIRST_PERSON.test(text) || u.tokens.slice(0, qi).some((x) => x.type === 'word' && VOICE_VERBS.test(x.lower))) return undefined;
  const prev = ctx.units[u.index - 1];
  return prev && prev.paragraph === u.paragraph && prev.speaker?.kind === 'person' ? prev.speaker : undefined;
}

/** A caption: a paragraph of one unit with no quotation and no closing punctuation, of four tokens or more. */
function isCaption(ctx: ArticleContext, u: Unit): boolean {
  return isBullet(ctx, u) && !u.tokens.some((t) => t.type === 'quote') && u.tokens.length >= 4;
}

/** The speaker of a bullet point: whoever the unit ending in ":" before the run of bullets introduces. */
function bulletSpeaker(ctx: ArticleContext, attributor: Attributor, u: Unit): Unit['speaker'] | undefined {
  if (!isBullet(ctx, u)) return undefined;
  for (let k = u.index - 1, steps = 0; k >= 0 && steps < 12; k--, steps++) {
    const prev = ctx.units[k]!;
    if (prev.tokens[prev.tokens.length - 1]?.text === ':') return attributor.introducesNext(prev);
    if (!isBullet(ctx, prev)) return undefined;
  }
  return undefined;
}

function isFirstInParagraph(ctx: ArticleContext, u: Unit): boolean {
  return ctx.units[u.index - 1]?.paragraph !== u.paragraph;
}

/** Is the quotation the unit's last quotation, with only its attribution after it? */
function isLastToken(u: Unit, quote: number): boolean {
  const at = u.tokens.findIndex((t) => t.type === 'quote' && t.quote === quote);
  return !u.tokens.slice(at + 1).some((t) => t.type === 'quote');
}

// ---------------------------------------------------------------------------------------------------------------
// Filters.

const fold = (s: string): string[] =>
  s
    .split(/[\s-]+/)
    .map((w) => normalizeWord(w).replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w.length > 0);

/** Speakers' folded words, kept between calls (bounded): a speaker filter tests every distinct speaker. */
const foldedSpeaker = boundedMemo(fold, 100_000);

/**
 * Forgiving speaker match: case- and accent-insensitive; "lapid" or "Yair" matches "Yair Lapid"; a prefix of a
 * name word of 3+ letters matches ("lap"); a longer wanted name with a title ("PM Yair Lapid") matches too.
 */
export function defaultSpeakerMatches(speaker: string, wanted: string): boolean {
  const have = foldedSpeaker(speaker);
  const all = fold(wanted);
  // "Gov. Daniel", "Prime Minister Rama", "Mrs. Peck": the title says who, the name words find them.
  const named = all.filter((w) => !ATTRIBUTION_TITLES.has(w) && !TITLE_MODIFIERS.has(w) && !HONORIFICS.has(w));
  const want = named.length > 0 ? named : all;
  if (have.length === 0 || want.length === 0) return false;
  const wordMatches = (w: string): boolean => have.some((h) => h === w || (w.length >= 3 && h.startsWith(w)));
  if (want.every(wordMatches)) return true;
  // Every word of the speaker's name inside the wanted text: "Prime Minister Edi Rama" → "Edi Rama".
  return have.length >= 1 && have.every((h) => want.includes(h));
}

/** Does a search term of the topic occur among the text's terms? Stems of 4+ letters also match inside compounds. */
function termMatches(term: string, textTerms: string[]): boolean {
  return textTerms.some((t) => t === term || (term.length >= 4 && t.includes(term)));
}

/** A quote's search terms, computed once per quote: topic filters run over every quote on each call. */
const quoteTerms = weakMemo((q: Quote): string[] => terms(`${q.text} ${q.citation.excerpt}`));

/** `filterQuotes` by testing every quote: the reference the indexed filter must agree with. */
export function scanQuotes(
  quotes: Quote[],
  filter: QuoteFilter,
  speakerMatches: (speaker: string, wanted: string) => boolean = defaultSpeakerMatches,
): Quote[] {
  const wanted = filter.speaker?.trim();
  const topicTerms = filter.topic ? terms(filter.topic) : [];
  return quotes.filter((q) => {
    if (wanted) {
      if (q.speaker === null || !speakerMatches(q.speaker, wanted)) return false;
    }
    if (topicTerms.length > 0) {
      const textTerms = quoteTerms(q);
      if (!topicTerms.every((term) => termMatches(term, textTerms))) return false;
    }
    return true;
  });
}

/** Speaker → positions of their quotes, and search term → positions; built once per quote array. */
interface QuoteIndex {
  bySpeaker: Map<string, number[]>;
  byTerm: Map<string, number[]>;
}

const quoteIndex = weakMemo((quotes: readonly Quote[]): QuoteIndex => {
  const bySpeaker = new Map<string, number[]>();
  const byTerm = new Map<string, number[]>();
  quotes.forEach((q, i) => {
    if (q.speaker !== null) pushPosition(bySpeaker, q.speaker, i);
    for (const t of quoteTerms(q)) pushPosition(byTerm, t, i);
  });
  return { bySpeaker, byTerm };
});

/**
 * Quotes by a speaker (forgiving name match) and/or about a topic (every topic term in the quote or its sentence).
 * The speaker is matched once per distinct speaker and the topic terms looked up in a term index, so a filter
 * looks only at the quotes that can match: the same quotes, in the same order, as testing every quote.
 */
export function filterQuotes(
  quotes: Quote[],
  filter: QuoteFilter,
  speakerMatches: (speaker: string, wanted: string) => boolean = defaultSpeakerMatches,
): Quote[] {
  const wanted = filter.speaker?.trim();
  const topicTerms = filter.topic ? terms(filter.topic) : [];
  if (!wanted && topicTerms.length === 0) return quotes.slice();
  const index = quoteIndex(quotes);
  let candidates: Set<number> | null = null;
  if (wanted) {
    candidates = new Set();
    for (const [speaker, positions] of index.bySpeaker) if (speakerMatches(speaker, wanted)) for (const i of positions) candidates.add(i);
  }
  for (const term of new Set(topicTerms)) {
    // termMatches: the term itself, or (4+ letters) a term holding it.
    const hits = new Set<number>();
    for (const [t, positions] of index.byTerm) {
      if (t !== term && !(term.length >= 4 && t.includes(term))) continue;
      for (const i of positions) if (!candidates || candidates.has(i)) hits.add(i);
    }
    candidates = hits;
  }
  return [...candidates!].sort((a, b) => a - b).map((i) => quotes[i]!);
}
