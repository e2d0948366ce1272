// /ask's tuning: every weight, credit and threshold of the ranking and of the decision to answer, with its reason.

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
  /** … past the answer's paragraph only while the sentences stay on its subject: the first about something else ends it. */
  readingOnSubject: true,
  maxCitations: 3,
  /** Bonus for a how-many answer whose number counts the noun the question counts ("250 screens"), not something else. */
  countedBonus: 0.15,
  /** Read an all-lower-case question's names as the articles write them (see truecase). */
  truecase: true,
  /** A who/when/where/how-many answer must hold something of what the question says of its one name (see holdsRelation). */
  relationEvidence: true,
};

/** The tuning of one call of ask: askDefaults, maybe with some values changed by the caller. */
export type AskOptions = typeof askDefaults;
