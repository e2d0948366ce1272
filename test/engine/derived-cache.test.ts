import { describe, expect, it } from 'vitest';
import { cite } from '../../src/model/citation.js';
import { restoreCitations, stringifyCompact } from '../../src/engine/derived-cache.js';
import { makeArticle } from '../helpers/articles.js';

const a = makeArticle({ id: 'a.md', title: 'Vote', body: 'The council voted on Monday.\n\n"We are ready," said Ann Pike.' });
const b = makeArticle({ id: 'b.md', title: 'Floods', body: 'Heavy rain flooded the valley. Residents fled.' });
const other = makeArticle({ id: 'c.md', title: 'Elsewhere', body: 'Not among the cached articles.' });

describe('derived-data cache', () => {
  it('stores citations by reference and restores them verbatim, sharing one meta per article', () => {
    const data = {
      timeline: [{ date: '2024-01-01', precision: 'day', text: 'The council voted on Monday.', citations: [cite(a, 0, 28), cite(b, 0, 30)] }],
      quotes: [
        { text: 'We are ready,', speaker: 'Ann Pike', citation: cite(a, 30, 61) },
        { text: 'x', speaker: null, citation: cite(other, 0, 3) },
      ],
    };
    const json = stringifyCompact(data, [a, b]);
    expect(json).not.toContain('Vote');
    expect(json).toContain('Elsewhere'); // an article not listed keeps its citation as it was
    const restored = restoreCitations(JSON.parse(json) as typeof data, [a, b]);
    expect(restored).toEqual(data);
    expect(restored.quotes[0]!.citation.article).toBe(restored.timeline[0]!.citations[0]!.article);
    expect(restored.quotes[0]!.citation.excerpt).toBe('"We are ready," said Ann Pike.');
  });

  it('rejects a citation that does not fit its article', () => {
    expect(() => restoreCitations(JSON.parse('[{"@cite": [0, 1, 5, 999]}]'), [a])).toThrow('a citation outside its article');
    expect(() => restoreCitations(JSON.parse('[{"@cite": [3, 1, 0, 1]}]'), [a])).toThrow('a citation outside its article');
  });
});
