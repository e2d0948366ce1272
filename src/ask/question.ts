// The question as the ranking reads it: its type, and its terms weighted by rarity and part of speech, in phrases.
import nlp from 'compromise';
import { demonymPartners } from '../text/demonyms.js';
import { wordNet } from '../text/synonyms.js';
import { baseForm, normalizeWord, termOf, terms, words } from '../text/terms.js';
import type { AskContext } from './context.js';
import { isKeywordQuery, questionType, SETS_BACK, type QuestionType } from './question-type.js';
import type { AskOptions } from './tuning.js';
import { truecase, unchat } from './typed.js';

export type Role = 'name' | 'noun' | 'adjective' | 'verb' | 'other';

export interface QuestionTerm {
  term: string;
  /** Rarity in the articles × weight of its part of speech. */
  weight: number;
  role: Role;
  /** "Iranian", "American": a name used as an adjective, often left out or said otherwise. */
  demonym: boolean;
  /** Written in lower case in the question: a common word, not part of a name ("member states"). */
  common: boolean;
  /** For an acronym the articles also spell out, the index terms of the name spelled out ("SAG" → screen actor guild). */
  spelled: readonly string[] | null;
  /** Do the articles use the term at all? */
  present: boolean;
  /** Index terms of WordNet synonyms the articles use (only for a term they never use). */
  synonyms: ReadonlySet<string>;
  /** Index terms of words of the same family the articles use ("winner" for "won"). */
  family: ReadonlySet<string>;
  /** For a place: index terms of what it is part of ("iran" for "Tehran"), as news names a government by its capital. */
  partOf: ReadonlySet<string>;
}

export interface Question {
  text: string;
  type: QuestionType;
  terms: QuestionTerm[];
  total: number;
  /** Share of the weight in terms the articles never use. */
  absentShare: number;
  /** Names (and numbers) of the question the articles never use: it is about something they don't cover. */
  absentNames: number;
  /** The weight of a term the articles never use: the unit of `Scored.matched`. */
  maxWeight: number;
  /** Pairs of terms that form a phrase in the question. */
  phrases: [QuestionTerm, QuestionTerm][];
  /** The noun a how-many question counts ("screens" in "how many screens …"), if it names one. */
  counted: QuestionTerm | null;
  /** How many separate names the question gives ("Gordon Brown" is one, "Texas … the Cotton Bowl" two). */
  nameGroups: number;
  /** Names of several words ("Gordon Brown"): a later mention gives the last word alone ("Mr Brown"). */
  fullNames: QuestionTerm[][];
  /** The question's words, so that a name it already gives is not taken for the answer. */
  words: ReadonlySet<string>;
}

/** A word in the possessive: "O'Gara's", "the bankers'". */
const POSSESSIVE = /\p{L}(?:['’]s|s['’])$/u;

/** A token of the question as its phrases are read: its term, null for a stop word, or "of". */
type Slot = QuestionTerm | null | 'of';

/** Roles of words that make up a noun phrase ("defense minister", "secretary general", "member states"). */
const NOMINAL: ReadonlySet<Role> = new Set(['name', 'noun', 'adjective']);

/**
 * Nouns that name the kind of answer wanted ("what year", "which kind of"): they are not something the
 * answer must contain.
 */
const ANSWER_KIND_NOUNS = new Set(
  'date dates year years day days month months time times kind kinds type types sort sorts number amount percentage nationality sum figure'.split(' '),
);

/**
 * Words of time adjuncts ("last night", "this year"): a question repeats them from the article's lead, while
 * the sentence that answers often doesn't.
 */
const TIME_ADJUNCTS = new Set(
  'last next this earlier later yesterday today tonight tomorrow morning afternoon evening night week weekend month year recently ago'.split(' '),
);

function answerKindWords(question: string, type: QuestionType): Set<string> {
  const out = new Set<string>();
  const q = question.toLowerCase();
  for (const m of q.matchAll(/\b(?:what|which|whose)\s+([a-z]+)/g)) {
    if (ANSWER_KIND_NOUNS.has(m[1]!)) out.add(m[1]!);
  }
  // "What will it set you back?": an idiom for its cost, not words the answer holds.
  if (SETS_BACK.test(q)) for (const w of ['set', 'back']) out.add(w);
  // "How long", "how far": the measure asked for. "Take place": where or when, not a place's name.
  for (const m of q.matchAll(/\bhow\s+(long|far|often|old|big|large|soon|tall|high|early|late|fast|quickly|heavy|deep|wide)\b/g)) out.add(m[1]!);
  if (/\b(?:take|takes|took|taken|taking)\s+place\b/.test(q)) out.add('place');
  // "What is Lapid saying?": a quotation of his is the answer, not a sentence with the word "saying" in it.
  if (type === 'said') for (const m of q.matchAll(/\b(say|said|says|saying|tell|told)\b/g)) out.add(m[1]!);
  // "What happened in September?": what it asks for is whatever the articles tell of it.
  const happened = /^what(?: has| had| is| was|'s|’s)? (happen|happened|happens|happening|went on|is going on|was going on)\b/.exec(q);
  if (happened) for (const w of happened[1]!.split(' ')) out.add(w);
  return out;
}

/**
 * How much each question term matters besides its rarity: a question is paraphrased mostly in its verbs and
 * adjectives ("cut ties" for "severed relations"), while its names and nouns say what it is about.
 */
function roles(question: string, demonyms: Set<string>, isNameWord?: (lower: string) => boolean): Map<string, Role> {
  const out = new Map<string, Role>();
  const rank: Record<Role, number> = { name: 4, noun: 3, adjective: 2, verb: 1, other: 0 };
  // The tagged terms themselves: `.terms().json()` would build a JSON view of every term first (twice the time).
  const tagged = (nlp(question) as unknown as { docs: { text: string; tags: Set<string> }[][] }).docs.flat();
  tagged.forEach((t, i) => {
    const text = t.text.replace(/[^\p{L}\p{N}'’.-]/gu, '');
    const term = termOf(text);
    if (!term) return;
    const tags = t.tags;
    // A capitalised word past the first is a name even when the tagger misses it ("NATO", "Skipjack").
    const capitalised = i > 0 && /^\p{Lu}/u.test(text);
    // Names are capitalised; the tagger also calls lower-case words proper nouns ("the first man"). Numbers count
    // as names: a year or a figure the question gives pins what it asks about.
    // The first word is capitalised anyway: a name if the tagger knows it as one or the articles only write it so.
    const first = i === 0 && (tags.has('ProperNoun') || (/^\p{Lu}/u.test(text) && (isNameWord?.(text.toLowerCase().replace(/['’]s$/, '')) ?? false)));
    const name = capitalised || first || /\d/.test(text);
    const role: Role = name ? 'name' : tags.has('Ordinal') ? 'adjective' : tags.has('Noun') ? 'noun' : tags.has('Adjective') ? 'adjective' : tags.has('Verb') ? 'verb' : 'other';
    if (tags.has('Demonym')) demonyms.add(term);
    const old = out.get(term);
    if (!old || rank[role] > rank[old]) out.set(term, role);
  });
  return out;
}

/** The question read: its chat shorthand and lower-case names undone, its type, its weighted terms and its phrases. */
export function analyze(ctx: AskContext, original: string, opts: AskOptions): Question {
  const plain = unchat(original);
  const question = opts.truecase ? truecase(ctx, plain) : plain;
  const type = questionType(question);
  const kindWords = answerKindWords(question, type);
  const asked = new Set(words(question));
  const demonyms = new Set<string>();
  const termRoles = roles(question, demonyms, ctx.isNameWord);
  const seen = new Map<string, QuestionTerm>();
  /** The question term of each token (null for a stop word), to find the phrases the question is made of. */
  const slots: Slot[] = [];
  let afterWh = false;
  for (const raw of question.match(/[\p{L}\p{N}.’']+/gu) ?? []) {
    const lower = normalizeWord(raw);
    if (kindWords.has(lower)) {
      slots.push(null);
      continue;
    }
    const t = terms(raw);
    if (t.length !== 1) slots.push(lower === 'of' ? 'of' : null);
    const acronym = /^(?:\p{Lu}\.?){2,8}$/u.test(raw) ? t[0] : undefined;
    const expansion = acronym && !ctx.stats.has(acronym) ? ctx.acronyms?.().get(acronym) : undefined;
    for (const term of expansion ?? t) {
      if (seen.has(term)) continue;
      const role = expansion ? 'name' : (termRoles.get(term) ?? 'other');
      const present = ctx.stats.has(term);
      let synonyms: Set<string> = new Set();
      if (!present && role !== 'name' && !acronym && t.length === 1 && opts.synonymCredit > 0) {
        const synonymsOf = ctx.synonyms ?? ((w: string, senses: number) => wordNet().synonyms(w, { senses }));
        synonyms = new Set(synonymsOf(normalizeWord(raw), opts.synonymSenses).flatMap((w) => terms(w)).filter((x) => x !== term && ctx.stats.has(x)));
      }
      const family = new Set<string>();
      if (!acronym && t.length === 1 && opts.familyCredit > 0) {
        const related = ctx.related ?? ((w: string) => wordNet().derivations(w));
        for (const w of related(baseForm(normalizeWord(raw)))) for (const x of terms(w)) if (x !== term && ctx.stats.has(x)) family.add(x);
      }
      // A country and its people ("Britain" / "British") are searched for together; the match credits them as one.
      if (role === 'name') for (const x of demonymPartners(term) ?? []) if (ctx.stats.has(x)) family.add(x);
      // A person asked about by first name ("Elvis") is the one a sentence calls by surname ("Presley").
      if (role === 'name' && t.length === 1) {
        for (const x of ctx.surnamesOf?.(normalizeWord(raw)) ?? []) {
          const lower = x.toLowerCase();
          if (asked.has(lower) || !ctx.isNameWord?.(lower)) continue;
          for (const y of terms(x)) if (y !== term && ctx.stats.has(y)) family.add(y);
        }
      }
      const partOf = new Set<string>();
      if (role === 'name' && !acronym && t.length === 1 && opts.partOfCredit > 0) {
        const wholes = ctx.partOf ?? ((w: string) => wordNet().partOf(w));
        for (const w of wholes(normalizeWord(raw))) for (const x of terms(w)) if (x !== term && ctx.stats.has(x)) partOf.add(x);
      }
      const adjunct = TIME_ADJUNCTS.has(normalizeWord(raw)) ? opts.timeAdjunctWeight : 1;
      const demonym = demonyms.has(term);
      // The noun after "which" names the kind of answer, often a name that holds it ("which Iranian ministry").
      const kindHead = afterWh && role === 'noun';
      const common = !/\p{Lu}/u.test(raw) && slots.length > 0 && !kindHead;
      // An acronym the articles use and also spell out: a sentence may give either ("the Screen Actors Guild (SAG)").
      const spelled = acronym && present && !expansion ? (ctx.acronyms?.().get(acronym) ?? null) : null;
      seen.set(term, { term, weight: ctx.stats.idf(term) * opts.roleWeight[role] * adjunct, role, demonym, common, spelled, present, synonyms, family, partOf });
    }
    if (t.length === 1) slots.push(seen.get(t[0]!) ?? null);
    // A possessive ends its phrase and its name: "O'Gara's 40m penalty" is told as "O'Gara … a 40m penalty".
    if (t.length === 1 && POSSESSIVE.test(raw)) slots.push(null);
    const role = t.length === 1 ? termRoles.get(t[0]!) : undefined;
    afterWh = /^(?:which|what)$/.test(lower) || (afterWh && (role === 'name' || role === 'adjective'));
  }
  const qTerms = [...seen.values()];
  // Two words of the question with a synonym in common ("toll price" → "cost") are one notion said twice: the
  // synonym found once must not count as both.
  const claimed = new Set<string>();
  for (const t of [...qTerms].sort((a, b) => b.weight - a.weight)) {
    if (t.synonyms.size === 0) continue;
    const own = [...t.synonyms].filter((x) => !claimed.has(x));
    for (const x of t.synonyms) claimed.add(x);
    if (own.length < t.synonyms.size) t.synonyms = new Set(own);
  }
  const countedRaw = countedWord(question, termRoles);
  const counted = countedRaw === null ? null : (seen.get(countedRaw) ?? null);
  const total = qTerms.reduce((sum, t) => sum + t.weight, 0);
  const absent = qTerms.reduce((sum, t) => sum + (t.present ? 0 : t.weight), 0);
  return {
    text: original,
    type,
    terms: qTerms,
    total,
    absentShare: total === 0 ? 0 : absent / total,
    absentNames: qTerms.filter((t) => t.role === 'name' && !t.present && t.family.size === 0).length,
    maxWeight: ctx.stats.idf('\u0000'),
    words: asked,
    phrases: phrasesOf(slots, isKeywordQuery(question)),
    nameGroups: nameGroupsOf(slots),
    fullNames: fullNamesOf(slots),
    counted,
  };
}

/** The term of the noun "how many" counts: the last noun of the noun phrase after it ("how many journalist jobs" → job). */
function countedWord(question: string, termRoles: ReadonlyMap<string, Role>): string | null {
  const m = /\bhow many\s+([^?.!,;:]*)/i.exec(question);
  if (!m) return null;
  let head: string | null = null;
  for (const raw of m[1]!.match(/[\p{L}\p{N}.’'-]+/gu) ?? []) {
    const t = termOf(raw);
    const role = t ? termRoles.get(t) : undefined;
    if (!t || !role || !NOMINAL.has(role)) break;
    if (role !== 'adjective') head = t;
  }
  return head;
}

/** Runs of adjacent name words of the question; with `joinOf`, "of" between two names joins them ("Bank of England"). */
function nameRuns(slots: readonly Slot[], accept: (t: QuestionTerm) => boolean, joinOf: boolean): QuestionTerm[][] {
  const isName = (x: Slot | undefined): x is QuestionTerm => x !== undefined && x !== null && x !== 'of' && x.role === 'name' && accept(x);
  const runs: QuestionTerm[][] = [];
  let run: QuestionTerm[] = [];
  slots.forEach((x, i) => {
    if (isName(x)) run.push(x);
    else if (!(joinOf && x === 'of' && run.length > 0 && isName(slots[i + 1]))) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Two or three adjacent capitalised words, no number: a person's full name, maybe ("Gordon Brown"). */
function fullNamesOf(slots: readonly Slot[]): QuestionTerm[][] {
  return nameRuns(slots, (t) => !/\d/.test(t.term), false).filter((run) => run.length >= 2 && run.length <= 3);
}

/** The separate names a question gives: "Gordon Brown" is one, "Texas … the Cotton Bowl" two. */
function nameGroupsOf(slots: readonly Slot[]): number {
  return nameRuns(slots, () => true, true).length;
}

/**
 * Pairs of question terms that form a phrase: adjacent nominal words ("defense minister") and "X of Y"
 * ("president of Iran"). An article states such a phrase with its words close together. In a keyword query
 * (`keywords`) a name next to a common word is not a phrase: "MOIS sanctions" stands for "sanctions on the MOIS".
 */
function phrasesOf(slots: Slot[], keywords: boolean): [QuestionTerm, QuestionTerm][] {
  const out: [QuestionTerm, QuestionTerm][] = [];
  for (let i = 0; i + 1 < slots.length; i++) {
    const a = slots[i];
    if (!a || a === 'of' || !NOMINAL.has(a.role)) continue;
    const b = slots[i + 1];
    if (b && b !== 'of' && NOMINAL.has(b.role) && b !== a && !(keywords && (a.role === 'name') !== (b.role === 'name'))) out.push([a, b]);
    // "president of Iran", "members of the MEK", "chairman of Emory's board": X with the head after "of".
    if (b === 'of') {
      let j = slots[i + 2] === null ? i + 3 : i + 2;
      const nominal = (k: number) => {
        const x = slots[k];
        return x !== undefined && x !== null && x !== 'of' && NOMINAL.has(x.role);
      };
      if (!nominal(j)) continue;
      while (nominal(j + 1)) j++;
      const c = slots[j] as QuestionTerm;
      if (c !== a) out.push([a, c]);
    }
  }
  return out;
}
