// Removing an article from the story without losing it: its file moves to `CORPUS_DIR/.removed/` (the watcher and
// the loader read only the folder's own article files, not its subfolders), so restoring it is moving it back.
// A name already taken in `.removed/` (the same article removed twice) gets a numbered suffix; nothing is replaced.
import { link, mkdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The folder under CORPUS_DIR that removed articles go to. */
export const REMOVED_DIR = '.removed';

const MAX_SUFFIX = 1000;

export type RemoveResult =
  | {
      ok: true;
      id: string;
      /** Where the file was. */
      from: string;
      /** Where it is now: `CORPUS_DIR/.removed/<id>` (or a numbered name when that one was taken). */
      to: string;
    }
  | { ok: false; id: string; error: string };

/** Moves the article file `id` (its file name in `corpusDir`) to `corpusDir/.removed/`. Never throws for bad input. */
export async function removeArticleFile(corpusDir: string, id: string): Promise<RemoveResult> {
  const fail = (error: string): RemoveResult => ({ ok: false, id, error });
  if (!id || id !== path.basename(id) || id === '.' || id === '..' || id.startsWith('.')) {
    return fail(`"${id.slice(0, 120)}" is not the file name of an article in the corpus folder`);
  }
  const from = path.join(corpusDir, id);
  try {
    if (!(await stat(from)).isFile()) return fail(`${id} is not an article file`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail(`${id} is not in ${corpusDir} (removed already?)`);
    return fail(`cannot read ${id}: ${(error as Error).message}`);
  }
  const dir = path.join(corpusDir, REMOVED_DIR);
  try {
    await mkdir(dir, { recursive: true });
    const ext = path.extname(id);
    const base = id.slice(0, id.length - ext.length);
    for (let n = 1; n <= MAX_SUFFIX; n++) {
      const to = path.join(dir, n === 1 ? id : `${base}-${n}${ext}`);
      if (await moveWithoutReplacing(from, to)) return { ok: true, id, from, to };
    }
    return fail(`${REMOVED_DIR}/ already holds ${id} and ${MAX_SUFFIX - 1} numbered copies of it`);
  } catch (error) {
    return fail(`cannot move ${id} to ${REMOVED_DIR}/: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A hard link fails when the name exists, so nothing in `.removed/` is ever replaced; then the original goes. */
async function moveWithoutReplacing(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    // No hard links here: check, then rename (the same folder tree; a race with another remover is harmless).
    try {
      await stat(to);
      return false;
    } catch (missing) {
      if ((missing as NodeJS.ErrnoException).code !== 'ENOENT') throw missing;
    }
    await rename(from, to);
    return true;
  }
  await unlink(from);
  return true;
}
