// The AskContext seam: what /ask needs of a story (its index, passages, term statistics and entity evidence).
import type MiniSearch from 'minisearch';
import type { IndexedDoc, Passage } from '../index/search.js';
import type { TermStats } from '../index/stats.js';
import type { Article, Sentence } from '../model/types.js';
import type { AcronymIndex } from './acronyms.js';

/**
 * What the story's entity index says a sentence names, for typing answers: a who-question wants a person (or an
 * organisation), a where-question a place. Each leaves out the entities the question itself names (`exclude`).
 */
export interface SentenceAnnotator {
  /** Does the sentence name a person or an organisation not among the excluded words? */
  hasPerson(sentence: Sentence, exclude: ReadonlySet<string>): boolean;
  /** Does the sentence name a place or an organisation not among the excluded words? */
  hasPlace(sentence: Sentence, exclude: ReadonlySet<string>): boolean;
  /** Does the sentence name any person, organisation or place not among the excluded words? */
  hasEntity(sentence: Sentence, exclude: ReadonlySet<string>): boolean;
}

export interface AskContext {
  index: MiniSearch<IndexedDoc>;
  passages: Map<string, Passage>;
  articles: Map<string, Article>;
  stats: TermStats;
  /** Index terms of a sentence (memoised by the story). */
  sentenceTerms(sentence: Sentence): readonly string[];
  /** The story's entity evidence for typing answers. */
  annotator: SentenceAnnotator;
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
