import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { topHits } from '../../src/engine/ask.js';
import { buildIndex, buildPassages, searchOptions } from '../../src/engine/search.js';
import { loadCorpus } from '../../src/corpus/load.js';

describe('topHits', () => {
  it('returns exactly what index.search(…).slice(0, k) returns, in the same order', async () => {
    const { articles } = await loadCorpus(path.resolve('eval/corpora/brown-press'));
    const index = buildIndex(buildPassages(articles));
    const queries = ['president', 'kennedy program', 'the jury said', 'secret spy ring london', 'tax', 'elect vote citi', 'zzzz nothing'];
    let compared = 0;
    for (const query of queries) {
      for (const k of [1, 5, 40, 10_000]) {
        const expected = index.search(query, searchOptions).slice(0, k).map((r) => ({ id: r.id as string, score: r.score }));
        const got = topHits(index, query, searchOptions, k);
        expect(got).toEqual(expected);
        compared += got.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
