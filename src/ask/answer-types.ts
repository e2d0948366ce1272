// Answer types: how surely a sentence holds the kind of answer a question asks for (a person, a date, a count, …).
import { normalizeWord, rawTokens, words } from '../text/terms.js';
import type { Sentence } from '../model/types.js';
import { CAPITALISED_TITLE_WORDS, ROLES_BEFORE_NAME } from '../extract/vocabulary.js';
import type { SentenceAnnotator } from './context.js';
import type { QuestionType } from './question-type.js';

/** Questions whose answer is a name, a date, a place or a number: a sentence without one doesn't answer them. */
export const TYPED_ANSWERS: ReadonlySet<QuestionType> = new Set(['who', 'when', 'where', 'quantity', 'duration', 'money', 'age', 'entity']);

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_RE = new RegExp(
  `\\b(?:(?:${MONTH})\\.?\\s+\\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)?(?:[-–]\\d{1,2})?\\s+(?:${MONTH})\\b|(?:in|since|during|by|until|from|of)\\s+(?:(?:early|mid|late)[- ])?(?:${MONTH})\\b|` +
    `(?:1[5-9]|20)\\d{2}s?\\b|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b|` +
    `(?:last|this|next|earlier this|later this)\\s+(?:week|month|year|weekend)\\b|yesterday|today|(?:days?|weeks?|months?|years?) (?:later|earlier|ago|after|before))`,
  'i',
);
const QUANTITY_RE =
  /\b\d[\d,.]*(?:bn|mn|tn|m|k|p|pc)?\b(?!\s*(?:bc|ad)\b)|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozens?|several|numerous|half)\b|%|\bper ?cent\b/i;
/** An age as news gives it: "a 26-year-old", "aged 55", "Mr Smith, 55, said", "at the age of 40". */
const AGE_RE = /\b\d{1,3}[- ]years?[- ]old\b|\baged? \d{1,3}\b|, \d{1,3}, |\bat the age of \d{1,3}\b/i;
/** A sum of money: a currency sign or word with a number ("$4.5bn", "£264m", "17 million dollars", "300 euros"). */
const MONEY_RE =
  /[$£€¥]\s?\d|\b\d[\d,.]*\s*(?:bn|m|k|million|billion|thousand|hundred)?\s*(?:dollars?|pounds?|euros?|cents?|pence|yen|francs?|marks?|rupees?|yuan|roubles?|shillings?)\b/i;
const REASON_RE =
  /\b(?:because|due to|owing to|as a result|since|after|citing|over|in order to|so that|so\b|led to|leading to|following|amid|in response to|reason|caused|for (?:the|its|their|his|her) \w+)\b/i;
/**
 * Words that show a sentence reports what someone said (besides quotation marks): the commonest speech verbs, the
 * verbs that characterise what was said, "statement", and "according to". All but "according to" are words of the
 * vocabulary's SPEECH_VERBS, EVALUATIVE_VERBS or SPEECH_NOUNS (a test checks it).
 */
export const SPEECH_CUES: readonly string[] = [
  ...'said says told added noted stated wrote tweeted'.split(' '),
  'according to',
  ...'statement called described rejected condemned denied warned'.split(' '),
];
const SPEECH_RE = new RegExp(`[“”"]|\\b(?:${SPEECH_CUES.join('|')})\\b`, 'i');
const NAME_RE = /\b\p{Lu}[\p{Ll}’'-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}’'-]+|al-\p{Lu}\p{Ll}+|de|van|von|bin)){1,3}\b/gu;
const PLACE_RE = /\b(?:in|at|from|to|near|across)\s+(?:the\s+)?\p{Lu}[\p{L}-]+/u;

/** Capitalised multi-word names that are not just the sentence's first words (for "which", beside the entity index). */
function hasNameLike(text: string, exclude: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(NAME_RE)) {
    const nameWords = words(m[0]);
    if (nameWords.some((w) => !exclude.has(w))) return true;
  }
  return false;
}

/** A capitalised word past the sentence's first that the question doesn't give: a one-word name ("Moritz"). */
function hasCapitalisedWord(text: string, exclude: ReadonlySet<string>): boolean {
  const raw = rawTokens(text);
  for (let i = 1; i < raw.length; i++) {
    const w = raw[i]!;
    if (/^\p{Lu}\p{Ll}/u.test(w) && !exclude.has(normalizeWord(w)) && !CAPITALISED_TITLE_WORDS.has(normalizeWord(w))) return true;
  }
  return false;
}

/** Every date of a text, to take them out before looking for a count. */
const DATES_RE = new RegExp(DATE_RE.source, 'gi');
/** Dates that pin a day or a year, as opposed to "Monday" or "last week". */
const EXACT_DATE_RE = new RegExp(`\\b(?:(?:${MONTH})\\.?\\s+\\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)?(?:[-–]\\d{1,2})?\\s+(?:${MONTH})\\b|(?:1[5-9]|20)\\d{2}s?\\b)`, 'i');
/** "The two countries", "both leaders": a number that refers back rather than counts. */
const ANAPHORIC_NUMBER_RE = /\b(?:the|these|those|both|its|their|all) (?:two|three|four|five)\b/gi;
/** A stretch of time: "less than a week", "three years", "for decades", "48 hours". */
const DURATION_RE =
  /\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a few|several|many|\d[\d,.]*)[- ](?:(?:and a half|full|more)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries)\b|\bfor (?:seconds|minutes|hours|days|weeks|months|years|decades)\b/i;
/** A number word written with a capital inside a sentence is a word of a name ("Million Dollar Baby", "the Fantastic Four"). */
const NAMED_NUMBER_RE = /(?<=\S\s+)(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Forty|Fifty|Hundred|Thousand|Million|Billion)\b/g;
/** A sentence's text without its dates, numbers that refer back and number words of names: what is left counts. */
function countingText(text: string): string {
  return text.replace(DATES_RE, '').replace(ANAPHORIC_NUMBER_RE, '').replace(NAMED_NUMBER_RE, '');
}
/** Reasons stated outright, as opposed to a mere sequence ("after", "over", "since"). */
const STRONG_REASON_RE = /\b(?:because|due to|owing to|as a result|in order to|so that|led to|leading to|in response to|reason|caused|citing)\b/i;

/**
 * How surely a sentence holds an answer of the question's type, from 0 (not at all) to 1: a person named for
 * "who", a date for "when", a place for "where", a count for "how many", a reason for "why".
 */
export function typeStrength(type: QuestionType, s: Sentence, exclude: ReadonlySet<string>, annotator: SentenceAnnotator): number {
  const text = s.text;
  switch (type) {
    case 'who':
      if (annotator.hasPerson(s, exclude)) return 1;
      // A country or a city can be the actor too ("believed to have been engineered by Israel").
      return annotator.hasPlace(s, exclude) ? 0.5 : 0;
    case 'when':
      if (EXACT_DATE_RE.test(text)) return 1;
      return DATE_RE.test(text) ? 0.7 : 0;
    case 'where': {
      const prepositioned = PLACE_RE.test(text);
      // A place named but not as where something is ("a true friend of Israel"): some evidence, but not enough
      // (below minTypeStrength) for the sentence to answer a where-question by itself.
      return annotator.hasPlace(s, exclude) ? (prepositioned ? 1 : 0.45) : 0;
    }
    case 'quantity':
      return QUANTITY_RE.test(countingText(text)) ? 1 : 0;
    case 'duration':
      return DURATION_RE.test(text) ? 1 : QUANTITY_RE.test(countingText(text)) ? 0.6 : 0;
    case 'age':
      return AGE_RE.test(text) ? 1 : 0;
    case 'money':
      return MONEY_RE.test(text) ? 1 : 0;
    case 'why':
      return STRONG_REASON_RE.test(text) ? 1 : REASON_RE.test(text) ? 0.6 : 0;
    case 'said':
      return SPEECH_RE.test(text) ? 0.7 : 0;
    case 'entity':
      // A name the entity index missed still counts: capitalised words of several, or one past the first.
      if (annotator.hasEntity(s, exclude)) return 1;
      return hasNameLike(text, exclude) ? 1 : hasCapitalisedWord(text, exclude) ? 0.6 : 0;
    case 'definition':
      return definesName(text, exclude) ? 1 : 0;
    default:
      return 0;
  }
}

/** Words of a role that news puts right before a name ("sound engineer Thorne Nogar", "Nationwide economist …"). */
const ROLE_BEFORE_NAME = new RegExp(
  `\\b(?:${[...ROLES_BEFORE_NAME].map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|')})\\s+((?:\\p{Lu}[\\p{L}'’-]*\\s+){0,3}\\p{Lu}[\\p{L}'’-]*)`,
  'gu',
);

/** "Mike Hobday, from the League …", "Hobday, a spokesman"; "botnets are a …", "Ryanair is the …". */
const NAME_THEN_DEFINITION = /(\p{Lu}[\p{L}’'-]*),\s+(?:a|an|the|who|from|of)\s|([\p{L}’'-]+)\s+(?:is|are|was|were)\s+(?:a|an|the)\s/gu;

/**
 * Does the sentence say what something the question names is: a role right before it ("economist Alex Bannister"),
 * an appositive after it ("Mike Hobday, from the League …", "Hobday, a spokesman"), "X is a …", or an acronym of the
 * question in brackets after the name it stands for ("… Mujahedeen-e-Khalq (MEK)")? Any "is a" or appositive would
 * do for a sentence about something else ("Iran is a shared threat", for "Who is Lapid?").
 */
function definesName(text: string, names: ReadonlySet<string>): boolean {
  if (rolesName(text, names)) return true;
  for (const m of text.matchAll(NAME_THEN_DEFINITION)) if (names.has(normalizeWord(m[1] ?? m[2]!))) return true;
  for (const m of text.matchAll(/\((\p{Lu}[\p{Lu}\p{N}-]{1,9})\)/gu)) if (names.has(normalizeWord(m[1]!))) return true;
  return false;
}

/** Does the sentence give a role right before one of the question's names ("economist Alex Bannister")? */
function rolesName(text: string, names: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(ROLE_BEFORE_NAME)) if (words(m[1]!).some((w) => names.has(w))) return true;
  return false;
}
