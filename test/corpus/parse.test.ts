import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES, parseArticle, reflow } from '../../src/corpus/parse.js';

const enc = (text: string) => new TextEncoder().encode(text);
const file = (front: string, body = 'First paragraph.\n\nSecond paragraph.') => enc(`---\n${front}\n---\n\n${body}\n`);
const problems = (bytes: Uint8Array) => {
  const r = parseArticle('a.md', bytes);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('parseArticle', () => {
  it('reads the front matter and the paragraphs of a valid article', () => {
    const r = parseArticle('a.md', file('title: A story\ndate: 2024-02-29\noutlet: The Paper\nauthor: Ann Lee\nurl: https://example.com/a'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article).toMatchObject({ id: 'a.md', title: 'A story', date: '2024-02-29', outlet: 'The Paper', author: 'Ann Lee', url: 'https://example.com/a' });
    expect(r.article.paragraphs.map((p) => r.article.body.slice(p.start, p.end))).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('leaves optional fields null when absent', () => {
    const r = parseArticle('a.md', file('title: T\ndate: 2024-01-01'));
    expect(r.ok && [r.article.outlet, r.article.author, r.article.url]).toEqual([null, null, null]);
  });

  it('reports a missing title with the field and what was expected', () => {
    expect(problems(file('date: 2024-01-01'))).toEqual([{ file: 'a.md', field: 'title', message: 'expected a title (text)' }]);
  });

  it('reports a date that is not YYYY-MM-DD', () => {
    expect(problems(file('title: T\ndate: 12/09/2022'))).toEqual([{ file: 'a.md', field: 'date', message: 'expected a date as YYYY-MM-DD' }]);
  });

  it('reports an impossible calendar date', () => {
    expect(problems(file('title: T\ndate: 2023-02-30'))).toEqual([
      { file: 'a.md', field: 'date', message: 'expected a real calendar date (YYYY-MM-DD)' },
    ]);
  });

  it('keeps an article whose url is not http(s), without the url and with a warning', () => {
    const r = parseArticle('a.md', file('title: T\ndate: 2024-01-01\nurl: javascript:alert(document.cookie)'));
    expect(r.ok && r.article.url).toBeNull();
    expect(r.ok && r.warnings).toEqual([
      { file: 'a.md', field: 'url', message: 'expected an http(s) URL, got "javascript:alert(document.cookie)"; the article is served without a link' },
    ]);
    expect(parseArticle('a.md', file('title: T\ndate: 2024-01-01\nurl: https://example.com/a'))).not.toHaveProperty('warnings');
  });

  it('says to quote a title that YAML reads as a number or a date', () => {
    expect(problems(file('title: 12345\ndate: 2024-01-01'))).toEqual([
      { file: 'a.md', field: 'title', message: 'expected a title (text), got a number; put the title in quotes, e.g. title: "12345"' },
    ]);
    expect(problems(file('title: true\ndate: 2024-01-01'))[0]?.message).toBe('expected a title (text), got a boolean; put the title in quotes, e.g. title: "true"');
  });

  it('limits a title to what Discord can show, and says how long it was', () => {
    const long = `@everyone ${'x'.repeat(6400)}`;
    expect(problems(file(`title: "${long}"\ndate: 2024-01-01`))).toEqual([
      { file: 'a.md', field: 'title', message: `expected a title of at most 256 characters, got ${long.length}` },
    ]);
    expect(parseArticle('a.md', file(`title: "${'x'.repeat(256)}"\ndate: 2024-01-01`)).ok).toBe(true);
  });

  it('reports invalid YAML with its line and column in the file, without a dangling colon', () => {
    expect(problems(file('title: a: b\ndate: 2024-01-01'))).toEqual([
      { file: 'a.md', field: 'front matter', message: 'invalid YAML at line 2, column 8 of the file: Nested mappings are not allowed in compact mappings' },
    ]);
  });

  it('reports a missing front matter block', () => {
    expect(problems(enc('Just text.'))[0]).toMatchObject({ field: 'front matter' });
  });

  it('reports invalid YAML', () => {
    expect(problems(file('title: [unclosed\ndate: 2024-01-01'))[0]?.message).toMatch(/^invalid YAML/);
  });

  it('reports an empty body', () => {
    expect(problems(file('title: T\ndate: 2024-01-01', '   \n\n  '))).toEqual([
      { file: 'a.md', field: 'body', message: 'article body is empty; expected at least one paragraph of text' },
    ]);
  });

  it('reports invalid UTF-8', () => {
    const bytes = new Uint8Array([...file('title: T\ndate: 2024-01-01'), 0xff, 0xfe]);
    const offset = file('title: T\ndate: 2024-01-01').byteLength;
    expect(problems(bytes)).toEqual([{ file: 'a.md', field: 'encoding', message: `file is not valid UTF-8 (first bad byte at offset ${offset}); expected UTF-8 text` }]);
  });

  it('reports a file over 1 MB', () => {
    const big = file('title: T\ndate: 2024-01-01', 'word '.repeat(MAX_ARTICLE_BYTES / 5 + 10));
    expect(problems(big)[0]).toMatchObject({ field: 'size' });
  });

  it('gives sentences stable ids and verbatim offsets', () => {
    const r = parseArticle('x.md', file('title: T\ndate: 2024-01-01', 'One. Two.\n\nThree.'));
    if (!r.ok) throw new Error('expected ok');
    expect(r.article.sentences.map((s) => s.id)).toEqual(['x.md#p1.s1', 'x.md#p1.s2', 'x.md#p2.s1']);
    for (const s of r.article.sentences) expect(r.article.body.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('reflow', () => {
  it('joins hard-wrapped lines inside a paragraph', () => {
    expect(reflow('The minister said on\nMonday that talks\nwould resume.\n\nNext paragraph.')).toEqual([
      'The minister said on Monday that talks would resume.',
      'Next paragraph.',
    ]);
  });

  it('splits a text with no blank lines at lines that end a sentence', () => {
    expect(reflow('Israel offered aid on\nMonday to Albania.\n“We will help,” he\nadded.\nA third line')).toEqual([
      'Israel offered aid on Monday to Albania.',
      '“We will help,” he added.',
      'A third line',
    ]);
  });

  it('normalises runs of spaces and trims lines', () => {
    expect(reflow('  A   line  \n  more  ')).toEqual(['A line more']);
  });
});
