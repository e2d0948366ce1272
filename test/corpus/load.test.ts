import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadCorpus } from '../../src/corpus/load.js';

async function corpusDir(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'storydesk-corpus-'));
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
      'd.md: encoding: file is not valid UTF-8; expected UTF-8 text',
    ]);
  });

  it('keeps the first of two files with the same title and date and reports the second', async () => {
    const dir = await corpusDir({ 'a.md': article('Same', '2024-01-01'), 'b.md': article('Same', '2024-01-01', 'Other.') });
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a.md']);
    expect(corpus.problems).toEqual([
      { file: 'b.md', field: 'title', message: 'same title and date as a.md; expected each article once (this file is skipped)' },
    ]);
  });

  it('reports a file over 1 MB without reading it whole', async () => {
    const dir = await corpusDir({ 'big.md': article('Big', '2024-01-01', 'x'.repeat(1024 * 1024 + 1)) });
    const corpus = await loadCorpus(dir);
    expect(corpus.articles).toEqual([]);
    expect(corpus.problems[0]).toMatchObject({ file: 'big.md', field: 'size' });
  });

  it('fails clearly when the folder does not exist', async () => {
    await expect(loadCorpus('/nonexistent/storydesk')).rejects.toThrow('storydesk: cannot read the corpus folder /nonexistent/storydesk: ENOENT');
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
        'd.md: title: same title and date as a.md; expected each article once (this file is skipped)',
      ]);
      expect(warnings).toEqual([]);
      for (const a of second.articles) for (const s of a.sentences) expect(s.text).toBe(a.body.slice(s.start, s.end));
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
});
