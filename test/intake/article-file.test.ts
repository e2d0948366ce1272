// Corpus files written by intake: today's format, atomic, never overwriting, and readable by the corpus parser.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse.js';
import { recordCopy, renderArticleFile, slugOf, VIA_CLI, viaDiscord, viaFeed, writeArticleFile, type ArticleFileInput } from '../../src/intake/article-file.js';
import { extractArticle } from '../../src/intake/extract.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function corpusDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storydesk-intake-'));
  dirs.push(dir);
  return dir;
}

const ADDED = new Date('2024-05-01T09:30:00.000Z');
const article: ArticleFileInput = {
  title: 'Zimbabwe coup: Mugabe "insists" he finishes his term',
  date: '2017-11-16',
  outlet: 'The Telegraph',
  author: 'Our Foreign Staff',
  url: 'https://www.telegraph.co.uk/news/2017/11/16/zimbabwe/',
  paragraphs: ['Robert Mugabe is insisting he finish his term.', 'A priest stepped in to mediate: talks went on # all night.'],
};

function parsed(file: string) {
  const result = parseArticle(path.basename(file), readFileSync(file));
  if (!result.ok) throw new Error(`expected a valid article: ${JSON.stringify(result.problems)}`);
  return result.article;
}

describe('slugOf', () => {
  it('keeps ASCII words of the title, without accents or apostrophes', () => {
    expect(slugOf("Māori tribes' fears: whale strandings — São Tomé")).toBe('maori-tribes-fears-whale-strandings-sao-tome');
  });

  it('cuts a long title at a word, within 60 characters', () => {
    const slug = slugOf('one two three four five six seven eight nine ten eleven twelve thirteen fourteen');
    expect(slug).toBe('one-two-three-four-five-six-seven-eight-nine-ten-eleven');
    expect(slug.length).toBeLessThanOrEqual(60);
  });

  it('names an article with no Latin letters "article"', () => {
    expect(slugOf('日本の記事')).toBe('article');
  });
});

describe('renderArticleFile', () => {
  it('writes the front matter in today\'s order, with added and via, and one paragraph per block', () => {
    const text = renderArticleFile(article, { via: viaDiscord('123', '456'), added: ADDED });
    expect(text).toBe(
      [
        '---',
        'title: \'Zimbabwe coup: Mugabe "insists" he finishes his term\'',
        'date: 2017-11-16',
        'outlet: The Telegraph',
        'author: Our Foreign Staff',
        'url: https://www.telegraph.co.uk/news/2017/11/16/zimbabwe/',
        'added: 2024-05-01T09:30:00.000Z',
        'via: discord:123/456',
        '---',
        '',
        'Robert Mugabe is insisting he finish his term.',
        '',
        'A priest stepped in to mediate: talks went on # all night.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out an outlet, author or url the page did not give', () => {
    const text = renderArticleFile({ ...article, outlet: null, author: null, url: null }, { via: VIA_CLI, added: ADDED });
    expect(text).not.toMatch(/^(outlet|author|url):/m);
    expect(text).toContain('via: cli\n');
  });

  it('round-trips any title, outlet, author and paragraphs through YAML and the corpus parser', () => {
    const text = (min = 1) => fc.string({ unit: 'grapheme', minLength: min, maxLength: 40 }).filter((t) => t.replace(/\s+/g, ' ').trim().length > 0);
    const oneLine = (t: string) => t.replace(/\s+/g, ' ').trim();
    fc.assert(
      fc.property(text(), text(), text(), fc.array(text(), { minLength: 1, maxLength: 4 }), (title, outlet, author, paragraphs) => {
        const bytes = new TextEncoder().encode(renderArticleFile({ ...article, title, outlet, author, paragraphs }, { via: VIA_CLI, added: ADDED }));
        const result = parseArticle('a.md', bytes);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expect([result.article.title, result.article.outlet, result.article.author]).toEqual([oneLine(title), oneLine(outlet), oneLine(author)]);
        expect(result.article.paragraphs.map((p) => result.article.body.slice(p.start, p.end))).toEqual(paragraphs.map(oneLine));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [{ date: '16/11/2017' }, 'article-file: expected a date as YYYY-MM-DD; got "16/11/2017"'],
    [{ url: 'ftp://example.com/a' }, 'article-file: expected an http(s) URL; got "ftp://example.com/a"'],
    [{ title: '  ' }, 'article-file: expected a non-empty title'],
    [{ paragraphs: ['', ' '] }, 'article-file: expected at least one paragraph of body'],
  ])('refuses %j with a message naming it', (change, message) => {
    expect(() => renderArticleFile({ ...article, ...change }, { via: VIA_CLI, added: ADDED })).toThrow(message);
  });

  it('refuses a via that is not discord:, feed: or cli', () => {
    expect(() => renderArticleFile(article, { via: 'someone', added: ADDED })).toThrow(
      'article-file: expected via as discord:<guild>/<user>, feed:<url> or cli; got "someone"',
    );
  });
});

describe('writeArticleFile', () => {
  it('writes YYYY-MM-DD-<slug>.md that the corpus parser reads back field for field', async () => {
    const dir = corpusDir();
    const written = await writeArticleFile(dir, article, { via: viaFeed('https://example.com/feed.xml'), added: ADDED });
    expect(written).toEqual({ id: '2017-11-16-zimbabwe-coup-mugabe-insists-he-finishes-his-term.md', file: path.join(dir, written.id) });
    const back = parsed(written.file);
    expect(back).toMatchObject({ title: article.title, date: article.date, outlet: article.outlet, author: article.author, url: article.url });
    expect(back.paragraphs.map((p) => back.body.slice(p.start, p.end))).toEqual(article.paragraphs);
    const result = parseArticle(written.id, readFileSync(written.file));
    expect(result.ok).toBe(true);
  });

  it('never overwrites: a clashing name gets -2, then -3, and the first file is unchanged', async () => {
    const dir = corpusDir();
    const first = await writeArticleFile(dir, article, { via: VIA_CLI, added: ADDED });
    const before = readFileSync(first.file, 'utf8');
    const second = await writeArticleFile(dir, { ...article, paragraphs: ['Another text.'] }, { via: VIA_CLI, added: ADDED });
    const third = await writeArticleFile(dir, { ...article, paragraphs: ['A third text.'] }, { via: VIA_CLI, added: ADDED });
    expect([second.id, third.id]).toEqual([first.id.replace('.md', '-2.md'), first.id.replace('.md', '-3.md')]);
    expect(readFileSync(first.file, 'utf8')).toBe(before);
  });

  it('leaves no temporary file behind', async () => {
    const dir = corpusDir();
    await writeArticleFile(dir, article, { via: VIA_CLI, added: ADDED });
    await writeArticleFile(dir, article, { via: VIA_CLI, added: ADDED });
    expect(readdirSync(dir).sort()).toEqual([
      '2017-11-16-zimbabwe-coup-mugabe-insists-he-finishes-his-term-2.md',
      '2017-11-16-zimbabwe-coup-mugabe-insists-he-finishes-his-term.md',
    ]);
  });

  it('round-trips a real page: the parsed paragraphs are the extracted ones, each verbatim in the page text', async () => {
    const html = readFileSync(path.join(import.meta.dirname, '../fixtures/intake/readability/bbc-1/source.html'), 'utf8');
    const extracted = extractArticle(html, 'http://www.bbc.com/news/world-us-canada-33646704').article!;
    const written = await writeArticleFile(corpusDir(), extracted, { via: VIA_CLI, added: ADDED });
    const back = parsed(written.file);
    const paragraphs = back.paragraphs.map((p) => back.body.slice(p.start, p.end));
    expect(paragraphs).toEqual(extracted.paragraphs);
    expect(back.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    const pageText = html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');
    for (const paragraph of paragraphs) expect(pageText).toContain(paragraph);
  });
});

describe('recordCopy', () => {
  const withComments = [
    '---',
    'title: Israel offers cyber aid   # required',
    'date: 2022-09-12',
    'url: https://www.timesofisrael.com/israel-offers-cyber-aid/',
    '---',
    '',
    'First paragraph,\r\nhard-wrapped.  Two spaces stay.',
    '',
    'Second paragraph.',
    '',
  ].join('\n');

  it('adds {outlet, url} to also:, keeps comments and leaves the body bytes identical', async () => {
    const file = path.join(corpusDir(), 'a.md');
    writeFileSync(file, withComments);
    const body = readFileSync(file).subarray(withComments.indexOf('\n---\n') + 5);
    expect(await recordCopy(file, { outlet: 'The Jerusalem Post', url: 'https://www.jpost.com/copy' })).toBe(true);
    expect(await recordCopy(file, { outlet: null, url: 'https://news.example.com/copy' })).toBe(true);
    const after = readFileSync(file);
    expect(after.subarray(after.indexOf('\n---\n') + 5).equals(body)).toBe(true);
    expect(after.toString('utf8')).toMatch(/^title: Israel offers cyber aid +# required$/m);
    const result = parseArticle('a.md', after);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(readFileSync(file, 'utf8')).toContain(
      'also:\n  - outlet: The Jerusalem Post\n    url: https://www.jpost.com/copy\n  - outlet: null\n    url: https://news.example.com/copy\n---\n',
    );
  });

  it('does not record the same URL twice, nor the article\'s own URL', async () => {
    const file = path.join(corpusDir(), 'a.md');
    writeFileSync(file, withComments);
    expect(await recordCopy(file, { outlet: 'X', url: 'https://x.example/a' })).toBe(true);
    const once = readFileSync(file, 'utf8');
    expect(await recordCopy(file, { outlet: 'X', url: 'https://x.example/a' })).toBe(false);
    expect(await recordCopy(file, { outlet: 'TOI', url: 'https://www.timesofisrael.com/israel-offers-cyber-aid/' })).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });

  it('keeps every copy when several are recorded at once', async () => {
    const file = path.join(corpusDir(), 'a.md');
    writeFileSync(file, withComments);
    await Promise.all([1, 2, 3, 4].map((n) => recordCopy(file, { outlet: `Outlet ${n}`, url: `https://o${n}.example/a` })));
    const text = readFileSync(file, 'utf8');
    for (const n of [1, 2, 3, 4]) expect(text).toContain(`url: https://o${n}.example/a`);
  });

  it('refuses a copy whose URL is not http(s)', async () => {
    await expect(recordCopy('whatever.md', { outlet: null, url: 'javascript:alert(1)' })).rejects.toThrow(
      'article-file: expected the copy\'s http(s) URL; got "javascript:alert(1)"',
    );
  });
});

describe('the front matter schema', () => {
  const file = (front: string) => new TextEncoder().encode(`---\n${front}\n---\n\nBody.\n`);

  it('still accepts today\'s files, without added, via or also', () => {
    expect(parseArticle('a.md', file('title: T\ndate: 2024-01-01')).ok).toBe(true);
  });

  it.each([
    ['added: yesterday', 'added', 'expected an ISO date-time, e.g. 2024-05-01T09:30:00Z'],
    ['also: [{outlet: X, url: "ftp://x"}]', 'also.0.url', 'expected an http(s) URL'],
    ['via: ""', 'via', 'expected non-empty text when present'],
  ])('reports %s by field', (line, field, message) => {
    const result = parseArticle('a.md', file(`title: T\ndate: 2024-01-01\n${line}`));
    expect(result.ok ? [] : result.problems).toEqual([{ file: 'a.md', field, message }]);
  });
});
