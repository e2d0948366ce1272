// /ask: a free-text question → the sentence(s) that answer it, with citations, or an honest abstention.
import { partitionPoint } from '../util/collections.js';
import { cite } from '../model/citation.js';
import type { Article, AskResult, Citation, Sentence } from '../model/types.js';
import { TYPED_ANSWERS } from './answer-types.js';
import type { Scored } from './candidates.js';
import type { AskContext } from './context.js';
import { analyze, type Question } from './question.js';
import { rank } from './retrieval.js';
import { askDefaults, type AskOptions } from './tuning.js';

// What the story (src/engine/story.ts) uses of /ask besides ask and rankCandidates, so that it imports this file only.
export { AcronymIndex } from './acronyms.js';
export type { AskContext } from './context.js';
export type { Scored } from './candidates.js';

/** The question as the ranking sees it: its type and weighted terms (for explaining answers). */
export function analyzeQuestion(ctx: AskContext, question: string, options: Partial<AskOptions> = {}): Question {
  return analyze(ctx, question, { ...askDefaults, ...options });
}

/** Candidates for a question, best first, with what their score is made of (also used to explain answers). */
export function rankCandidates(ctx: AskContext, question: string, options: Partial<AskOptions> = {}): Scored[] {
  const opts = { ...askDefaults, ...options };
  return rank(ctx, analyze(ctx, question, opts), opts);
}

/**
 * Is the answer supported well enough to give? The question's words must be found in it (phrases held together,
 * a name the question gives weighing double) and the words found must be rare enough to single it out: a
 * sentence that only shares the story's everyday names ("Albania") with the question doesn't answer it.
 */
export function supports(q: Question, s: Scored, options: Partial<AskOptions> = {}): boolean {
  const opts = { ...askDefaults, ...options };
  const names = s.missingNames + q.absentNames;
  const coverage = s.strictCoverage * opts.missingNamePenalty ** names;
  // A one-word query can't reach the evidence a question of several rare words must.
  const evidence = Math.min(opts.minEvidence, opts.minEvidenceShare * (q.total / q.maxWeight));
  // A name the question gives whose last word the articles never use ("the European Union" in articles that never
  // write "union") is something they don't cover, whatever else matches; "Tony Blair" for "Mr Blair" is not.
  if (opts.absentFullName && q.fullNames.some((name) => !name[name.length - 1]!.present)) return false;
  return coverage >= opts.minCoverage && s.matched >= evidence && (!opts.relationEvidence || holdsRelation(q, s));
}

/**
 * Does the answer show the relation a who/when/where/how-many (or "what is the X of Y") question asks about? "When
 * was Ryanair founded?" answered with a sentence that names Ryanair and a date, but says nothing of founding, only
 * shares the subject: the date is not the answer; nor is any sentence naming Australia the answer to "What is the
 * capital of Australia?". Some word of what the question says of its name must be found around the answer
 * (in any form: its family, a neighbour, the title), or a second name of the question with the first, whose
 * meeting in one sentence is itself the relation ("Who will Texas face in the Cotton Bowl?"). Not for a count of
 * something named or a stretch of time, though: a figure in a sentence with "O'Driscoll" and "Ireland" counts
 * something, not necessarily his caps, and a span with two names in it need not be how long they were married.
 */
function holdsRelation(q: Question, s: Scored): boolean {
  if (!TYPED_ANSWERS.has(q.type) && q.type !== 'definition') return true;
  const namesAreRelation = q.counted === null && q.type !== 'duration';
  if (q.nameGroups === 0 || (q.nameGroups > 1 && namesAreRelation)) return true;
  const said = s.detail.filter((d) => d.role !== 'name');
  return said.length === 0 || said.some((d) => d.credit > 0);
}

/** Where an answer may come from: for "what did he say after that?", only after the previous answer. */
export interface AskScope {
  /** Only passages after this point: later in the same article, or in an article of a later date. */
  after?: { articleId: string; offset: number; date: string };
}

export function ask(ctx: AskContext, question: string, options: Partial<AskOptions> = {}, scope: AskScope = {}): AskResult {
  const opts = { ...askDefaults, ...options };
  const q = analyze(ctx, question, opts);
  const { after } = scope;
  const ranked = rank(ctx, q, opts);
  const scored = !after
    ? ranked
    : ranked.filter((s) => {
        const id = s.passage.sentence.articleId;
        return id === after.articleId ? s.start >= after.offset : ctx.articles.get(id)!.date > after.date;
      });
  const needsType = TYPED_ANSWERS.has(q.type);
  const best = scored.find((s) => s.typed || !needsType);
  if (!best || !supports(q, best, opts)) return { answer: null, citations: [] };
  const article = ctx.articles.get(best.passage.sentence.articleId)!;
  // The answer's citation stays within the paragraph it names; the answer's text may read on past its end.
  const { inParagraph, end } = opts.paragraphContext ? contextEnds(ctx, q, best, opts) : { inParagraph: best.end, end: best.end };
  const answerCitation = cite(article, best.start, inParagraph);
  const citations: Citation[] = [answerCitation];
  const usedParagraphs = new Set([`${best.passage.sentence.articleId}#${best.passage.sentence.paragraph}`]);
  for (const s of scored) {
    if (citations.length >= opts.maxCitations) break;
    if (s === best) continue;
    const key = `${s.passage.sentence.articleId}#${s.passage.sentence.paragraph}`;
    if (usedParagraphs.has(key) || s.score < best.score * 0.6 || (needsType && !s.typed) || !supports(q, s, opts)) continue;
    usedParagraphs.add(key);
    citations.push(citeSpan(ctx, s));
  }
  return { answer: { text: article.body.slice(best.start, end), citation: answerCitation, focus: { start: 0, end: best.end - best.start } }, citations };
}

/**
 * Where the answer's text ends: after the answering sentence(s) the article goes on, whole sentences at a time,
 * while the text stays within `maxAnswerChars`: a reader sees the answer with what follows it, as a search snippet
 * shows it, and the answer still comes first. `inParagraph` stops at the paragraph's end (the citation's span);
 * `end`, with `contextAcrossParagraphs`, may go on past the break: news paragraphs are often one sentence long, and
 * what follows the answer there can be as much its context as the rest of a long paragraph would be. Its own
 * paragraph is on the answer's subject; past a break, a paragraph often turns to something else ("…joining NATO in
 * 2009." / "The MEK backed Ayatollah Khomeini…"), so with `readingOnSubject` a paragraph whose first sentence
 * doesn't continue the subject (see `continuesSubject`) ends the reading-on; one that does is read on whole.
 */
function contextEnds(ctx: AskContext, q: Question, best: Scored, opts: AskOptions): { inParagraph: number; end: number } {
  const article = ctx.articles.get(best.passage.sentence.articleId)!;
  const sentences = article.sentences;
  const paragraph = best.passage.sentence.paragraph;
  const first = partitionPoint(sentences.length, (k) => sentences[k]!.end <= best.start);
  const subject = subjectTerms(ctx, article, sentences.slice(first, partitionPoint(sentences.length, (k) => sentences[k]!.end <= best.end)), q);
  const names = new Set(q.terms.filter((t) => t.role === 'name').map((t) => t.term));
  let inParagraph = best.end;
  let end = best.end;
  let reading = paragraph;
  for (let i = partitionPoint(sentences.length, (k) => sentences[k]!.end <= best.end); i < sentences.length; i++) {
    const next = sentences[i]!;
    const sameParagraph = next.paragraph === paragraph;
    if (next.end - best.start > opts.maxAnswerChars || (!opts.contextAcrossParagraphs && !sameParagraph)) break;
    // A paragraph is read on whole once entered: only its first sentence must continue the subject.
    if (opts.readingOnSubject && next.paragraph !== reading && !continuesSubject(ctx, next, subject, names)) break;
    reading = next.paragraph;
    end = next.end;
    if (sameParagraph) inParagraph = next.end;
  }
  return { inParagraph, end };
}

/**
 * What the answer is about, as terms a sentence after it can share: the answering sentence(s)' terms and the
 * question's, less the article's everyday words (a term in more than a quarter of its sentences, at least three:
 * "Iran" in an article about Iran links every sentence to every other).
 */
function subjectTerms(ctx: AskContext, article: Article, answer: readonly Sentence[], q: Question): Set<string> {
  const everyday = everydayTerms(ctx, article);
  const out = new Set<string>();
  for (const s of answer) for (const t of ctx.sentenceTerms(s)) if (!everyday.has(t)) out.add(t);
  for (const t of q.terms) if (!everyday.has(t.term) && t.present) out.add(t.term);
  return out;
}

/** Terms in more than a quarter of an article's sentences (and in at least three). */
function everydayTerms(ctx: AskContext, article: Article): ReadonlySet<string> {
  let found = EVERYDAY.get(article);
  if (!found) {
    const counts = new Map<string, number>();
    for (const s of article.sentences) for (const t of new Set(ctx.sentenceTerms(s))) counts.set(t, (counts.get(t) ?? 0) + 1);
    const cap = Math.max(2, article.sentences.length / 4);
    found = new Set([...counts].filter(([, n]) => n > cap).map(([t]) => t));
    EVERYDAY.set(article, found);
  }
  return found;
}

/** Per article (an edited article is a new object): its everyday terms. */
const EVERYDAY = new WeakMap<Article, ReadonlySet<string>>();

/**
 * A sentence that opens by referring back ("He said…", "But the ministry…", "“We will…" going on with a quotation)
 * continues what came before it.
 */
const REFERS_BACK =
  /^(?:[“"‘'(]|(?:he|she|they|it|its|his|her|their|them|this|that|these|those|there|i|i'm|i've|i'd|we|we're|we've|you|my|our|your|one of|some of|many of|most of|all of|each of|none of|both|neither|either|another|others|the other|the same|such|the (?:two|three|four|group|move|decision|attack|ministry|government|company|statement|report|minister|official|club|team|city|state|court|bill|plan)s?|but|and|also|however|moreover|furthermore|in addition|as a result|thus|therefore|instead|otherwise|still|yet|meanwhile|then|so|later|earlier|since then|after that|before that|in response)\b)/i;

/**
 * Does the sentence go on with the answer's subject: a word of it (not an everyday one), a reference back, or a
 * name the question gives as its first word ("Moritz is listed…" after an answer about Moritz's kicks, however
 * often the article names him)?
 */
function continuesSubject(ctx: AskContext, sentence: Sentence, subject: ReadonlySet<string>, names: ReadonlySet<string>): boolean {
  if (REFERS_BACK.test(sentence.text.trimStart())) return true;
  const own = ctx.sentenceTerms(sentence);
  return own.some((t) => subject.has(t)) || (own.length > 0 && names.has(own[0]!) && /^\p{Lu}/u.test(sentence.text.trimStart()));
}

function citeSpan(ctx: AskContext, s: Scored): Citation {
  return cite(ctx.articles.get(s.passage.sentence.articleId)!, s.start, s.end);
}
