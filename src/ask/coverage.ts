// Coverage: how much of the question an answer, its neighbours and its surroundings hold, in a lenient and a strict reading.
import type { Sentence } from '../model/types.js';
import { termMatch, type OwnMatch } from './match.js';
import type { Question, QuestionTerm, Role } from './question.js';
import type { AskOptions } from './tuning.js';

/** A sentence's own terms and those of its surroundings, for crediting question terms. */
export interface Surroundings {
  s: Sentence;
  /** The sentence's own matches, phrase-aware. */
  ownMatch: Map<QuestionTerm, OwnMatch>;
  prev?: Sentence;
  next?: Sentence;
  prevTerms: ReadonlySet<string>;
  nextTerms: ReadonlySet<string>;
  title: ReadonlySet<string>;
  /** Terms of the sentences just across a paragraph break, before and after. */
  acrossParagraph: ReadonlySet<string>;
  /** Terms of the sentence before, even across a paragraph break, when this one refers back to it by a personal pronoun ("She had…"). */
  referent: ReadonlySet<string>;
}

/** How one question term was found around an answer (for explaining answers). */
export interface TermCredit {
  term: string;
  weight: number;
  role: Role;
  present: boolean;
  credit: number;
  strict: number;
}

/** How much of the question an answer covers, in the readings the ranking and the decision to answer use. */
export interface Coverage {
  /** Per question term: its weight and the credit the answer earned for it. */
  detail: TermCredit[];
  /** Weighted share of the question's terms the answer (and, for less, its surroundings) holds. */
  coverage: number;
  /** Coverage with the question's phrases held to (for deciding whether to answer). */
  strictCoverage: number;
  /** Coverage by the sentence alone. */
  ownCoverage: number;
  /** Share of the question's weight in terms the articles use but the answer and its surroundings lack. */
  missingPresent: number;
  /** Names of the question the articles use but the answer and its surroundings lack. */
  missingNames: number;
  /** Coverage of the terms the articles use at all. */
  presentCoverage: number;
  /** Weight of the question terms covered, in units of the rarest possible term's weight. */
  matched: number;
  /** Question terms the answer's surroundings don't hold at all. */
  missing: string[];
}

/**
 * How well an answer made of the sentence, maybe with its previous and/or next sentence shown too, covers the
 * question: a term in the sentence counts fully, in a neighbour shown with it a little less, in a neighbour not
 * shown or the article's title less again.
 */
export function coverageOf(q: Question, e: Surroundings, withPrev: boolean, withNext: boolean, opts: AskOptions): Coverage {
  let covered = 0;
  let ownCovered = 0;
  let presentCovered = 0;
  let presentTotal = 0;
  let missingPresent = 0;
  let missingNames = 0;
  const missing: string[] = [];
  const credits = new Map<QuestionTerm, number>();
  for (const t of q.terms) {
    const own = e.ownMatch.get(t)!;
    // A term the sentence uses (maybe out of its phrase) is judged there, not by a neighbour's use of it.
    credits.set(
      t,
      own.positions.length > 0
        ? own.credit
        : Math.max(
            (withPrev ? opts.shownCredit : opts.nearCredit) * termMatch(t, e.prevTerms, opts),
            (withNext ? opts.shownCredit : opts.nearCredit) * termMatch(t, e.nextTerms, opts),
            opts.nearCredit * termMatch(t, e.title, opts),
            opts.acrossParagraphCredit * termMatch(t, e.acrossParagraph, opts),
            t.role === 'name' ? opts.pronounCredit * termMatch(t, e.referent, opts) : 0,
          ),
    );
  }
  // "Gordon Brown" asked about, "Mr Brown" in the sentence: the full name's other words count as found.
  if (opts.surnameCredit > 0) {
    for (const name of q.fullNames) {
      const last = name[name.length - 1]!;
      if (e.ownMatch.get(last)!.positions.length === 0) continue;
      for (const t of name) if (t !== last) credits.set(t, Math.max(credits.get(t)!, opts.surnameCredit * credits.get(last)!));
    }
  }
  // The strict reading, for deciding whether to answer at all. A name the answer doesn't show (only a neighbour
  // left out or the next paragraph has it; the title would do: the article is about it) is weak evidence that the
  // answer is about it. A phrase of the question whose words are in different sentences ("defense" here,
  // "minister" in the next) is not the phrase.
  const strict = new Map(credits);
  for (const t of q.terms) {
    const hidden = e.ownMatch.get(t)!.positions.length === 0 && credits.get(t)! < opts.shownCredit * 0.8 && termMatch(t, e.title, opts) === 0;
    if (t.role === 'name' && hidden) strict.set(t, credits.get(t)! * opts.hiddenNameShare);
  }
  for (const [a, b] of q.phrases) {
    const inA = e.ownMatch.get(a)!.positions.length > 0;
    const inB = e.ownMatch.get(b)!.positions.length > 0;
    if (inA === inB) continue; // both in the sentence (judged there) or neither
    const [inside, outside] = inA ? [a, b] : [b, a];
    if (strict.get(outside)! > 0) {
      strict.set(inside, strict.get(inside)! * opts.splitPhraseCredit);
      strict.set(outside, strict.get(outside)! * opts.splitPhraseCredit);
    }
  }
  let strictCovered = 0;
  const detail: TermCredit[] = [];
  for (const t of q.terms) {
    const credit = credits.get(t)!;
    detail.push({ term: t.term, weight: t.weight, role: t.role, present: t.present, credit, strict: strict.get(t)! });
    strictCovered += t.weight * strict.get(t)!;
    if (credit === 0) missing.push(t.term);
    covered += t.weight * credit;
    ownCovered += t.weight * e.ownMatch.get(t)!.credit;
    if (t.present) {
      presentTotal += t.weight;
      presentCovered += t.weight * credit;
      if (credit === 0) {
        missingPresent += t.weight;
        if (t.role === 'name' && !t.demonym) missingNames++;
      }
    }
  }
  return {
    coverage: q.total === 0 ? 0 : covered / q.total,
    strictCoverage: q.total === 0 ? 0 : strictCovered / q.total,
    ownCoverage: q.total === 0 ? 0 : ownCovered / q.total,
    presentCoverage: presentTotal === 0 ? 0 : presentCovered / presentTotal,
    matched: covered / q.maxWeight,
    missingPresent: q.total === 0 ? 0 : missingPresent / q.total,
    missingNames,
    missing,
    detail,
  };
}
