// /ask: a free-text question → the sentence(s) that answer it, with citations, or an honest abstention.
import nlp from 'compromise';
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import { partitionPoint, weakMemo } from '../util/collections.js';
import { demonymPartners, isPlaceWord } from '../text/demonyms.js';
import { wordNet } from '../text/synonyms.js';
import { baseForm, normalizeWord, rawTokens, STOP_WORDS, termOf, terms, termSequence, words } from '../text/terms.js';
import { cite } from '../model/citation.js';
import { supported, topK } from '../index/scorer.js';
import type { IndexedDoc, Passage } from '../index/search.js';
import { searchOptions } from '../index/search.js';
import type { TermStats } from '../index/stats.js';
import type { Article, AskResult, Citation, Sentence } from '../model/types.js';

export type QuestionType = 'who' | 'when' | 'where' | 'quantity' | 'duration' | 'money' | 'age' | 'why' | 'entity' | 'said' | 'definition' | 'other';

/** What kinds of answer a sentence holds; the story layer supplies better evidence than the regex fallback. */
export interface SentenceAnnotator {
  hasPerson?(sentence: Sentence, exclude: ReadonlySet<string>): boolean;
  hasDate?(sentence: Sentence): boolean;
  hasPlace?(sentence: Sentence, exclude: ReadonlySet<string>): boolean;
  /** Does the sentence name any person, organisation or place not among the excluded words? */
  hasEntity?(sentence: Sentence, exclude: ReadonlySet<string>): boolean;
}

/** Tuning, with the reasons for each default. */
export const askDefaults = {
  /** Candidates reranked per question: enough to find the typed answer beyond the best keyword match. */
  candidates: 40,
  /**
   * Share of the question's weighted terms the answer must cover (strictly: phrases held together) to be given.
   * Low, because questions are paraphrased: the other tests below do most of the refusing.
   */
  minCoverage: 0.3,
  /** Coverage is multiplied by this for each name of the question the answer lacks or the articles never use. */
  missingNamePenalty: 0.5,
  /**
   * Weight of the question's words found, in units of a word the articles never use, that an answer needs: words
   * found must single the answer out, not just name the story's subject.
   */
  minEvidence: 0.96,
  /** … or this share of the question's whole weight, for a query of one or two words. */
  minEvidenceShare: 0.9,
  /** Weight of holding an answer of the question's type (a person for "who", a date for "when", …). */
  typeBonus: 0.3,
  /** How sure the type evidence must be for a who/when/where/how-many answer to be given at all. */
  minTypeStrength: 0.5,
  /** Share of the type bonus for an answer whose type is held by the neighbour shown with it, not by the sentence. */
  neighbourTypeShare: 0.5,
  /** Weight of a question term by its part of speech (besides its rarity). */
  roleWeight: { name: 1.2, noun: 1, adjective: 0.8, verb: 0.8, other: 0.8 },
  /** Credit for a question term found in a sentence shown with the answer (its neighbour) rather than in it. */
  shownCredit: 0.75,
  /** Credit for a question term found only around the answer: a neighbour not shown, or the article's title. */
  nearCredit: 0.5,
  /** Weight of a word of a time adjunct ("last night") relative to other words. */
  timeAdjunctWeight: 0.5,
  /** A phrase of the question ("defense minister") is found when its words are at most this many tokens apart. */
  phraseGap: 3,
  /** Credit left to the words of a phrase that a sentence uses apart. */
  splitPhraseCredit: 0.5,
  /** Share of its credit a name keeps, in the strict reading, when only the answer's surroundings have it. */
  hiddenNameShare: 0.25,
  /** Credit left to a word of a phrase whose other word the sentence lacks. */
  halfPhraseCredit: 1,
  /** Credit for a place found as what it is part of ("Iran" for "Tehran"). */
  partOfCredit: 0.6,
  /** Credit for a common word of the question found only inside a name ("states" in "United States"). */
  inNameCredit: 0.5,
  /** Credit for a name found as its people or adjective ("Albanian" for "Albania"), or the other way round. */
  demonymCredit: 0.95,
  /** Credit for a question term found as a word of its family ("winner" for "won"). */
  familyCredit: 0.8,
  /** Search with the words of the question's families too (costs search time on a large corpus). */
  retrieveFamily: true,
  /** Credit for a question term found only in the sentence just across a paragraph break. */
  acrossParagraphCredit: 0.5,
  /**
   * Credit for a question term the articles never use, found as a WordNet synonym of one of its most frequent
   * senses ("writer" → "author"). Lower than a word of the term's family: a synonym may be of another sense.
   */
  synonymCredit: 0.7,
  /** Senses of such a term whose synonyms count (WordNet orders senses by frequency; rarer ones mislead). */
  synonymSenses: 2,
  /** Credit for the other words of a full name the question gives ("Gordon Brown") when the sentence has its last ("Mr Brown"). */
  surnameCredit: 0.8,
  /** Refuse a question whose full name's last word the articles never use (see supports). */
  absentFullName: true,
  /** Sentences shorter than this are extended with the next sentence of the paragraph. */
  shortSentence: 70,
  /**
   * Cost of showing a neighbour with the answer: it must bring question terms or the answer's type to be worth it.
   * Small, as the text goes on after the answer anyway (paragraphContext).
   */
  extraSentencePenalty: 0.03,
  /**
   * Credit for a name of the question found in the sentence before, even across a paragraph break, when this one
   * refers back by a personal pronoun ("Singer Courtney Love …" / "She had back-to-back court appearances …"):
   * as much as a neighbour shown with the answer.
   */
  pronounCredit: 0.75,
  /** The answer never grows past this many characters by adding neighbours (a reader, and the grader, read ~400). */
  maxAnswerChars: 400,
  /** Follow the answering sentence(s) with the text after them, within maxAnswerChars (see contextEnd). */
  paragraphContext: true,
  /** … past a paragraph break too, not just the rest of their paragraph. */
  contextAcrossParagraphs: true,
  maxCitations: 3,
  /** Bonus for a how-many answer whose number counts the noun the question counts ("250 screens"), not something else. */
  countedBonus: 0.15,
  /** Read an all-lower-case question's names as the articles write them (see truecase). */
  truecase: true,
  /** A who/when/where/how-many answer must hold something of what the question says of its one name (see holdsRelation). */
  relationEvidence: true,
};
type AskOptions = typeof askDefaults;

/** Words of a how-much question that asks for a sum of money ("how much did it cost", "how much money"). */
const MONEY_WORDS =
  /\b(?:pay|pays|paid|paying|cost|costs|costing|spend|spends|spent|spending|price|priced|charge|charges|charged|earn|earns|earned|sell|sold|buy|bought|fund|funded|funding|invest|invested|fine|fined|owe|owed|salary|money|cash|bid|raise|raised|grant|granted|worth|budget)\b/;

/** Words of a how-much question about a change ("how much did prices rise"), answered by a percentage as often as a sum. */
const CHANGE_WORDS =
  /\b(?:more|less|rise|rises|rose|risen|fall|falls|fell|fallen|increase|increased|decrease|decreased|grow|grew|grown|drop|dropped|cut|jump|jumped|climb|climbed|slump|slumped|up|down)\b/;

/** A query of keywords rather than a question ("MOIS sanctions", "Corus share price"). */
function isKeywordQuery(question: string): boolean {
  return !/[?]|^(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|can|will)\b/i.test(question.trim());
}

/** "Set you back": cost. */
const SETS_BACK = /\bset (?:you|me|us|them|buyers|consumers|customers|fans|people) back\b/i;

/** Words before a question's wh-word that don't change what it asks: "By when…", "Roughly how many…", "So what…". */
const LEAD_IN = /^(?:(?:so|and|but|ok|okay|well|roughly|approximately|about|around|exactly|just|by|until|till|since|after|before)[,]?\s+)+(?=(?:who|whom|whose|what|which|when|where|why|how)\b)/;

/** "Who is Alun Michael?", "Who's Mourinho": a who-question about a name and nothing else. */
const WHO_IS_NAME = /^(?:[Ww]ho(?:['’]s| is| was| are| were))\s+((?:\p{Lu}[\p{L}\p{N}'’.-]*\s*){1,4})\??$/u;

export function questionType(question: string): QuestionType {
  // "Who is Alun Michael?" asks what the articles say the person is (their role), not for another person.
  // Not "Who is Albania's Foreign Minister?" (as a lower-case question reads once its names are capitalised): a
  // title, or a possessive, asks for the person who holds it.
  const named = WHO_IS_NAME.exec(question.trim());
  if (named && !/['’]s\b/.test(named[1]!) && !words(named[1]!).some((w) => TITLE_WORDS.has(w))) return 'definition';
  const asked = question.trim().toLowerCase();
  const q = asked.replace(LEAD_IN, '');
  // "Who …", "To whom …"; not a relative clause ("… young people who can't afford a home?").
  if (/^(who|whom|whose)\b/.test(q) || /^(?:to|by|with|from|for|of|about|against) (?:who|whom|whose)\b/.test(q)) return 'who';
  if (/^when\b|\bwhat (year|month|day|date|time)\b|\bwhich (year|month|day|date)\b|\bhow long ago\b/.test(q)) return 'when';
  if (/^where\b|\bwhat (country|city|place|region)\b/.test(q) || /\bin which (country|city)\b/.test(asked)) return 'where';
  if (/^how old\b|\b(?:what|which) age\b/.test(q)) return 'age';
  // "How much did prices rise?" asks for a change, often a percentage: a quantity, not a sum.
  if (/^how much\b/.test(q) && MONEY_WORDS.test(q) && !CHANGE_WORDS.test(q)) return 'money';
  // "How much is the Nintendo DS?": a thing's price.
  if (/^how much (?:is|are|was|were) (?:an? |the )?(?:[\w'’-]+ ){0,3}[\w'’-]+\??$/.test(q) && !CHANGE_WORDS.test(q)) return 'money';
  // "What will the handheld set you back?": what it costs.
  if (SETS_BACK.test(q) || /^how (?:pricey|expensive|costly|cheap|dear)\b/.test(q)) return 'money';
  // "What cost Dallaglio the captaincy?" asks what made him lose it: a cause, not a sum.
  if (/^what cost (?!is|was|are|were|will|would|does|did|has|have|had)\w/.test(q)) return 'why';
  if (/\b(?:what|which) (?:price|fee|salary|wage|sum|cost)\b/.test(q)) return 'money';
  // "What was BT's share price?", "What is her salary?": the thing asked for is a sum of money.
  if (/^what(?:'s| is| was| are| were| will be)(?: [\w'’-]+){0,3} (?:price|salary|fee|wage|cost|fine|bill)s?\b(?! of living)/.test(q) && !CHANGE_WORDS.test(q)) return 'money';
  // "How long did she work there?" asks for a stretch of time ("less than a week"), often with no figure.
  if (/^(?:for )?how long\b/.test(q)) return 'duration';
  // "What was the half-time score?": a score is figures.
  if (/^what(?:'s| is| was| were)(?: [\w'’-]+){0,3} score\b/.test(q)) return 'quantity';
  if (/^how (many|much|large|big|long|fast|quickly|high|tall|heavy|deep|wide)\b|\b(?:what|which) (number|amount|percentage|proportion|share|price|sum|cost|fee|salary|wage|total|figure)\b/.test(q)) return 'quantity';
  // A keyword query that ends by naming a figure ("Corus share price", "Turkey inflation 2001 peak").
  if (isKeywordQuery(q)) {
    if (/\b(?:price|cost|salary|fee|fine|bill)$/.test(q)) return 'money';
    if (/\b(?:percentage|percent|rate|figure|total|number|peak|score)$/.test(q)) return 'quantity';
    // "Imelda Staunton age Oscar nomination": a keyword query that names an age asks for one.
    if (/\bage\b/.test(q)) return 'age';
  }
  if (/^why\b|\bwhat (caused|led to|prompted)\b|\bfor what reason\b|\bwhat was the reason\b/.test(q)) return 'why';
  if (/^(?:(?:in|at|from|of|for|by|with|to|on|against) )?which\b/.test(q)) return 'entity';
  if (/\b(say|said|says|saying|tell|told|state|stated|comment|commented|react|reacted|respond|responded|call|called|describe|described|claim|claimed|warn|warned)\b/.test(q) || /^what did .+ think\b/.test(q)) return 'said';
  if (/^what (is|are|was|were) (the |an? )?[\w’'.-]+( [\w’'.-]+){0,3}\??$/.test(q)) return 'definition';
  return 'other';
}

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
const SPEECH_RE = /[“”"]|\b(?:said|says|told|added|noted|stated|wrote|tweeted|according to|statement|called|described|rejected|condemned|denied|warned)\b/i;
const NAME_RE = /\b\p{Lu}[\p{Ll}’'-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}’'-]+|al-\p{Lu}\p{Ll}+|de|van|von|bin)){1,3}\b/gu;
const PLACE_RE = /\b(?:in|at|from|to|near|across)\s+(?:the\s+)?\p{Lu}[\p{L}-]+/u;

/** Capitalised multi-word names that are not just the sentence's first words. */
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
    if (/^\p{Lu}\p{Ll}/u.test(w) && !exclude.has(normalizeWord(w)) && !TITLE_WORDS.has(normalizeWord(w))) return true;
  }
  return false;
}

/** Every date of a text, to take them out before looking for a count. */
const DATES_RE = new RegExp(DATE_RE.source, 'gi');
/** Dates that pin a day or a year, as opposed to "Monday" or "last week". */
const EXACT_DATE_RE = new RegExp(`\\b(?:(?:${MONTH})\\.?\\s+\\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)?(?:[-–]\\d{1,2})?\\s+(?:${MONTH})\\b|(?:1[5-9]|20)\\d{2}s?\\b)`, 'i');
/** "The two countries", "both leaders": a number that refers back rather than counts. */
const ANAPHORIC_NUMBER_RE = /\b(?:the|these|those|both|its|their|all) (?:two|three|four|five)\b/gi;
/** A personal pronoun: the sentence speaks of someone named before it. */
const PRONOUN_RE = /\b(?:he|she|his|her|him)\b/i;
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
function typeStrength(type: QuestionType, s: Sentence, exclude: ReadonlySet<string>, annotator: SentenceAnnotator): number {
  const text = s.text;
  switch (type) {
    case 'who':
      if (annotator.hasPerson) {
        if (annotator.hasPerson(s, exclude)) return 1;
        // A country or a city can be the actor too ("believed to have been engineered by Israel").
        return annotator.hasPlace?.(s, exclude) ? 0.5 : 0;
      }
      return hasNameLike(text, exclude) ? 1 : 0;
    case 'when':
      if (annotator.hasDate?.(s) || EXACT_DATE_RE.test(text)) return 1;
      return DATE_RE.test(text) ? 0.7 : 0;
    case 'where': {
      const prepositioned = PLACE_RE.test(text);
      // A place named but not as where something is ("a true friend of Israel"): some evidence, but not enough
      // (below minTypeStrength) for the sentence to answer a where-question by itself.
      if (annotator.hasPlace) return annotator.hasPlace(s, exclude) ? (prepositioned ? 1 : 0.45) : 0;
      return prepositioned ? 1 : 0;
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
      if (annotator.hasEntity?.(s, exclude)) return 1;
      return hasNameLike(text, exclude) ? 1 : hasCapitalisedWord(text, exclude) ? 0.6 : 0;
    case 'definition':
      return definesName(text, exclude) ? 1 : 0;
    default:
      return 0;
  }
}

/** Words of a role that news puts right before a name ("sound engineer Thorne Nogar", "Nationwide economist …"). */
const ROLE_BEFORE_NAME = new RegExp(
  `\\b(?:${[
    ...'minister president secretary judge governor senator mayor chairman chairwoman chair director chief officer executive spokesman spokeswoman spokesperson ambassador king queen prince princess commissioner attorney general deputy leader speaker magistrate captain commander colonel bishop pope professor doctor coach manager economist analyst engineer editor correspondent reporter singer actor actress star keeper goalkeeper striker defender midfielder winger founder owner lawyer prosecutor adviser advisor boss head chancellor champion medallist athlete sprinter runner player footballer cricketer golfer boxer author writer novelist presenter host comedian musician rapper filmmaker'.split(' '),
  ]
    .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
    .join('|')})\\s+((?:\\p{Lu}[\\p{L}'’-]*\\s+){0,3}\\p{Lu}[\\p{L}'’-]*)`,
  'gu',
);

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

/** "Mike Hobday, from the League …", "Hobday, a spokesman"; "botnets are a …", "Ryanair is the …". */
const NAME_THEN_DEFINITION = /(\p{Lu}[\p{L}’'-]*),\s+(?:a|an|the|who|from|of)\s|([\p{L}’'-]+)\s+(?:is|are|was|were)\s+(?:a|an|the)\s/gu;

/** Does the sentence give a role right before one of the question's names ("economist Alex Bannister")? */
function rolesName(text: string, names: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(ROLE_BEFORE_NAME)) if (words(m[1]!).some((w) => names.has(w))) return true;
  return false;
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
      const words = m[0].split(/\s+/);
      const capitals = words.flatMap((w, i) => (/^\p{Lu}/u.test(w) ? [i] : []));
      if (capitals.length < 2 || capitals.length > 8) continue;
      // The whole name first, then the shorter names within it ("European Union" in "The European Union Vet
      // Fund"): a question may use the acronym of any.
      for (let len = capitals.length; len >= 2; len--) {
        for (let from = 0; from + len <= capitals.length; from++) {
          const run = words.slice(capitals[from], capitals[from + len - 1]! + 1);
          const acronym = capitals.slice(from, from + len).map((i) => words[i]![0]!.toLowerCase()).join('');
          if (!this.expansions.has(acronym)) this.expansions.set(acronym, terms(run.join(' ')));
        }
      }
    }
  }

  get(acronym: string): string[] | undefined {
    return this.expansions.get(acronym);
  }
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
  /** Is this lower-case word written only capitalised in the articles (a word of a name)? */
  isNameWord?(lower: string): boolean;
  /** Synonyms of a word (WordNet), for questions worded differently from the articles. */
  synonyms?(word: string, senses: number): string[];
  /** Words of a word's family ("win" → "winner"); WordNet's derivations unless given. */
  related?(word: string): string[];
  /** What a place is part of ("Tehran" → "Iran"); WordNet's part holonyms unless given. */
  partOf?(word: string): string[];
  /** The surnames of the people the articles name in full with this first name ("elvis" → ["presley"]). */
  surnamesOf?(firstName: string): readonly string[];
}

// ---------------------------------------------------------------------------------------------------------
// The question: its type and its weighted terms.

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

/**
 * A question typed all in lower case ("who did rama meet in tirana") with the words the articles only ever write
 * capitalised capitalised again, so that its names are read as names.
 */
function truecase(ctx: AskContext, question: string): string {
  if (!ctx.isNameWord || /\p{Lu}/u.test(question)) return question;
  return question.replace(/\p{L}[\p{L}'’-]*/gu, (w) => {
    const lower = w.toLowerCase().replace(/['’]s$/, '');
    const plain = termOf(lower);
    const used = ctx.stats.has(plain ?? lower);
    const short = !used && plain !== null && /^[a-z]{2,6}$/.test(lower) && !STOP_WORDS.has(lower);
    // A name the articles write in capitals ("MOIS"): as a capitalised word it would be stemmed ("Mois" → "moi").
    const caps = short ? termOf(lower.toUpperCase()) : null;
    if (caps && caps !== plain && ctx.stats.has(caps)) return w.toUpperCase();
    // An acronym the articles never write but spell out ("pm" for "Prime Minister") is written as one, to be expanded.
    if (short && lower.length <= 4 && ctx.acronyms?.().get(lower)) return w.toUpperCase();
    // A word of a name, or a country, its people or a continent the articles never mention ("africa").
    return ctx.isNameWord!(lower) || (!used && isPlaceWord(lower)) ? w[0]!.toUpperCase() + w.slice(1) : w;
  });
}

/**
 * A question as people type it in chat, read as the question it stands for: "whos" / "whats" (no apostrophe) for
 * "who is" / "what is"; "w" or "w/" for "with", "u" for "you", "r" for "are"; greetings and "please" left out;
 * "can you tell me who …" for "who …", and "tell me about X", "explain X" or "describe X" for "what is X".
 */
function unchat(question: string): string {
  return question
    .replace(/\b(?:pls|plz|please)\b[,!]?\s*/gi, '')
    .replace(/^\s*(?:hey|hi|hello|yo|ok|okay)\b[,!]?\s*/i, '')
    .replace(/\b(who|what|where|when|how|why)s\b/gi, '$1 is')
    .replace(/(^|\s)w\/\s*/gi, '$1with ')
    .replace(/(?<=\s)w(?=\s)/g, 'with')
    .replace(/(?<=^|\s)u(?=\s|$)/g, 'you')
    .replace(/(?<=^|\s)r(?=\s)/g, 'are')
    .replace(/^\s*(?:can|could|would) you\s+/i, '')
    .replace(/^\s*tell me\s+(?=(?:who|whom|whose|what|which|when|where|why|how)\b)/i, '')
    .replace(/^\s*(?:tell me about|explain|describe)\s+/i, 'what is ');
}

function analyze(ctx: AskContext, original: string, opts: AskOptions): Question {
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

const NUMBER_WORD = /^(?:\d[\d,.]*(?:bn|m|k)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?)$/i;

/** Does the sentence count what the question counts: a number a few words before the counted noun ("250 screens")? */
function countsNoun(q: Question, s: Sentence): boolean {
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

/** Roles of words that make up a noun phrase ("defense minister", "secretary general", "member states"). */
const NOMINAL: ReadonlySet<Role> = new Set(['name', 'noun', 'adjective']);

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

// ---------------------------------------------------------------------------------------------------------
// Matching a question term in a sentence.

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

const NAME_DEMONYM_ENDINGS = new Set(['n', 'an', 'ian', 'i', 'ese', 'ish']);

function isDemonymOf(long: string, short: string): boolean {
  return long.length > short.length && long.startsWith(short) && NAME_DEMONYM_ENDINGS.has(long.slice(short.length));
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
interface OwnMatch {
  credit: number;
  positions: number[];
}

/** Titles written with a capital before a name ("Foreign Minister Olta Xhacka"): still the common word. */
const TITLE_WORDS = new Set(
  ('minister ministers president vice prime foreign interior defense defence secretary judge justice governor senator ' +
    'mayor chairman chairwoman chair director chief officer spokesman spokeswoman spokesperson ambassador king queen ' +
    'prince princess commissioner attorney general representative deputy leader speaker councilman magistrate ' +
    'captain commander sergeant lieutenant colonel major admiral bishop pope professor doctor coach')
    .split(' '),
);

/** Is the token at i part of a capitalised name ("United States", "People's Mujahideen") rather than a common word? */
function inName(raw: readonly string[], i: number): boolean {
  const capital = (k: number) => /^\p{Lu}/u.test(raw[k] ?? '');
  if (!capital(i) || i === 0 || TITLE_WORDS.has(normalizeWord(raw[i]!))) return false;
  return capital(i - 1) || capital(i + 1);
}

/**
 * Term sequences of the sentences recent questions looked at, bounded so memory doesn't grow with use (keyed by the
 * sentence object, which is replaced when its article is).
 */
const sequences = new Map<Sentence, (string | null)[]>();
function sequenceOf(s: Sentence): (string | null)[] {
  let seq = sequences.get(s);
  if (!seq) {
    if (sequences.size >= 20_000) sequences.clear();
    seq = termSequence(s.text);
    sequences.set(s, seq);
  }
  return seq;
}

function ownMatches(q: Question, s: Sentence, opts: AskOptions): Map<QuestionTerm, OwnMatch> {
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
function termMatch(q: QuestionTerm, sentence: ReadonlySet<string>, opts: AskOptions): number {
  if (sentence.has(q.term)) return 1;
  if (q.spelled && q.spelled.every((t) => sentence.has(t))) return 1;
  let best = 0;
  for (const t of sentence) best = Math.max(best, matchOne(q, t, opts));
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// Candidates: a sentence, the neighbours shown with it, and how well they answer.

export interface Scored {
  passage: Passage;
  /** Weighted share of the question's terms the answer (and, for less, its surroundings) holds. */
  coverage: number;
  /** Does the answer hold an answer of the question's type? */
  typed: boolean;
  score: number;
  /** The answer's span in the article body: the sentence, maybe with a neighbour. */
  start: number;
  end: number;
  /** Question terms the answer's surroundings don't hold at all. */
  missing: string[];
  /** Coverage of the terms the articles use at all. */
  presentCoverage: number;
  /** Weight of the question terms covered, in units of the rarest possible term's weight. */
  matched: number;
  ownCoverage: number;
  strictCoverage: number;
  missingPresent: number;
  missingNames: number;
  /** Per question term: its weight and the credit the answer earned for it. */
  detail: TermCredit[];
}

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

/** Verbs that attribute speech, next to the speaker's name ("Lapid told", "said Lapid"). */
const SPEECH_VERBS = new Set('said says say told tells added adds noted notes stated states wrote writes tweeted declared insisted argued asserted explained replied according called calls'.split(' '));

/** Does the sentence quote someone the question names ("… ,” Lapid told Rama")? */
function quotesSubject(q: Question, s: Sentence, own: Map<QuestionTerm, OwnMatch>): boolean {
  if (!/[“”"]/.test(s.text)) return false;
  const sentenceWords = words(s.text);
  const speech: number[] = [];
  sentenceWords.forEach((w, i) => {
    if (SPEECH_VERBS.has(w)) speech.push(i);
  });
  // "Lapid told Rama", "Watson said": the name just before the verb. "Said Lapid on Sunday": just after it,
  // unless a clause follows ("the release said Lapid proposed …": Lapid is not the one speaking).
  const speaks = (i: number) =>
    speech.some((j) => (j > i && j - i <= 2) || (j === i - 1 && (i + 1 >= sentenceWords.length || STOP_WORDS.has(sentenceWords[i + 1]!))));
  return q.terms.some((t) => t.role === 'name' && own.get(t)!.positions.some(speaks));
}

/** A sentence's own terms and those of its surroundings, for crediting question terms. */
interface Surroundings {
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

/**
 * How well an answer made of the sentence, maybe with its previous and/or next sentence shown too, covers the
 * question: a term in the sentence counts fully, in a neighbour shown with it a little less, in a neighbour not
 * shown or the article's title less again.
 */
/** How one question term was found around an answer (for explaining answers). */
export interface TermCredit {
  term: string;
  weight: number;
  role: Role;
  present: boolean;
  credit: number;
  strict: number;
}

interface Coverage {
  detail: TermCredit[];
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
  missing: string[];
}

function coverageOf(q: Question, e: Surroundings, withPrev: boolean, withNext: boolean, opts: AskOptions): Coverage {
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

function evaluate(ctx: AskContext, q: Question, passage: Passage, retrieval: number, opts: AskOptions): Scored {
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
  const strengthOf = (x: Sentence | undefined) => (x === undefined || q.type === 'other' ? 0 : typeStrength(q.type, x, q.words, ctx.annotator ?? {}));
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

/**
 * The terms to retrieve candidates with. MiniSearch scores every passage a term matches, so a term found in a
 * large share of sentences costs much and discriminates little: it is left to the reranking, unless the question
 * has nothing rarer. Fuzzy matching is kept for terms the articles never use (typos).
 */
function retrievalQuery(ctx: AskContext, q: Question, opts: AskOptions): { query: string; options: SearchOptions } {
  const common = Math.max(200, 0.03 * ctx.stats.sentences);
  const all = q.terms.map((t) => t.term);
  const rare = all.filter((t) => ctx.stats.frequency(t) <= common);
  // Synonyms only rerank: searching with them too finds no answer the question's own words miss, and costs time.
  const synonyms = new Set(q.terms.flatMap((t) => (opts.retrieveFamily ? [...t.family, ...t.partOf] : [])).filter((t) => ctx.stats.frequency(t) <= common));
  for (const t of all) synonyms.delete(t);
  const query = [...(rare.length > 0 ? rare : all), ...synonyms].join(' ');
  // Words of a family or a synonym are looked up as they are: expanding them by prefix costs much on a large corpus.
  const extra = new Set([...synonyms].map((t) => termOf(t) ?? t));
  const base = searchOptions.prefix;
  const prefix = (term: string) => (typeof base === 'function' ? base(term, 0, []) : Boolean(base));
  return {
    query,
    options: {
      ...searchOptions,
      // The query is made of index terms already: processing them again would stem a term kept whole ("mois", from
      // "MOIS") into one the index doesn't have ("moi").
      tokenize: (text: string) => text.split(' ').filter(Boolean),
      processTerm: (term: string) => term,
      prefix: (term: string) => !extra.has(term) && prefix(term),
      fuzzy: (term: string) => (term.length >= 5 && !ctx.stats.has(term) && !extra.has(term) ? 0.2 : false),
      boostTerm: (term: string) => (extra.has(term) ? 0.4 : 1),
    },
  };
}

/**
 * `index.search(query, options).slice(0, k)`, with the same scores and order, without building a result object
 * for every match and sorting them all: MiniSearch has no top-k, and on a large corpus a question's terms match
 * thousands of passages of which only the best `k` are reranked (see scorer.ts).
 */
export function topHits(index: MiniSearch<IndexedDoc>, query: string, options: SearchOptions, k: number): { id: string; score: number }[] {
  return (supported(index) ? topK(index, query, options, k) : null) ?? index.search(query, options).slice(0, k).map((r) => ({ id: String(r.id), score: r.score }));
}

function rank(ctx: AskContext, q: Question, opts: AskOptions): Scored[] {
  if (q.terms.length === 0) return [];
  const retrieval = retrievalQuery(ctx, q, opts);
  const hits = topHits(ctx.index, retrieval.query, retrieval.options, opts.candidates);
  const topScore = hits[0]?.score ?? 1;
  const scored: Scored[] = [];
  for (const hit of hits) {
    const passage = ctx.passages.get(String(hit.id));
    if (passage) scored.push(evaluate(ctx, q, passage, hit.score / topScore, opts));
  }
  return scored.sort((a, b) => b.score - a.score);
}

/** The question as the ranking sees it: its type and weighted terms (for explaining answers). */
export function analyzeQuestion(ctx: AskContext, question: string, options: Partial<AskOptions> = {}): Question {
  return analyze(ctx, question, { ...askDefaults, ...options });
}

/** Candidates for a question, best first, with what their score is made of (also used to explain answers). */
export function rankCandidates(ctx: AskContext, question: string, options: Partial<AskOptions> = {}): Scored[] {
  const opts = { ...askDefaults, ...options };
  return rank(ctx, analyze(ctx, question, opts), opts);
}

/** Questions whose answer is a name, a date, a place or a number: a sentence without one doesn't answer them. */
const TYPED_ANSWERS: ReadonlySet<QuestionType> = new Set(['who', 'when', 'where', 'quantity', 'duration', 'money', 'age', 'entity']);

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

export function ask(ctx: AskContext, question: string, options: Partial<AskOptions> = {}): AskResult {
  const opts = { ...askDefaults, ...options };
  const q = analyze(ctx, question, opts);
  const scored = rank(ctx, q, opts);
  const needsType = TYPED_ANSWERS.has(q.type);
  const best = scored.find((s) => s.typed || !needsType);
  if (!best || !supports(q, best, opts)) return { answer: null, citations: [] };
  const article = ctx.articles.get(best.passage.sentence.articleId)!;
  // The answer's citation stays within the paragraph it names; the answer's text may read on past its end.
  const { inParagraph, end } = opts.paragraphContext ? contextEnds(ctx, best, opts.maxAnswerChars, opts.contextAcrossParagraphs) : { inParagraph: best.end, end: best.end };
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
 * while the text stays within `max` characters: a reader sees the answer with what follows it, as a search
 * snippet shows it, and the answer still comes first. `inParagraph` stops at the paragraph's end (the citation's
 * span); `end`, with `acrossParagraphs`, may go on past the break: news paragraphs are often one sentence long,
 * and what follows the answer there is as much its context as the rest of a long paragraph would be.
 */
function contextEnds(ctx: AskContext, best: Scored, max: number, acrossParagraphs: boolean): { inParagraph: number; end: number } {
  const sentences = ctx.articles.get(best.passage.sentence.articleId)!.sentences;
  const paragraph = best.passage.sentence.paragraph;
  let inParagraph = best.end;
  let end = best.end;
  for (let i = partitionPoint(sentences.length, (k) => sentences[k]!.end <= best.end); i < sentences.length; i++) {
    const next = sentences[i]!;
    const sameParagraph = next.paragraph === paragraph;
    if (next.end - best.start > max || (!acrossParagraphs && !sameParagraph)) break;
    end = next.end;
    if (sameParagraph) inParagraph = next.end;
  }
  return { inParagraph, end };
}

function citeSpan(ctx: AskContext, s: Scored): Citation {
  return cite(ctx.articles.get(s.passage.sentence.articleId)!, s.start, s.end);
}
