// The passage index: one MiniSearch document per sentence, cached on disk keyed by a hash of the corpus and of the
// code. Only the sentence's own words are indexed: the reranking of /ask credits its neighbours and the article's
// title itself, and indexing them too (as fields) tripled the postings a question scans and the index's memory
// without changing an answer on the eval sets.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { writeFileAtomic } from '../util/files.js';
import { termOf, terms, wordTokens } from '../text/terms.js';
import { codeFingerprint } from '../util/fingerprint.js';
import { readIndexCache, writeIndexCache } from './cache.js';
import { TermStats } from './stats.js';
import type { Article, Sentence } from '../model/types.js';

/** Bump when documents, fields or term processing change: it invalidates every cached index. */
export const INDEX_VERSION = 6;

/** A passage: a sentence (the answer unit) and the window of sentences around it in its paragraph. */
export interface Passage {
  id: string;
  sentence: Sentence;
  /** Offsets of the window (previous sentence, this one, next one) in the article body. */
  windowStart: number;
  windowEnd: number;
}

interface IndexedDoc {
  id: string;
  text: string;
}

export const indexOptions: Options<IndexedDoc> = {
  fields: ['text'],
  storeFields: [],
  tokenize: (text) => wordTokens(text),
  processTerm: (term) => termOf(term) ?? null,
};

/**
 * Words longer than this are looked up as they are, never by prefix or typo: a typo match costs the square of the
 * word's length (a 65,000-letter "word" took 8 s and 4 GB), and no real word is this long.
 */
export const MAX_EXPANDED_TERM = 30;

/** Search defaults: prefix and fuzzy only on longer terms to keep precision, and never on absurdly long ones. */
export const searchOptions: SearchOptions = {
  prefix: (term) => term.length >= 5 && term.length <= MAX_EXPANDED_TERM,
  fuzzy: (term) => (term.length >= 6 && term.length <= MAX_EXPANDED_TERM ? 0.2 : false),
  combineWith: 'OR',
};

/** Passages of every article: each sentence with its neighbours in the same paragraph as its window. */
export function buildPassages(articles: Article[]): Passage[] {
  const passages: Passage[] = [];
  for (const article of articles) {
    const sentences = article.sentences;
    sentences.forEach((sentence, i) => {
      const prev = sentences[i - 1];
      const next = sentences[i + 1];
      passages.push({
        id: sentence.id,
        sentence,
        windowStart: prev && prev.paragraph === sentence.paragraph ? prev.start : sentence.start,
        windowEnd: next && next.paragraph === sentence.paragraph ? next.end : sentence.end,
      });
    });
  }
  return passages;
}

function toDoc(passage: Passage): IndexedDoc {
  return { id: passage.id, text: passage.sentence.text };
}

export function buildIndex(passages: Passage[]): MiniSearch<IndexedDoc> {
  const index = new MiniSearch<IndexedDoc>(indexOptions);
  index.addAll(passages.map(toDoc));
  return index;
}

export function addToIndex(index: MiniSearch<IndexedDoc>, passages: Passage[]): void {
  index.addAll(passages.map(toDoc));
}

export function removeFromIndex(index: MiniSearch<IndexedDoc>, ids: string[]): void {
  for (const id of ids) if (index.has(id)) index.discard(id);
}

/** A hash of everything cached data depends on: the articles' text and the code that processes it. */
export function corpusHash(articles: Article[]): string {
  const hash = createHash('sha256');
  hash.update(`storydesk-index-v${INDEX_VERSION}\0${codeFingerprint()}\0`);
  for (const a of [...articles].sort((x, y) => x.id.localeCompare(y.id))) {
    hash.update(`${a.id}\0${a.title}\0${a.body}\0`);
  }
  return hash.digest('hex').slice(0, 32);
}

export type IndexSource = 'cache' | 'built';

export interface LoadedIndex {
  index: MiniSearch<IndexedDoc>;
  /** Sentence frequencies of terms, for weighting question terms. */
  stats: TermStats;
  source: IndexSource;
  cacheFile: string | null;
  /** `corpusHash` of the articles: other caches made for the same articles use it too. */
  hash: string;
}

/**
 * Loads the index from `cacheDir` when a cache for exactly these articles exists and reads;
 * otherwise builds it and writes the cache (atomically). A corrupt cache is reported and rebuilt.
 */
export async function loadOrBuildIndex(
  articles: Article[],
  passages: Passage[],
  cacheDir: string | null,
  warn: (message: string) => void = () => {},
): Promise<LoadedIndex> {
  const hash = corpusHash(articles);
  const build = () => ({ index: buildIndex(passages), stats: buildStats(passages) });
  if (!cacheDir) return { ...build(), source: 'built', cacheFile: null, hash };
  const cacheFile = path.join(cacheDir, `index-${hash}.bin`);
  const cached = await readFile(cacheFile).catch(() => null);
  if (cached !== null) {
    try {
      const { index, stats } = readIndexCache(cached, passages, indexOptions);
      return { index, stats, source: 'cache', cacheFile, hash };
    } catch (error) {
      warn(`storydesk: index cache ${cacheFile} is corrupt (${(error as Error).message}); rebuilding`);
    }
  }
  const { index, stats } = build();
  try {
    await writeFileAtomic(cacheFile, writeIndexCache(index, stats, passages));
  } catch (error) {
    warn(`storydesk: cannot write the index cache ${cacheFile} (${(error as Error).message}); continuing without it`);
  }
  return { index, stats, source: 'built', cacheFile, hash };
}

export function buildStats(passages: Passage[]): TermStats {
  const stats = new TermStats();
  for (const p of passages) stats.add(terms(p.sentence.text));
  return stats;
}

export type { IndexedDoc };

