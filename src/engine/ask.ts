// /ask: a free-text question → the sentence that answers it, with citations, or an honest abstention.
import nlp from 'compromise';
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import { normalizeWord, termOf, terms, words } from '../text/terms.js';
import { cite } from './citation.js';
import type { IndexedDoc, Passage } from './search.js';
import { searchOptions } from './search.js';
import type { TermStats } from './stats.js';
import type { Article, AskResult, Citation, Sentence } from './types.js';

export type QuestionType = 'who' | 'when' | 'where' | 'quantity' | 'why' | 'said' | 'definition' | 'other';

/** What kinds of answer a sentence holds; the story layer supplies better evidence than the regex fallback. */
export interface SentenceAnnotator {
  hasPerson?(sentence: Sentence, exclude: ReadonlySet<string>): boolean;
  hasDate?(sentence: Sentence): boolean;
  hasPlace?(sentence: Sentence, exclude: ReadonlySet<string>): boolean;
}

/** Tuning, with the reasons for each default. */
export const askDefaults = {
  /** Candidates reranked per question: enough to find the typed answer beyond the best keyword match. */
  candidates: 40,
  /** Share of the question's weighted terms the best sentence must cover to be given as an answer. */
  minCoverage: 0.5,
  /** Weight of holding an answer of the question's type (a person for "who", a date for "when", …). */
  typeBonus: 0.2,
  /** Weight of a question term by its part of speech (besides its rarity). */
  roleWeight: { name: 1.2, noun: 1, adjective: 0.8, verb: 0.8, other: 0.8 },
  /** Credit for a question term found only as a WordNet synonym. */
  synonymCredit: 0,
  /** Sentences shorter than this are extended with the next sentence of the paragraph. */
  shortSentence: 70,
  maxCitations: 3,
};

export function questionType(question: string): QuestionType {
  const q = question.trim().toLowerCase();
  if (/^(who|whom|whose)\b/.test(q) || /\bwho\b/.test(q)) return 'who';
  if (/^when\b|\bwhat (year|month|day|date|time)\b|\bwhich (year|month|day|date)\b|\bhow long ago\b/.test(q)) return 'when';
  if (/^where\b|\bwhat (country|city|place|region)\b|\bin which (country|city)\b/.test(q)) return 'where';
  if (/^how (many|much|large|big|old|long)\b|\bwhat (number|amount|percentage)\b/.test(q)) return 'quantity';
  if (/^why\b|\bwhat (caused|led to|prompted)\b|\bfor what reason\b|\bwhat was the reason\b/.test(q)) return 'why';
  if (/\b(say|said|says|saying|tell|told|state|stated|comment|commented|react|reacted|respond|responded|call|called|describe|described|claim|claimed|warn|warned)\b/.test(q)) return 'said';
  if (/^what (is|are|was|were) (the |an? )?[\w’'.-]+( [\w’'.-]+){0,3}\??$/.test(q)) return 'definition';
  return 'other';
}

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_RE = new RegExp(
  `\\b(?:(?:${MONTH})\\.?\\s+\\d{1,2}\\b|(?:in|since|during|by|until|from|of)\\s+(?:(?:early|mid|late)[- ])?(?:${MONTH})\\b|` +
    `(?:1[5-9]|20)\\d{2}s?\\b|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b|` +
    `(?:last|this|next|earlier this|later this)\\s+(?:week|month|year|weekend)\\b|yesterday|today|(?:days?|weeks?|months?|years?) (?:later|earlier|ago|after|before))`,
  'i',
);
const QUANTITY_RE =
  /\b\d[\d,.]*\b(?!\s*(?:bc|ad)\b)|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozens?|several|numerous|half)\b|%|\bper ?cent\b/i;
const REASON_RE =
  /\b(?:because|due to|owing to|as a result|since|after|citing|over|in order to|so that|so\b|led to|leading to|following|amid|in response to|reason|caused|for (?:the|its|their|his|her) \w+)\b/i;
const SPEECH_RE = /[“”"]|\b(?:said|says|told|added|noted|stated|wrote|tweeted|according to|statement|called|described|rejected|condemned|denied|warned)\b/i;
const NAME_RE = /\b\p{Lu}[\p{Ll}’'-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}’'-]+|al-\p{Lu}\p{Ll}+|de|van|von|bin)){1,3}\b/gu;
/** A sentence that introduces a name: an acronym in brackets, an appositive, or "X is a …". */
const DEFINITION_RE = /\(\p{Lu}[\p{Lu}\p{N}-]{1,9}\)|, (?:a|an|the) [\p{Ll}-]+|\b(?:is|are|was|were) (?:a|an|the) /u;
const PLACE_RE = /\b(?:in|at|from|to|near|across)\s+(?:the\s+)?\p{Lu}[\p{L}-]+/u;

/** Capitalised multi-word names that are not just the sentence's first words. */
function hasNameLike(text: string, exclude: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(NAME_RE)) {
    const nameWords = words(m[0]);
    if (nameWords.some((w) => !exclude.has(w))) return true;
  }
  return false;
}

function fallbackHasType(type: QuestionType, s: Sentence, exclude: ReadonlySet<string>, annotator: SentenceAnnotator): boolean {
  switch (type) {
    case 'who':
      return annotator.hasPerson ? annotator.hasPerson(s, exclude) : hasNameLike(s.text, exclude);
    case 'when':
      return (annotator.hasDate?.(s) ?? false) || DATE_RE.test(s.text);
    case 'where':
      return annotator.hasPlace ? annotator.hasPlace(s, exclude) : PLACE_RE.test(s.text);
    case 'quantity':
      return QUANTITY_RE.test(s.text.replace(DATE_RE, ''));
    case 'why':
      return REASON_RE.test(s.text);
    case 'said':
      return SPEECH_RE.test(s.text);
    case 'definition':
      return DEFINITION_RE.test(s.text);
    default:
      return false;
  }
}

const CAPITALISED_RUN = /\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|and|for|the|on|de)\s+)?\p{Lu}[\p{L}’'-]*)+/gu;

/**
 * Acronyms the articles spell out ("National Security Council" → nsc), so that a question using an
 * acronym the articles never write still finds the sentences that use its expansion.
 */
export class AcronymIndex {
  private readonly expansions = new Map<string, string[]>();

  add(text: string): void {
    for (const m of text.matchAll(CAPITALISED_RUN)) {
      const capitals = m[0].split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
      if (capitals.length < 2 || capitals.length > 8) continue;
      const acronym = capitals.map((w) => w[0]!.toLowerCase()).join('');
      if (!this.expansions.has(acronym)) this.expansions.set(acronym, terms(m[0]));
    }
  }

  get(acronym: string): string[] | undefined {
    return this.expansions.get(acronym);
  }
}

/** Question terms, with an acronym the articles never use replaced by the expansion they do use. */
interface QuestionTerms {
  terms: string[];
  /** Stems of WordNet synonyms of each question term that the articles use. */
  synonyms: Map<string, Set<string>>;
}

function questionTerms(ctx: AskContext, question: string): QuestionTerms {
  const out: string[] = [];
  const synonyms = new Map<string, Set<string>>();
  for (const raw of question.match(/[\p{L}\p{N}.’']+/gu) ?? []) {
    const t = terms(raw);
    const acronym = /^(?:\p{Lu}\.?){2,8}$/u.test(raw) ? t[0] : undefined;
    const expansion = acronym && !ctx.stats.has(acronym) ? ctx.acronyms?.().get(acronym) : undefined;
    out.push(...(expansion ?? t));
    const term = t[0];
    if (!expansion && term && t.length === 1 && !acronym && ctx.synonyms) {
      const stems = new Set(ctx.synonyms(normalizeWord(raw)).flatMap((w) => terms(w)).filter((x) => x !== term && ctx.stats.has(x)));
      if (stems.size > 0) synonyms.set(term, stems);
    }
  }
  return { terms: [...new Set(out)], synonyms };
}

export interface AskContext {
  index: MiniSearch<IndexedDoc>;
  passages: Map<string, Passage>;
  articles: Map<string, Article>;
  stats: TermStats;
  /** Index terms of a sentence (memoised by the story). */
  sentenceTerms(sentence: Sentence): readonly string[];
  annotator?: SentenceAnnotator;
  /** Acronyms the articles spell out; built on first use. */
  acronyms?(): AcronymIndex;
  /** Synonyms of a word (WordNet), for questions worded differently from the articles. */
  synonyms?(word: string): string[];
}

/** How much of a question term a set of sentence terms carries: 1 exact, 0.8 a compound or a one-letter variant. */
/** Endings that turn a place into its people or adjective: Albania → Albanian, Israel → Israeli, Japan → Japanese. */
const DEMONYM_ENDINGS = new Set(['n', 'an', 'ian', 'i', 'ese', 'ish', 'er']);

/**
 * Is `long` the word `short` extended into a related one? A compound ("cyber" → "cyberattack", the rest being a
 * word of its own) or a demonym ("albania" → "albanian"); not a mere shared beginning ("popul" / "popular").
 */
function extends_(long: string, short: string): boolean {
  if (short.length < 4 || long.length <= short.length) return false;
  if (long.startsWith(short)) {
    const rest = long.slice(short.length);
    return DEMONYM_ENDINGS.has(rest) || rest.length >= 4;
  }
  return short.length >= 5 && long.endsWith(short) && long.length - short.length >= 4;
}

/** How much of a question term a set of sentence terms carries: 1 exact, 0.8 a compound, demonym or typo. */
function termMatch(qTerm: string, sentence: ReadonlySet<string>): number {
  if (sentence.has(qTerm)) return 1;
  if (qTerm.length < 4) return 0;
  for (const t of sentence) {
    if (extends_(t, qTerm) || extends_(qTerm, t)) return 0.8;
    if (qTerm.length >= 6 && t.length >= 6 && Math.abs(t.length - qTerm.length) <= 1 && editDistanceAtMostOne(qTerm, t)) return 0.8;
  }
  return 0;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export interface Scored {
  passage: Passage;
  coverage: number;
  typed: boolean;
  score: number;
}

function sentenceTermsOf(ctx: AskContext, s: Sentence): Set<string> {
  return new Set(ctx.sentenceTerms(s));
}

/**
 * The terms to retrieve candidates with. MiniSearch scores every passage a term matches, so a term found in a
 * large share of sentences costs much and discriminates little: it is left to the reranking, unless the question
 * has nothing rarer. Fuzzy matching is kept for terms the articles never use (typos).
 */
function retrievalQuery(ctx: AskContext, q: QuestionTerms): { query: string; options: SearchOptions } {
  const common = Math.max(200, 0.03 * ctx.stats.sentences);
  const rare = q.terms.filter((t) => ctx.stats.frequency(t) <= common);
  const synonyms = new Set([...q.synonyms.values()].flatMap((set) => [...set]).filter((t) => ctx.stats.frequency(t) <= common));
  for (const t of q.terms) synonyms.delete(t);
  const query = [...(rare.length > 0 ? rare : q.terms), ...synonyms].join(' ');
  return {
    query,
    options: {
      ...searchOptions,
      fuzzy: (term: string) => (term.length >= 5 && !ctx.stats.has(term) ? 0.2 : false),
      boostTerm: (term: string) => (synonyms.has(term) ? 0.4 : 1),
    },
  };
}

function synonymMatch(synonyms: Set<string> | undefined, own: ReadonlySet<string>, around: ReadonlySet<string>): number {
  if (!synonyms) return 0;
  let best = 0;
  for (const syn of synonyms) {
    if (own.has(syn)) return askDefaults.synonymCredit;
    if (around.has(syn)) best = askDefaults.synonymCredit / 2;
  }
  return best;
}

/**
 * How much each question term matters besides its rarity: a question is paraphrased mostly in its verbs and
 * adjectives ("cut ties" for "severed relations"), while its names and nouns say what it is about.
 */
function roleWeights(question: string): Map<string, number> {
  const weights = new Map<string, number>();
  const tagged = nlp(question).terms().json() as { terms: { normal?: string; text: string; tags: string[] }[] }[];
  for (const entry of tagged) {
    const t = entry.terms[0];
    if (!t) continue;
    const term = termOf(t.text.replace(/[^\p{L}\p{N}'’.-]/gu, ''));
    if (!term) continue;
    const tags = new Set(t.tags);
    const r = askDefaults.roleWeight;
    const weight = tags.has('ProperNoun') || tags.has('Value') ? r.name : tags.has('Noun') ? r.noun : tags.has('Adjective') ? r.adjective : tags.has('Verb') ? r.verb : r.other;
    weights.set(term, Math.max(weight, weights.get(term) ?? 0));
  }
  return weights;
}

/** Coverage of the question by a sentence: weighted share of question terms it holds (neighbours count half). */
function coverageOf(ctx: AskContext, q: QuestionTerms, weights: Map<string, number>, passage: Passage, article: Article): number {
  const qTerms = q.terms;
  const own = sentenceTermsOf(ctx, passage.sentence);
  const around = new Set(terms(article.body.slice(passage.windowStart, passage.windowEnd) + ' ' + article.title));
  let total = 0;
  let covered = 0;
  for (const t of qTerms) {
    const w = ctx.stats.idf(t) * (weights.get(t) ?? 1);
    total += w;
    const direct = Math.max(termMatch(t, own), 0.5 * termMatch(t, around));
    const viaSynonym = direct < askDefaults.synonymCredit ? synonymMatch(q.synonyms.get(t), own, around) : 0;
    covered += w * Math.max(direct, viaSynonym);
  }
  return total === 0 ? 0 : covered / total;
}

/** Candidates for a question, best first, with what their score is made of (also used to explain answers). */
export function rankCandidates(ctx: AskContext, question: string, options: Partial<typeof askDefaults> = {}): Scored[] {
  const opts = { ...askDefaults, ...options };
  const qTerms = questionTerms(ctx, question);
  if (qTerms.terms.length === 0) return [];
  const type = questionType(question);
  const questionWords = new Set(words(question));
  const weights = roleWeights(question);
  const retrieval = retrievalQuery(ctx, qTerms);
  const hits = ctx.index.search(retrieval.query, retrieval.options).slice(0, opts.candidates);
  const topScore = hits[0]?.score ?? 1;
  const scored: Scored[] = [];
  for (const hit of hits) {
    const passage = ctx.passages.get(String(hit.id));
    if (!passage) continue;
    const article = ctx.articles.get(passage.sentence.articleId)!;
    const coverage = coverageOf(ctx, qTerms, weights, passage, article);
    const typed = fallbackHasType(type, passage.sentence, questionWords, ctx.annotator ?? {});
    const isQuestion = /\?["”’]?$/.test(passage.sentence.text);
    const score = coverage + (typed ? opts.typeBonus : 0) + 0.1 * (hit.score / topScore) - (isQuestion ? 0.3 : 0);
    scored.push({ passage, coverage, typed, score });
  }
  return scored.sort((a, b) => b.score - a.score);
}

/** Questions whose answer is a name, a date, a place or a number: a sentence without one doesn't answer them. */
const TYPED_ANSWERS: ReadonlySet<QuestionType> = new Set(['who', 'when', 'where', 'quantity']);

export function ask(ctx: AskContext, question: string, options: Partial<typeof askDefaults> = {}): AskResult {
  const opts = { ...askDefaults, ...options };
  const scored = rankCandidates(ctx, question, opts);
  const needsType = TYPED_ANSWERS.has(questionType(question));
  const best = scored.find((s) => s.coverage >= opts.minCoverage && (s.typed || !needsType));
  if (!best) return { answer: null, citations: [] };
  const answerCitation = answerSpan(ctx, best.passage, opts.shortSentence);
  const citations: Citation[] = [answerCitation];
  const usedParagraphs = new Set([`${best.passage.sentence.articleId}#${best.passage.sentence.paragraph}`]);
  for (const s of scored) {
    if (citations.length >= opts.maxCitations) break;
    if (s === best) continue;
    const key = `${s.passage.sentence.articleId}#${s.passage.sentence.paragraph}`;
    if (usedParagraphs.has(key) || s.coverage < opts.minCoverage || s.score < best.score * 0.6 || (needsType && !s.typed)) continue;
    usedParagraphs.add(key);
    citations.push(answerSpan(ctx, s.passage, opts.shortSentence));
  }
  return { answer: { text: answerCitation.excerpt, citation: answerCitation }, citations };
}

/** The answering sentence, joined with the next one in its paragraph when it is too short to stand alone. */
function answerSpan(ctx: AskContext, passage: Passage, shortSentence: number): Citation {
  const article = ctx.articles.get(passage.sentence.articleId)!;
  const s = passage.sentence;
  const mode = (askDefaults as { answerMode?: string }).answerMode ?? 'sentence';
  if (mode === 'window') return cite(article, passage.windowStart, passage.windowEnd);
  if (mode === 'next') return cite(article, s.start, passage.windowEnd - s.start <= 400 ? passage.windowEnd : s.end);
  const end = s.text.length < shortSentence ? passage.windowEnd : s.end;
  return cite(article, s.start, Math.max(end, s.end));
}
