import { mkdtemp, writeFile } from 'node:fs/promises';
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
});
