// Removing an article: its file moves to CORPUS_DIR/.removed/, nothing is ever replaced there, and only an article
// file of the folder itself can be removed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { removeArticleFile } from '../../src/intake/remove.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir('storydesk-remove-');

const ARTICLE = '---\ntitle: Ferry sinks\ndate: 2025-01-07\noutlet: Harbour Gazette\n---\n\nThe ferry sank in rough seas on Tuesday evening.\n';

describe('removeArticleFile', () => {
  it('moves the file to .removed/, where the loader no longer reads it, and numbers a second copy of the same name', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'ferry.md'), ARTICLE);
    const first = await removeArticleFile(dir, 'ferry.md');
    expect(first).toEqual({ ok: true, id: 'ferry.md', from: path.join(dir, 'ferry.md'), to: path.join(dir, '.removed', 'ferry.md') });
    expect(existsSync(path.join(dir, 'ferry.md'))).toBe(false);
    expect(readFileSync(path.join(dir, '.removed', 'ferry.md'), 'utf8')).toBe(ARTICLE);
    expect((await loadCorpus(dir)).articles).toEqual([]);
    // Restored, then removed again: the first removed copy stays as it was.
    writeFileSync(path.join(dir, 'ferry.md'), ARTICLE.replace('Tuesday', 'Wednesday'));
    const second = await removeArticleFile(dir, 'ferry.md');
    expect(second).toMatchObject({ ok: true, to: path.join(dir, '.removed', 'ferry-2.md') });
    expect(readFileSync(path.join(dir, '.removed', 'ferry.md'), 'utf8')).toBe(ARTICLE);
    expect(readFileSync(path.join(dir, '.removed', 'ferry-2.md'), 'utf8')).toContain('Wednesday');
  });

  it('refuses a missing file, a folder, and any name that is not a plain file name of the folder', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'x.md'), ARTICLE);
    writeFileSync(path.join(dir, '.hidden.md'), ARTICLE);
    expect(await removeArticleFile(dir, 'gone.md')).toMatchObject({ ok: false, error: `gone.md is not in ${dir} (removed already?)` });
    expect(await removeArticleFile(dir, 'sub')).toMatchObject({ ok: false, error: 'sub is not an article file' });
    for (const bad of ['sub/x.md', '../x.md', '..', '', '.hidden.md', '.removed']) {
      expect(await removeArticleFile(dir, bad)).toMatchObject({ ok: false, error: expect.stringContaining('is not the file name of an article') });
    }
    expect(existsSync(path.join(dir, 'sub', 'x.md'))).toBe(true);
    expect(existsSync(path.join(dir, '.hidden.md'))).toBe(true);
  });
});
