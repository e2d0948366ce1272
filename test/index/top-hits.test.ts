import path from 'node:path';
import type { SearchOptions } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { topHits } from '../../src/ask/retrieval.js';
import { supported, topK } from '../../src/index/scorer.js';
import { buildIndex, buildPassages, loadOrBuildIndex, removeFromIndex, searchOptions } from '../../src/index/search.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('storydesk-topk-');

const QUERIES = [
  'president',
  'kennedy program',
  'the jury said',
  'secret spy ring london',
  'tax',
  'elect vote citi',
  'zzzz nothing',
  'kenedy presidnt', // typos: fuzzy
  'admin', // a prefix of many terms
  'tax tax vote', // a repeated term
];

const OPTION_SETS: SearchOptions[] = [
  searchOptions,
  { ...searchOptions, boostTerm: (term) => (term.startsWith('v') ? 0.4 : 1) },
  { ...searchOptions, prefix: true, fuzzy: 0.3 },
  { ...searchOptions, fuzzy: 2 },
];

function expectSame(index: Parameters<typeof topHits>[0]): number {
  let compared = 0;
  for (const query of QUERIES) {
    for (const options of OPTION_SETS) {
      for (const k of [1, 5, 40, 10_000]) {
        const expected = index.search(query, options).slice(0, k).map((r) => ({ id: r.id as string, score: r.score }));
        expect(topK(index, query, options, k)).toEqual(expected);
        compared += expected.length;
      }
    }
  }
  return compared;
}

describe('topHits / topK: MiniSearch scoring without its per-match objects', () => {
  it('returns exactly what index.search(…).slice(0, k) returns: same ids, same scores to the bit, same order', async () => {
    const { articles } = await loadCorpus(path.resolve('eval/corpora/brown-press'));
    const index = buildIndex(buildPassages(articles));
    expect(supported(index)).toBe(true);
    expect(expectSame(index)).toBeGreaterThan(1000);
    expect(topHits(index, 'kennedy program', searchOptions, 3)).toEqual(topK(index, 'kennedy program', searchOptions, 3));
  });

  it('is the same on an index read from the cache and after passages were discarded', async () => {
    const { articles } = await loadCorpus(path.resolve('eval/corpora/brown-press'));
    const passages = buildPassages(articles);
    const cacheDir = tmp();
    await loadOrBuildIndex(articles, passages, cacheDir);
    const cached = await loadOrBuildIndex(articles, passages, cacheDir);
    expect(cached.source).toBe('cache');
    expect(supported(cached.index)).toBe(true);
    expect(expectSame(cached.index)).toBeGreaterThan(1000);
    removeFromIndex(cached.index, articles[0]!.sentences.map((s) => s.id));
    expect(expectSame(cached.index)).toBeGreaterThan(500);
  });
});
