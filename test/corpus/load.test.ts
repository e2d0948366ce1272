import { mkdir, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusFolderError, formatProblem, loadCorpus } from '../../src/corpus/load.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('storydesk-corpus-');

async function corpusDir(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = tmp();
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

const article = (title: string, date: string, body = 'Some text.') => `---\ntitle: ${title}\ndate: ${date}\n---\n${body}\n`;

describe('loadCorpus', () => {
  it('serves every valid article and reports each bad one with its file name', async () => {
    const dir = await corpusDir({
      'a.md': article('Alpha', '2024-01-01'),
      'b.md': '---\ndate: 2024-01-02\n---\nText.\n',
      'c.md': article('Gamma', '2024-13-01'),
      'd.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28]),
      'notes.txt': 'not an article',
      'README.md': '# how to add articles',
    });
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a.md']);
    expect(corpus.problems.map(formatProblem)).toEqual([
      'b.md: title: expected a title (text)',
      'c.md: date: expected a real calendar date (YYYY-MM-DD)',
      'd.md: encoding: file is not valid UTF-8 (first bad byte at offset 4); expected UTF-8 text',
    ]);
  });

  it('keeps the first of two files with the same title and date and reports the second', async () => {
    const dir = await corpusDir({ 'a.md': article('Same', '2024-01-01'), 'b.md': article('Same', '2024-01-01', 'Other.') });
    const sameTime = new Date('2024-01-02');
    for (const name of ['a.md', 'b.md']) await utimes(path.join(dir, name), sameTime, sameTime);
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a.md']);
    expect(corpus.problems).toEqual([
      { file: 'b.md', field: 'title', message: 'same title and date as a.md, which is served; expected each article once (this file is skipped)' },
    ]);
  });

  it('reports a file over 1 MB without reading it whole', async () => {
    const dir = await corpusDir({ 'big.md': article('Big', '2024-01-01', 'x'.repeat(1024 * 1024 + 1)) });
    const corpus = await loadCorpus(dir);
    expect(corpus.articles).toEqual([]);
    expect(corpus.problems[0]).toMatchObject({ file: 'big.md', field: 'size' });
  });


  it('loads the seed corpus with no problems', async () => {
    const corpus = await loadCorpus('corpus');
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.length).toBeGreaterThanOrEqual(2);
  });

  describe('with a parse cache', () => {
    const files = {
      'a.md': article('Alpha', '2024-01-01', 'Dr. Ann Lee spoke on Monday. She said "we are ready." The vote is set.\n\nA second paragraph. It ends here.'),
      'b.md': article('Beta', '2024-01-02', 'Line one of a\nhard-wrapped body.\nAnother line.'),
      'c.md': article('Gamma', '2024-13-01'),
      'd.md': article('Alpha', '2024-01-01', 'A duplicate.'),
    };

    it('rebuilds unchanged files from the cache exactly as parsing them, and still reports the bad ones', async () => {
      const dir = await corpusDir(files);
      const cacheDir = path.join(dir, '.cache');
      const parsed = await loadCorpus(dir);
      await mkdir(cacheDir);
      await writeFile(path.join(cacheDir, 'articles-0123456789abcdef.json'), '{}'); // another version's
      const first = await loadCorpus(dir, { cacheDir });
      expect((await readdir(cacheDir)).filter((f) => f.startsWith('articles-'))).toHaveLength(1);
      const warnings: string[] = [];
      const second = await loadCorpus(dir, { cacheDir, warn: (m) => warnings.push(m) });
      expect(first).toEqual(parsed);
      expect(second).toEqual(parsed);
      expect(second.problems.map(formatProblem)).toEqual([
        'c.md: date: expected a real calendar date (YYYY-MM-DD)',
        'd.md: title: same title and date as a.md, which is served; expected each article once (this file is skipped)',
      ]);
      expect(warnings).toEqual([]);
      for (const a of second.articles) for (const s of a.sentences) expect(s.text).toBe(a.body.slice(s.start, s.end));
    });

    it('keeps an article\'s also list (other outlets\' copies) when it comes from the cache', async () => {
      const withCopies =
        '---\ntitle: Wire story\ndate: 2024-02-01\nurl: https://wire.example/a\nalso:\n  - outlet: The Daily\n    url: https://daily.example/a\n  - url: https://other.example/a\n---\nThe wire text. It was republished.\n';
      const dir = await corpusDir({ 'w.md': withCopies, 'a.md': article('Alpha', '2024-01-01') });
      const cacheDir = path.join(dir, '.cache');
      const parsed = await loadCorpus(dir, { cacheDir });
      const cached = await loadCorpus(dir, { cacheDir });
      const also = [
        { outlet: 'The Daily', url: 'https://daily.example/a' },
        { outlet: null, url: 'https://other.example/a' },
      ];
      expect(parsed.articles.find((a) => a.id === 'w.md')!.also).toEqual(also);
      expect(cached.articles.find((a) => a.id === 'w.md')!.also).toEqual(also);
      expect(cached.articles.find((a) => a.id === 'a.md')!.also).toEqual([]);
      // Really from the cache: its entry holds the list.
      const name = (await readdir(cacheDir)).find((f) => f.startsWith('articles-'))!;
      const json = JSON.parse(await readFile(path.join(cacheDir, name), 'utf8')) as { version: number; files: Record<string, unknown[]> };
      expect(json.version).toBe(2);
      expect(json.files['w.md']!.at(-1)).toEqual(also);
    });

    it('parses a changed file again rather than serving its cached version', async () => {
      const dir = await corpusDir(files);
      const cacheDir = path.join(dir, '.cache');
      await loadCorpus(dir, { cacheDir });
      await writeFile(path.join(dir, 'a.md'), article('Alpha two', '2024-01-05', 'Changed text. Two sentences now.'));
      await writeFile(path.join(dir, 'b.md'), '---\ntitle: Beta\n---\nNo date any more.\n');
      const corpus = await loadCorpus(dir, { cacheDir });
      expect(corpus).toEqual(await loadCorpus(dir));
      expect(corpus.articles.find((a) => a.id === 'a.md')).toMatchObject({ title: 'Alpha two', date: '2024-01-05' });
      expect(corpus.articles.find((a) => a.id === 'a.md')!.sentences.map((s) => s.text)).toEqual(['Changed text.', 'Two sentences now.']);
      expect(corpus.problems.map(formatProblem)).toContain('b.md: date: expected a date as YYYY-MM-DD');
    });

    it('parses every file when the cache is corrupt, and says so', async () => {
      const dir = await corpusDir(files);
      const cacheDir = path.join(dir, '.cache');
      await loadCorpus(dir, { cacheDir });
      const name = (await readdir(cacheDir)).find((f) => f.startsWith('articles-'))!;
      await writeFile(path.join(cacheDir, name), '{"version": 1, "files": ');
      const warnings: string[] = [];
      const corpus = await loadCorpus(dir, { cacheDir, warn: (m) => warnings.push(m) });
      expect(corpus).toEqual(await loadCorpus(dir));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/parse cache .* is corrupt/);
    });
  });

  describe('the corpus folder is a boundary', () => {
    it('refuses a symbolic link to a file outside the folder, saying where it points, and serves the rest', async () => {
      const outside = await corpusDir({ 'secret.md': article('Secret', '2024-02-02', 'Nobody should read this.') });
      const dir = await corpusDir({ 'a.md': article('Alpha', '2024-01-01') });
      await symlink(path.join(outside, 'secret.md'), path.join(dir, 'leak.md'));
      await symlink('/etc/passwd', path.join(dir, 'passwd.md'));
      const corpus = await loadCorpus(dir);
      expect(corpus.articles.map((a) => a.id)).toEqual(['a.md']);
      expect(corpus.problems.map(formatProblem)).toEqual([
        `leak.md: file: is a link to ${path.join(outside, 'secret.md')}, outside the corpus folder; expected the article itself in the folder (skipped)`,
        'passwd.md: file: is a link to /etc/passwd, outside the corpus folder; expected the article itself in the folder (skipped)',
      ]);
    });

    it('serves a symbolic link to another file inside the folder', async () => {
      const dir = await corpusDir({ '_drafts.md': article('Alpha', '2024-01-01') });
      await symlink(path.join(dir, '_drafts.md'), path.join(dir, 'a.md'));
      expect((await loadCorpus(dir)).articles.map((a) => a.id)).toEqual(['a.md']);
    });

    it('of two copies keeps the one served first, whatever their names, and names both files', async () => {
      const dir = await corpusDir({ 'b-original.md': article('Alpha', '2024-01-01'), '0000-copy.md': article('Alpha', '2024-01-01', 'Changed.') });
      const firstSeen = new Map([['b-original.md', '2024-01-01T08:00:00.000Z'], ['0000-copy.md', '2024-03-01T08:00:00.000Z']]);
      const corpus = await loadCorpus(dir, { firstSeen });
      expect(corpus.articles.map((a) => a.id)).toEqual(['b-original.md']);
      expect(corpus.problems.map(formatProblem)).toEqual([
        '0000-copy.md: title: same title and date as b-original.md, which is served; expected each article once (this file is skipped)',
      ]);
    });

    it('without a first-seen record keeps the older file', async () => {
      const dir = await corpusDir({ 'b-original.md': article('Alpha', '2024-01-01'), '0000-copy.md': article('Alpha', '2024-01-01', 'Changed.') });
      await utimes(path.join(dir, 'b-original.md'), new Date('2024-01-01'), new Date('2024-01-01'));
      expect((await loadCorpus(dir)).articles.map((a) => a.id)).toEqual(['b-original.md']);
    });

    it('serves an article whose url is not http(s) without the link, with a warning', async () => {
      const dir = await corpusDir({ 'a.md': '---\ntitle: Alpha\ndate: 2024-01-01\nurl: javascript:alert(1)\n---\nText.\n' });
      const corpus = await loadCorpus(dir);
      expect(corpus.articles.map((a) => [a.id, a.url])).toEqual([['a.md', null]]);
      expect(corpus.problems).toEqual([]);
      expect(corpus.warnings.map(formatProblem)).toEqual([
        'a.md: url: expected an http(s) URL, got "javascript:alert(1)"; the article is served without a link',
      ]);
    });

    it('says in one line why the folder itself cannot be read', async () => {
      const dir = await corpusDir({ 'a.md': article('Alpha', '2024-01-01') });
      await expect(loadCorpus(path.join(dir, 'missing'))).rejects.toThrow(
        new CorpusFolderError(path.join(dir, 'missing'), Object.assign(new Error(), { code: 'ENOENT' })),
      );
      await expect(loadCorpus(path.join(dir, 'missing'))).rejects.toThrow(`storydesk: cannot read the corpus folder ${path.join(dir, 'missing')} (CORPUS_DIR): it does not exist`);
      await expect(loadCorpus(path.join(dir, 'a.md'))).rejects.toThrow(`storydesk: cannot read the corpus folder ${path.join(dir, 'a.md')} (CORPUS_DIR): it is a file, not a folder`);
    });
  });
});
