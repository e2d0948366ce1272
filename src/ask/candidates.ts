// Candidates: a sentence, the neighbours shown with it, and how well they answer the question (its score).
import { partitionPoint, weakMemo } from '../util/collections.js';
import { STOP_WORDS, terms, words } from '../text/terms.js';
import type { Passage } from '../index/search.js';
import type { Article, Sentence } from '../model/types.js';
import { QUOTED_SPEAKER_CUES } from '../extract/vocabulary.js';
import { typeStrength } from './answer-types.js';
import type { AskContext } from './context.js';
import { coverageOf, type Coverage, type Surroundings } from './coverage.js';
import { countsNoun, ownMatches, type OwnMatch } from './match.js';
import type { Question, QuestionTerm } from './question.js';
import type { AskOptions } from './tuning.js';

/** A candidate answer: a sentence, maybe with a neighbour shown with it, its coverage of the question and its score. */
export interface Scored extends Coverage {
  passage: Passage;
  /** Does the answer hold an answer of the question's type? */
  typed: boolean;
  score: number;
  /** The answer's span in the article body: the sentence, maybe with a neighbour. */
  start: number;
  end: number;
}

/** The sentence before or after in the same paragraph, if any. */
function neighbour(ctx: AskContext, s: Sentence, step: -1 | 1): Sentence | undefined {
  if (s.index + step < 1) return undefined;
  return ctx.passages.get(`${s.articleId}#p${s.paragraph}.s${s.index + step}`)?.sentence;
}

/** The last sentence of the paragraph before and the first of the paragraph after, when the sentence is at an edge. */
function acrossParagraph(ctx: AskContext, s: Sentence): Sentence[] {
  const sentences = ctx.articles.get(s.articleId)!.sentences;
  const lo = partitionPoint(sentences.length, (i) => sentences[i]!.start < s.start);
  const out: Sentence[] = [];
  const before = sentences[lo - 1];
  const after = sentences[lo + 1];
  if (before && before.paragraph !== s.paragraph) out.push(before);
  if (after && after.paragraph !== s.paragraph) out.push(after);
  return out;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Sentences that lean on the one before them: a pronoun or a connective first. */
const LEANS_BACK = /^[“"‘']?(?:he|she|they|it|this|that|these|those|his|her|their|its|but|however|both|such|there)\b/i;

const titleTerms = weakMemo((article: Article): Set<string> => new Set(terms(article.title)));

/** A personal pronoun: the sentence speaks of someone named before it. */
const PRONOUN_RE = /\b(?:he|she|his|her|him)\b/i;

/** Does the sentence quote someone the question names ("… ,” Lapid told Rama")? */
function quotesSubject(q: Question, s: Sentence, own: Map<QuestionTerm, OwnMatch>): boolean {
  if (!/[“”"]/.test(s.text)) return false;
  const sentenceWords = words(s.text);
  const speech: number[] = [];
  sentenceWords.forEach((w, i) => {
    if (QUOTED_SPEAKER_CUES.has(w)) speech.push(i);
  });
  // "Lapid told Rama", "Watson said": the name just before the verb. "Said Lapid on Sunday": just after it,
  // unless a clause follows ("the release said Lapid proposed …": Lapid is not the one speaking).
  const speaks = (i: number) =>
    speech.some((j) => (j > i && j - i <= 2) || (j === i - 1 && (i + 1 >= sentenceWords.length || STOP_WORDS.has(sentenceWords[i + 1]!))));
  return q.terms.some((t) => t.role === 'name' && own.get(t)!.positions.some(speaks));
}

/**
 * A candidate scored: the sentence alone or shown with its neighbours, whichever answers best (coverage, the answer's
 * type, the cost of a longer answer), with a share of its retrieval score.
 */
export function evaluate(ctx: AskContext, q: Question, passage: Passage, retrieval: number, opts: AskOptions): Scored {
  const s = passage.sentence;
  const prev = neighbour(ctx, s, -1);
  const next = neighbour(ctx, s, 1);
  const edges = acrossParagraph(ctx, s);
  const prevTerms = new Set(prev ? ctx.sentenceTerms(prev) : []);
  // Whom a pronoun names: the sentence before, across a paragraph break when this one opens its paragraph.
  const before = prev ? null : edges.find((x) => x.start < s.start);
  const refersBack = opts.pronounCredit > 0 && PRONOUN_RE.test(s.text);
  const e: Surroundings = {
    s,
    ownMatch: ownMatches(q, s, opts),
    prev,
    next,
    prevTerms,
    nextTerms: new Set(next ? ctx.sentenceTerms(next) : []),
    title: titleTerms(ctx.articles.get(s.articleId)!),
    acrossParagraph: new Set(edges.flatMap((x) => ctx.sentenceTerms(x))),
    referent: !refersBack ? EMPTY : before ? new Set(ctx.sentenceTerms(before)) : prevTerms,
  };
  const strengthOf = (x: Sentence | undefined) => (x === undefined || q.type === 'other' ? 0 : typeStrength(q.type, x, q.words, ctx.annotator));
  // The sentence across the paragraph break, when this one ends its paragraph: the answer's text reads on into it,
  // so what it holds ("Ann Kite told the court…" after "A PR expert has told the trial…") is shown with the answer.
  // It makes the answer typed; it earns no bonus (that ranked worse on the eval sets).
  const after = !next && opts.contextAcrossParagraphs ? edges.find((x) => x.start > s.start) : undefined;
  const typed = { own: strengthOf(s), prev: strengthOf(prev), next: strengthOf(next), after: strengthOf(after) };
  if (q.type === 'said' && typed.own > 0 && quotesSubject(q, s, e.ownMatch)) typed.own = 1;
  const leansBack = LEANS_BACK.test(s.text);
  let best: Scored | null = null;
  for (const [withPrev, withNext] of [[false, false], [true, false], [false, true], [true, true]] as const) {
    if ((withPrev && !prev) || (withNext && !next)) continue;
    const start = withPrev ? prev!.start : s.start;
    const end = withNext ? next!.end : s.end;
    if ((withPrev || withNext) && end - start > opts.maxAnswerChars) continue;
    const cov = coverageOf(q, e, withPrev, withNext, opts);
    const shownAfter = after !== undefined && after.end - start <= opts.maxAnswerChars ? typed.after : 0;
    const around = Math.max(withPrev ? typed.prev : 0, withNext ? typed.next : 0) * opts.neighbourTypeShare;
    const strength = Math.max(typed.own, around);
    const isTyped = Math.max(typed.own, withPrev ? typed.prev : 0, withNext ? typed.next : 0, shownAfter) >= opts.minTypeStrength;
    const extra = (withPrev ? 1 : 0) + (withNext ? 1 : 0);
    const spanScore =
      cov.coverage + opts.typeBonus * strength - opts.extraSentencePenalty * extra + (withPrev && leansBack ? opts.extraSentencePenalty : 0) +
      (withNext && s.text.length < opts.shortSentence ? opts.extraSentencePenalty : 0);
    if (!best || spanScore > best.score) best = { passage, ...cov, typed: isTyped, score: spanScore, start, end };
  }
  if (countsNoun(q, s)) best!.score += opts.countedBonus;
  const isQuestion = /\?["”’]?$/.test(s.text);
  best!.score += 0.1 * retrieval - (isQuestion ? 0.3 : 0);
  return best!;
}
