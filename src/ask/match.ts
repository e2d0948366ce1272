// Matching: where and how well each question term occurs in a sentence (exactly, as a compound, demonym, typo, …).
import { boundedMemo } from '../util/collections.js';
import { DEMONYM_ENDINGS, demonymPartners, isDemonymOf } from '../text/demonyms.js';
import { normalizeWord, rawTokens, termSequence } from '../text/terms.js';
import type { Sentence } from '../model/types.js';
import { CAPITALISED_TITLE_WORDS } from '../extract/vocabulary.js';
import type { Question, QuestionTerm } from './question.js';
import type { AskOptions } from './tuning.js';

/** Endings that extend a word into a related one: those of a demonym, and "-er". */
const EXTENSION_ENDINGS: ReadonlySet<string> = new Set([...DEMONYM_ENDINGS, 'er']);

/**
 * Is `long` the word `short` extended into a related one? A compound ("cyber" → "cyberattack", the rest being a
 * word of its own) or a demonym ("albania" → "albanian"); not a mere shared beginning ("popul" / "popular").
 */
function extends_(long: string, short: string): boolean {
  if (short.length < 4 || long.length <= short.length) return false;
  if (long.startsWith(short)) {
    const rest = long.slice(short.length);
    return EXTENSION_ENDINGS.has(rest) || rest.length >= 4;
  }
  return short.length >= 5 && long.endsWith(short) && long.length - short.length >= 4;
}

/** Are the two words one insertion, deletion or substitution apart (a typo)? */
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

/** How much of a question term one index term carries: 1 exact, 0.8 a compound, demonym, typo or family word. */
function matchOne(q: QuestionTerm, t: string, opts: AskOptions): number {
  if (t === q.term) return 1;
  const qTerm = q.term;
  if (qTerm.length >= 4) {
    // A name and its people or adjective ("Albania" / "Albanian") are the same thing said two ways.
    if (q.role === 'name' && (isDemonymOf(t, qTerm) || isDemonymOf(qTerm, t) || demonymPartners(qTerm)?.has(t))) return opts.demonymCredit;
    if (extends_(t, qTerm) || extends_(qTerm, t)) return 0.8;
    if (qTerm.length >= 6 && t.length >= 6 && Math.abs(t.length - qTerm.length) <= 1 && editDistanceAtMostOne(qTerm, t)) return 0.8;
  }
  if (q.family.has(t)) return opts.familyCredit;
  if (q.partOf.has(t)) return opts.partOfCredit;
  if (q.synonyms.has(t)) return opts.synonymCredit;
  return 0;
}

/** Where a name spelled out ("screen actor guild") starts in a term sequence, its words in order (stop words between); -1 if nowhere. */
function spelledAt(seq: readonly (string | null)[], spelled: readonly string[]): number {
  for (let i = 0; i < seq.length; i++) {
    if (seq[i] !== spelled[0]) continue;
    let k = 1;
    for (let j = i + 1; j < seq.length && k < spelled.length && j - i <= spelled.length + 2; j++) {
      if (seq[j] === spelled[k]) k++;
      else if (seq[j] !== null) break;
    }
    if (k === spelled.length) return i;
  }
  return -1;
}

/** Where each question term occurs in a sentence's term sequence, and how well. */
export interface OwnMatch {
  credit: number;
  positions: number[];
}

/** Is the token at i part of a capitalised name ("United States", "People's Mujahideen") rather than a common word? */
function inName(raw: readonly string[], i: number): boolean {
  const capital = (k: number) => /^\p{Lu}/u.test(raw[k] ?? '');
  if (!capital(i) || i === 0 || CAPITALISED_TITLE_WORDS.has(normalizeWord(raw[i]!))) return false;
  return capital(i - 1) || capital(i + 1);
}

/**
 * Term sequences of the sentences recent questions looked at, bounded so memory doesn't grow with use (keyed by the
 * sentence object, which is replaced when its article is).
 */
const sequenceOf = boundedMemo((s: Sentence): (string | null)[] => termSequence(s.text), 20_000);

/**
 * Where and how well each question term occurs in the sentence itself, a phrase of the question whose words the
 * sentence uses apart counting less.
 */
export function ownMatches(q: Question, s: Sentence, opts: AskOptions): Map<QuestionTerm, OwnMatch> {
  const seq = sequenceOf(s);
  let raw: string[] | null = null;
  const out = new Map<QuestionTerm, OwnMatch>();
  for (const qt of q.terms) {
    let credit = 0;
    const positions: number[] = [];
    seq.forEach((t, i) => {
      if (t === null) return;
      const c = matchOne(qt, t, opts);
      if (c <= 0) return;
      credit = Math.max(credit, c);
      positions.push(i);
    });
    if (credit < 1 && qt.spelled) {
      const at = spelledAt(seq, qt.spelled);
      if (at >= 0) {
        credit = 1;
        positions.push(at);
      }
    }
    // A common word of the question found only inside a name ("states" in "United States") is weak evidence.
    if (credit > 0 && qt.common) {
      raw ??= rawTokens(s.text);
      const tokens = raw;
      if (positions.every((i) => inName(tokens, i))) credit *= opts.inNameCredit;
    }
    out.set(qt, { credit, positions });
  }
  // A phrase of the question whose words the sentence uses apart ("cyber defense" … "Foreign Minister" for
  // "defense minister") is not what the question asks about: both words count less.
  for (const [a, b] of q.phrases) {
    const ma = out.get(a)!;
    const mb = out.get(b)!;
    if (ma.credit === 0 || mb.credit === 0) continue;
    const close = ma.positions.some((i) => mb.positions.some((j) => Math.abs(i - j) <= opts.phraseGap));
    if (close) continue;
    ma.credit *= opts.splitPhraseCredit;
    mb.credit *= opts.splitPhraseCredit;
  }
  return out;
}

/** How much of a question term a set of sentence terms carries (the best of its terms). */
export function termMatch(q: QuestionTerm, sentence: ReadonlySet<string>, opts: AskOptions): number {
  if (sentence.has(q.term)) return 1;
  if (q.spelled && q.spelled.every((t) => sentence.has(t))) return 1;
  let best = 0;
  for (const t of sentence) best = Math.max(best, matchOne(q, t, opts));
  return best;
}

const NUMBER_WORD = /^(?:\d[\d,.]*(?:bn|m|k)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?)$/i;

/** Does the sentence count what the question counts: a number a few words before the counted noun ("250 screens")? */
export function countsNoun(q: Question, s: Sentence): boolean {
  const counted = q.counted;
  if (!counted) return false;
  const seq = sequenceOf(s);
  const raw = rawTokens(s.text);
  for (let i = 0; i < raw.length; i++) {
    if (!NUMBER_WORD.test(raw[i]!)) continue;
    for (let k = i + 1; k <= i + 3 && k < seq.length; k++) {
      const t = seq[k];
      if (t !== null && t !== undefined && (t === counted.term || counted.family.has(t))) return true;
    }
  }
  return false;
}
