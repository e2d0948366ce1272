import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CachedPostings } from '../../src/index/cache.js';
import { addToIndex, buildPassages, corpusHash, loadOrBuildIndex, removeFromIndex, searchOptions } from '../../src/index/search.js';
import { makeArticle } from '../helpers/articles.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('storydesk-cache-');

const articles = [
  makeArticle({ id: 'a.md', body: 'The council approved the budget on Tuesday. Critics objected.\n\nThe mayor signed it.' }),
  makeArticle({ id: 'b.md', title: 'Floods', body: 'Heavy rain flooded the valley. Residents fled.' }),
];
const passages = buildPassages(articles);

describe('passages', () => {
  it('make one passage per sentence whose window stays inside its paragraph', () => {
    const a = articles[0]!;
    const byId = new Map(passages.map((p) => [p.id, p]));
    const first = byId.get('a.md#p1.s1')!;
    expect(a.body.slice(first.windowStart, first.windowEnd)).toBe('The council approved the budget on Tuesday. Critics objected.');
    const lone = byId.get('a.md#p2.s1')!;
    expect(a.body.slice(lone.windowStart, lone.windowEnd)).toBe('The mayor signed it.');
  });
});

describe('index cache', () => {
  it('builds and writes the cache, then loads it on the next start', async () => {
    const dir = tmp();
    const first = await loadOrBuildIndex(articles, passages, dir);
    expect(first.source).toBe('built');
    expect(await readdir(dir)).toEqual([`index-${corpusHash(articles)}.bin`]);
    const second = await loadOrBuildIndex(articles, passages, dir);
    expect(second.source).toBe('cache');
    expect(second.index.search('flooded').map((r) => r.id)).toEqual(first.index.search('flooded').map((r) => r.id));
  });

  it('rebuilds a corrupt cache and says so', async () => {
    const dir = tmp();
    await writeFile(path.join(dir, `index-${corpusHash(articles)}.bin`), '{"not": "an index"');
    const warnings: string[] = [];
    const loaded = await loadOrBuildIndex(articles, passages, dir, (m) => warnings.push(m));
    expect(loaded.source).toBe('built');
    expect(warnings[0]).toMatch(/is corrupt .*; rebuilding$/);
    expect((await loadOrBuildIndex(articles, passages, dir)).source).toBe('cache');
  });

  it('loads an index that ranks exactly as the one built, and takes upserts and removals after', async () => {
    const dir = tmp();
    const built = await loadOrBuildIndex(articles, passages, dir);
    const cached = await loadOrBuildIndex(articles, passages, dir);
    expect(cached.source).toBe('cache');
    expect(cached.hash).toBe(built.hash);
    for (const q of ['council budget', 'flooded valley', 'mayor', 'residents fled rain', 'Floods']) {
      expect(cached.index.search(q, searchOptions)).toEqual(built.index.search(q, searchOptions));
    }
    expect(cached.stats.toJSON()).toEqual(built.stats.toJSON());
    // The same postings (the radix tree may list terms in another order).
    const postings = (index: typeof built.index) => {
      const json = index.toJSON();
      return { ...json, index: new Map(json.index) };
    };
    expect(postings(cached.index)).toEqual(postings(built.index));
    expect(cached.index.search('flooded').map((r) => r.id)).toContain('b.md#p1.s1');
    removeFromIndex(cached.index, ['b.md#p1.s1']);
    expect(cached.index.search('flooded').map((r) => r.id)).not.toContain('b.md#p1.s1');
    const added = makeArticle({ id: 'c.md', title: 'Drought', body: 'The reservoir dried up.' });
    addToIndex(cached.index, buildPassages([added]));
    expect(cached.index.search('reservoir').map((r) => r.id)).toEqual(['c.md#p1.s1']);
  });

  it('rebuilds a truncated cache', async () => {
    const dir = tmp();
    const first = await loadOrBuildIndex(articles, passages, dir);
    const bytes = await readFile(first.cacheFile!);
    await writeFile(first.cacheFile!, bytes.subarray(0, bytes.length - 8));
    const warnings: string[] = [];
    const loaded = await loadOrBuildIndex(articles, passages, dir, (m) => warnings.push(m));
    expect(loaded.source).toBe('built');
    expect(warnings[0]).toMatch(/is corrupt \(.*\); rebuilding$/);
  });

  it('keys the cache by the corpus: a changed article misses the old cache', () => {
    const changed = [articles[0]!, makeArticle({ id: 'b.md', title: 'Floods', body: 'Heavy rain flooded the town.' })];
    expect(corpusHash(changed)).not.toBe(corpusHash(articles));
    expect(corpusHash([...articles].reverse())).toBe(corpusHash(articles));
  });
});

describe('CachedPostings', () => {
  it('behaves as a Map of the same entries under any sequence of changes, in the same order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom('set', 'delete', 'clear'), fc.integer({ min: 0, max: 45 }), fc.integer({ min: 1, max: 9 })), { maxLength: 30 }),
        (ids, ops) => {
          const sorted = [...ids].sort((a, b) => a - b);
          const slab = new Uint32Array([7, ...sorted, ...sorted.map((id) => (id % 5) + 1), 7]);
          const postings = new CachedPostings(slab, 1, sorted.length);
          const map = new Map(sorted.map((id) => [id, (id % 5) + 1]));
          const same = () => {
            expect(postings.size).toBe(map.size);
            expect([...postings]).toEqual([...map]);
            expect([...postings.keys()]).toEqual([...map.keys()]);
            expect([...postings.values()]).toEqual([...map.values()]);
            for (let id = 0; id <= 45; id++) {
              expect(postings.get(id)).toBe(map.get(id));
              expect(postings.has(id)).toBe(map.has(id));
            }
          };
          same();
          for (const [op, id, freq] of ops) {
            if (op === 'set') {
              postings.set(id, freq);
              map.set(id, freq);
            } else if (op === 'delete') expect(postings.delete(id)).toBe(map.delete(id));
            else {
              postings.clear();
              map.clear();
            }
            same();
          }
        },
      ),
    );
  });
});

describe('cite', () => {
  it('names the paragraph holding the excerpt, for every paragraph of a long article', async () => {
    const { cite } = await import('../../src/model/citation.js');
    const body = Array.from({ length: 50 }, (_, i) => `Paragraph number ${i + 1} is here.`).join('\n\n');
    const article = makeArticle({ body });
    for (const p of article.paragraphs) {
      const c = cite(article, p.start + 4, p.end);
      expect(c.paragraph).toBe(p.number);
      expect(c.excerpt).toBe(article.body.slice(p.start + 4, p.end));
    }
  });
});
