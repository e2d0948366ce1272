// The passage index: one MiniSearch document per sentence, with its neighbours as context,
// cached on disk as MiniSearch JSON keyed by a hash of the corpus and of these options.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { termOf, terms } from '../text/terms.js';
import { codeFingerprint } from './fingerprint.js';
import { TermStats } from './stats.js';
import type { Article, Sentence } from './types.js';

/** Bump when documents, fields or term processing change: it invalidates every cached index. */
export const INDEX_VERSION = 4;

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
  context: string;
  title: string;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export const indexOptions: Options<IndexedDoc> = {
  fields: ['text', 'context', 'title'],
  storeFields: [],
  tokenize: (text) => text.match(TOKEN) ?? [],
  processTerm: (term) => termOf(term) ?? null,
};

/** Search defaults: the sentence itself counts most; prefix and fuzzy only on longer terms to keep precision. */
export const searchOptions: SearchOptions = {
  boost: { text: 3, context: 1, title: 0.5 },
  prefix: (term) => term.length >= 5,
  fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
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

function toDoc(passage: Passage, article: Article): IndexedDoc {
  const s = passage.sentence;
  return {
    id: passage.id,
    text: s.text,
    context: article.body.slice(passage.windowStart, s.start) + ' ' + article.body.slice(s.end, passage.windowEnd),
    title: article.title,
  };
}

export function buildIndex(passages: Passage[], articlesById: Map<string, Article>): MiniSearch<IndexedDoc> {
  const index = new MiniSearch<IndexedDoc>(indexOptions);
  index.addAll(passages.map((p) => toDoc(p, articlesById.get(p.sentence.articleId)!)));
  return index;
}

export function addToIndex(index: MiniSearch<IndexedDoc>, passages: Passage[], article: Article): void {
  index.addAll(passages.map((p) => toDoc(p, article)));
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
}

/**
 * Loads the index from `cacheDir` when a cache for exactly these articles exists and parses;
 * otherwise builds it and writes the cache (atomically). A corrupt cache is reported and rebuilt.
 */
export async function loadOrBuildIndex(
  articles: Article[],
  passages: Passage[],
  cacheDir: string | null,
  warn: (message: string) => void = () => {},
): Promise<LoadedIndex> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const build = () => ({ index: buildIndex(passages, byId), stats: buildStats(passages) });
  if (!cacheDir) return { ...build(), source: 'built', cacheFile: null };
  const cacheFile = path.join(cacheDir, `index-${corpusHash(articles)}.json`);
  const cached = await readFile(cacheFile, 'utf8').catch(() => null);
  if (cached !== null) {
    try {
      const json = JSON.parse(cached) as { stats: unknown; index: Parameters<typeof MiniSearch.loadJS>[0] };
      const index = MiniSearch.loadJS<IndexedDoc>(json.index, indexOptions);
      const stats = TermStats.fromJSON(json.stats);
      if (index.documentCount === passages.length) return { index, stats, source: 'cache', cacheFile };
      warn(`storydesk: index cache ${cacheFile} holds ${index.documentCount} passages, expected ${passages.length}; rebuilding`);
    } catch (error) {
      warn(`storydesk: index cache ${cacheFile} is corrupt (${(error as Error).message}); rebuilding`);
    }
  }
  const { index, stats } = build();
  try {
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(tmp, `{"stats":${JSON.stringify(stats)},"index":${JSON.stringify(index)}}`);
    await rename(tmp, cacheFile);
  } catch (error) {
    warn(`storydesk: cannot write the index cache ${cacheFile} (${(error as Error).message}); continuing without it`);
  }
  return { index, stats, source: 'built', cacheFile };
}

export function buildStats(passages: Passage[]): TermStats {
  const stats = new TermStats();
  for (const p of passages) stats.add(terms(p.sentence.text));
  return stats;
}

export type { IndexedDoc };
