// Watches the corpus folder so moderators' edits are served without a restart. Each article file
// that is added, changed or removed is re-validated and handed to the engine; a file that does not
// parse is logged and skipped, so the last good version keeps serving.
//
// Half-written files: chokidar waits until a file's size has been stable for `stabilityMs`, events on
// one file within `debounceMs` are merged, and a file that still fails to parse is read once more after
// `invalidRetryMs` before it is reported as broken.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Article, CorpusProblem } from '../model/types.js';
import { isArticleFile, outsideFolderProblem } from './load.js';
import { MAX_ARTICLE_BYTES, parseArticle, type ParseResult } from './parse.js';

export type CorpusChangeKind = 'add' | 'change' | 'remove';

export interface CorpusChangeHandler {
  /**
   * `file` is the file's absolute path; the article id is its base name. `article` is the validated
   * article for add and change (undefined for remove). Calls are made one at a time, in order.
   */
  onChange(kind: CorpusChangeKind, file: string, article?: Article): Promise<void> | void;
  /** A file's current problems; `[]` once it is valid again or removed. */
  onProblems?(file: string, problems: CorpusProblem[]): Promise<void> | void;
}

export type WatchLog = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface WatchCorpusOptions {
  /** Events on one file within this many ms become one update. Default 300. */
  debounceMs?: number;
  /** A file is read only after its size has not changed for this long. Default 500. */
  stabilityMs?: number;
  /** How often a growing file's size is checked. Default 100. */
  pollIntervalMs?: number;
  /** A file that does not parse is read once more after this long (a writer may be mid-way). Default 1000. */
  invalidRetryMs?: number;
  /** Called with an article's id the first time it is served (record it in the database). */
  recordFirstSeen?: (articleId: string, at: Date) => void;
  /** Default: the system clock. */
  clock?: () => Date;
  log?: WatchLog;
  /** Poll the folder instead of using OS events (network drives, some containers). Default false. */
  usePolling?: boolean;
}

export interface CorpusWatcher {
  /** Resolves when every pending update has been handed to the handler. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export const defaultWatchOptions = { debounceMs: 300, stabilityMs: 500, pollIntervalMs: 100, invalidRetryMs: 1000 } as const;

type ReadResult = { kind: 'gone' } | { kind: 'ok'; article: Article; warnings: CorpusProblem[] } | { kind: 'invalid'; problems: CorpusProblem[] };

async function readArticle(realRoot: string, file: string): Promise<ReadResult> {
  const name = path.basename(file);
  const outside = outsideFolderProblem(realRoot, file);
  if (outside) return { kind: 'invalid', problems: [outside] };
  try {
    const info = await stat(file);
    if (!info.isFile()) return { kind: 'gone' };
    if (info.size > MAX_ARTICLE_BYTES) {
      return { kind: 'invalid', problems: [{ file: name, field: 'size', message: `file is ${info.size} bytes; expected at most ${MAX_ARTICLE_BYTES} (1 MB)` }] };
    }
    const result = parseArticle(name, await readFile(file));
    return result.ok ? { kind: 'ok', article: result.article, warnings: result.warnings ?? [] } : { kind: 'invalid', problems: result.problems };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    return { kind: 'invalid', problems: [{ file: name, field: 'file', message: `cannot read the file: ${(error as Error).message}` }] };
  }
}

export async function watchCorpus(dir: string, handler: CorpusChangeHandler, options: WatchCorpusOptions = {}): Promise<CorpusWatcher> {
  const opts = { ...defaultWatchOptions, ...options };
  const root = path.resolve(dir);
  const realRoot = await realpath(root);
  const log: WatchLog = options.log ?? (() => {});
  const clock = options.clock ?? (() => new Date());
  /** Files the engine has (or had at start): a file's kind comes from this, not from event order. */
  const known = new Set((await readdir(root)).filter(isArticleFile).map((n) => path.join(root, n)));
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let queue: Promise<void> = Promise.resolve();
  let closed = false;

  const enqueue = (task: () => Promise<void>) => {
    queue = queue.then(task).catch((error: unknown) => log('error', `corpus watch: ${(error as Error).message}`));
  };

  const update = async (file: string, retried: boolean): Promise<void> => {
    const read = await readArticle(realRoot, file);
    if (read.kind === 'gone') {
      if (!known.delete(file)) return;
      await handler.onProblems?.(file, []);
      await handler.onChange('remove', file);
      log('info', `corpus: ${path.basename(file)} removed`);
      return;
    }
    if (read.kind === 'invalid') {
      if (!retried) return schedule(file, opts.invalidRetryMs, true);
      await handler.onProblems?.(file, read.problems);
      for (const p of read.problems) log('warn', `corpus: ${p.file}: ${p.field}: ${p.message} (skipped; the last good version keeps serving)`);
      return;
    }
    const kind: CorpusChangeKind = known.has(file) ? 'change' : 'add';
    known.add(file);
    options.recordFirstSeen?.(read.article.id, clock());
    await handler.onProblems?.(file, []);
    await handler.onChange(kind, file, read.article);
    log('info', `corpus: ${read.article.id} ${kind === 'add' ? 'added' : 'updated'}`);
    for (const w of read.warnings) log('warn', `corpus: ${w.file}: ${w.field}: ${w.message}`);
  };

  function schedule(file: string, delay: number, retried = false): void {
    if (closed) return;
    clearTimeout(timers.get(file));
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file);
        enqueue(() => update(file, retried));
      }, delay),
    );
  }

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    depth: 0,
    usePolling: opts.usePolling ?? false,
    interval: opts.pollIntervalMs,
    awaitWriteFinish: { stabilityThreshold: opts.stabilityMs, pollInterval: opts.pollIntervalMs },
    // Only article files directly in the folder: editors' swap and temp files are not articles.
    ignored: (p: string) => path.resolve(p) !== root && !isArticleFile(path.basename(p)),
  });
  watcher.on('all', (event, p) => {
    if (event === 'add' || event === 'change' || event === 'unlink') schedule(path.resolve(p), opts.debounceMs);
  });
  watcher.on('error', (error) => log('error', `corpus watch: ${root}: ${(error as Error).message}`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    async idle() {
      while (timers.size > 0) await new Promise((r) => setTimeout(r, Math.min(opts.debounceMs, 50)));
      await queue;
    },
    async close() {
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await watcher.close();
      await queue;
    },
  };
}

/** What the watcher needs of the engine's Story (loadStory's result): it is handed what the watcher read. */
export interface FileBackedStory {
  applyFile(id: string, parsed: ParseResult): CorpusProblem[];
  removeFile(id: string): unknown;
}

/**
 * Plugs a Story into the watcher. The article the watcher read and validated is applied as it is (the file is not
 * read again); an invalid file's problems are recorded while the last good version keeps serving.
 */
export function storyChangeHandler(story: FileBackedStory): CorpusChangeHandler {
  return {
    onChange(kind, file, article) {
      const id = path.basename(file);
      if (kind === 'remove' || !article) story.removeFile(id);
      else story.applyFile(id, { ok: true, article });
    },
    onProblems(file, problems) {
      if (problems.length > 0) story.applyFile(path.basename(file), { ok: false, problems });
    },
  };
}
