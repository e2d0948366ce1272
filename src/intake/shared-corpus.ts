// Several hosts, one story: with DATABASE_URL the database holds every article, and each host's corpus folder is a
// copy of it that the watcher serves as before.
// - At start (`reconcile`, before the story loads): articles the database has and the folder lacks (or has older)
//   are written; articles removed in the database are moved to `.removed/`; files the database doesn't have, or
//   edited here since, are published. The folder stays the way to edit and import.
// - While running: a file added, changed or removed here (by a moderator, /article add, the feed poller) is
//   published and signalled (NOTIFY); every host catches up on the signal, on a reconnect, and every minute (a
//   signal can be missed), writing what changed into its folder, where its watcher picks it up.
// Writing the same text back is a no-op on both sides (the sha-256 decides), so nothing echoes between hosts.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isArticleFile } from '../corpus/load.js';
import type { CorpusChangeHandler } from '../corpus/watch.js';
import { articlesSince, getArticles, publishArticles, removeArticle, sha256, type ArticleRow } from '../db/articles.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log.js';
import { removeArticleFile } from './remove.js';

/** How often a host compares its folder with the database anyway, for a signal it missed. */
export const SHARED_CORPUS_CHECK_MS = 60_000;
/** Revisions are taken from a sequence before commit, so they may commit out of order: catch-ups look this far back. */
const REVISION_SLACK = 100;
/** Articles written or published per transaction at start. */
const RECONCILE_BATCH = 200;

export interface SharedCorpusOptions {
  store: Store;
  corpusDir: string;
  log: Logger;
  /** An article from another host arrived in this host's story (written into the folder and served): to announce it. */
  onArrived?: (articleId: string) => void;
  checkIntervalMs?: number;
}

export interface ReconcileResult {
  /** Written into the folder from the database. */
  written: number;
  /** Moved to `.removed/` because another host removed them. */
  removed: number;
  /** Published from the folder (new here, or edited here since). */
  published: number;
}

export class SharedCorpus {
  private readonly store: Store;
  private readonly dir: string;
  private readonly log: Logger;
  /** What this host's folder holds as far as the database is concerned: file name → sha-256 (absent: not in the folder). */
  private readonly folder = new Map<string, string>();
  /** Files this host is moving away because another host removed them: their watcher event is not a removal to publish. */
  private readonly removing = new Set<string>();
  /** Files another host added, written here, whose arrival is told once the watcher has served them. */
  private readonly arriving = new Set<string>();
  private lastRevision = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: Array<() => void> = [];
  private stopped = false;

  constructor(private readonly options: SharedCorpusOptions) {
    this.store = options.store;
    this.dir = path.resolve(options.corpusDir);
    this.log = options.log;
  }

  /** Brings folder and database together; run before the story is loaded. */
  async reconcile(): Promise<ReconcileResult> {
    const result: ReconcileResult = { written: 0, removed: 0, published: 0 };
    const rows = await this.store.all<{ path: string; sha256: string; revision: number; removed_at: string | null; updated_at: string }>(
      'SELECT path, sha256, revision, removed_at, updated_at FROM articles',
    );
    const inDb = new Map(rows.map((r) => [r.path, r]));
    const names = (await readdir(this.dir)).filter(isArticleFile);
    const local = new Map<string, { sha: string; text: string; mtime: number }>();
    for (const name of names) {
      try {
        const file = path.join(this.dir, name);
        const text = await readFile(file, 'utf8');
        local.set(name, { sha: sha256(text), text, mtime: (await stat(file)).mtimeMs });
      } catch (error) {
        this.log.warn({ err: error }, `shared corpus: cannot read ${name}; it is left as it is`);
      }
    }
    const toPublish: Array<{ path: string; markdown: string }> = [];
    const toWrite: string[] = [];
    for (const row of rows) {
      this.lastRevision = Math.max(this.lastRevision, row.revision);
      const here = local.get(row.path);
      const editedHere = here !== undefined && here.mtime > Date.parse(row.removed_at ?? row.updated_at);
      if (row.removed_at !== null) {
        if (!here) continue;
        if (editedHere && here.sha !== row.sha256) toPublish.push({ path: row.path, markdown: here.text });
        else if (await this.moveAway(row.path)) result.removed++;
        continue;
      }
      if (here?.sha === row.sha256) this.folder.set(row.path, row.sha256);
      else if (here && editedHere) toPublish.push({ path: row.path, markdown: here.text });
      else toWrite.push(row.path);
    }
    for (const [name, here] of local) if (!inDb.has(name)) toPublish.push({ path: name, markdown: here.text });
    // In batches: a new deployment's first host publishes its whole folder, a new host writes the whole story.
    for (let i = 0; i < toWrite.length; i += RECONCILE_BATCH) {
      for (const full of await getArticles(this.store, toWrite.slice(i, i + RECONCILE_BATCH))) {
        if (full.removedAt === null && (await this.writeText(full))) result.written++;
      }
    }
    for (let i = 0; i < toPublish.length; i += RECONCILE_BATCH) {
      result.published += await this.publishTexts(toPublish.slice(i, i + RECONCILE_BATCH));
    }
    // No watcher runs yet, so no removal event will come for the files moved away above.
    this.removing.clear();
    return result;
  }

  /** Listens for other hosts' changes; call once the story and its watcher are running. */
  start(): void {
    const { signals } = this.store;
    this.unsubscribe.push(signals.subscribe('storydesk_articles', () => void this.catchUp()));
    this.unsubscribe.push(signals.onReconnect(() => void this.catchUp()));
    this.timer = setInterval(() => void this.catchUp(true), this.options.checkIntervalMs ?? SHARED_CORPUS_CHECK_MS);
    this.timer.unref();
    void this.catchUp();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const off of this.unsubscribe) off();
    await this.chain.catch(() => {});
  }

  /** Resolves when every catch-up and publication started so far has finished (for tests and shutdown). */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.chain;
      await seen.catch(() => {});
    } while (seen !== this.chain);
  }

  /**
   * Wraps the story's watcher handler: after the story has the change, it is published for the other hosts. A
   * change that came from the database (the same text) is not published again.
   */
  handler(base: CorpusChangeHandler): CorpusChangeHandler {
    return {
      onChange: async (kind, file, article) => {
        await base.onChange(kind, file, article);
        const name = path.basename(file);
        if (kind === 'add' && this.arriving.delete(name)) this.options.onArrived?.(name);
        if (kind === 'remove') await this.serial(() => this.publishRemoval(name));
        else await this.serial(() => this.publishFile(name));
      },
      onProblems: base.onProblems ? (file, problems) => base.onProblems!(file, problems) : undefined,
    };
  }

  /** One database step at a time, so a catch-up and a publication never interleave on one file. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => {});
    return next;
  }

  private async publishFile(name: string): Promise<void> {
    let text: string;
    try {
      text = await readFile(path.join(this.dir, name), 'utf8');
    } catch {
      return; // gone again: its removal follows
    }
    if (this.folder.get(name) === sha256(text)) return;
    try {
      await this.publishText(name, text);
    } catch (error) {
      this.log.error({ err: error }, `shared corpus: could not publish ${name}; the other hosts get it at this host's next start or edit`);
    }
  }

  private async publishText(name: string, text: string): Promise<void> {
    await this.publishTexts([{ path: name, markdown: text }]);
  }

  /** Publishes in one transaction and signals once; returns how many changed. */
  private async publishTexts(articles: Array<{ path: string; markdown: string }>): Promise<number> {
    const results = await publishArticles(this.store, articles, this.store.hostId);
    let last = 0;
    for (const { changed, row } of results) {
      this.folder.set(row.path, row.sha256);
      if (!changed) continue;
      last = Math.max(last, row.revision);
      if (results.length === 1) this.log.info(`shared corpus: published ${row.path} (revision ${row.revision})`);
    }
    const changed = results.filter((r) => r.changed).length;
    if (changed > 1) this.log.info(`shared corpus: published ${changed} articles (revisions up to ${last})`);
    if (changed > 0) await this.store.signals.notify('storydesk_articles', String(last));
    return changed;
  }

  private async publishRemoval(name: string): Promise<void> {
    this.folder.delete(name);
    if (this.removing.delete(name)) return;
    try {
      const row = await removeArticle(this.store, name, this.store.hostId);
      if (!row) return;
      this.log.info(`shared corpus: published the removal of ${name} (revision ${row.revision})`);
      await this.store.signals.notify('storydesk_articles', String(row.revision));
    } catch (error) {
      this.log.error({ err: error }, `shared corpus: could not publish the removal of ${name}`);
    }
  }

  /** Applies every change after the last revision applied (with slack for out-of-order commits); `full` checks all. */
  catchUp(full = false): Promise<void> {
    return this.serial(async () => {
      if (this.stopped) return;
      try {
        const rows = full
          ? await this.changedRows()
          : await articlesSince(this.store, Math.max(0, this.lastRevision - REVISION_SLACK));
        for (const row of rows) {
          this.lastRevision = Math.max(this.lastRevision, row.revision);
          await this.apply(row);
        }
      } catch (error) {
        this.log.warn({ err: error }, 'shared corpus: could not read the articles from the database; this host serves what it has and tries again');
      }
    });
  }

  /** The rows whose state differs from this host's folder (compared by hash, without reading every text). */
  private async changedRows(): Promise<ArticleRow[]> {
    const rows = await this.store.all<{ path: string; sha256: string; removed_at: string | null }>('SELECT path, sha256, removed_at FROM articles');
    const differ = rows.filter((r) => (r.removed_at === null ? this.folder.get(r.path) !== r.sha256 : this.folder.has(r.path)));
    return getArticles(this.store, differ.map((r) => r.path));
  }

  private async apply(row: ArticleRow): Promise<void> {
    if (row.removedAt !== null) {
      if (this.folder.has(row.path) || (await exists(path.join(this.dir, row.path)))) {
        if (await this.moveAway(row.path)) this.log.info(`shared corpus: ${row.path} was removed on another host; moved to .removed/`);
      }
      return;
    }
    if (this.folder.get(row.path) === row.sha256) return;
    const isNew = !(await exists(path.join(this.dir, row.path)));
    if (!(await this.writeText(row))) return;
    this.log.info(`shared corpus: ${row.path} ${isNew ? 'arrived' : 'was updated'} from another host (revision ${row.revision})`);
    if (isNew && row.updatedBy !== this.store.hostId) this.arriving.add(row.path);
  }

  /** Writes the article atomically (a temp file renamed over it), so the watcher never reads half of it. */
  private async writeText(row: ArticleRow): Promise<boolean> {
    if (!isArticleFile(row.path) || row.path !== path.basename(row.path)) {
      this.log.warn(`shared corpus: the database has an article named ${JSON.stringify(row.path.slice(0, 120))}, which is not an article file name; skipped`);
      return false;
    }
    const temp = path.join(this.dir, `.storydesk-${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temp, row.markdown, 'utf8');
      await rename(temp, path.join(this.dir, row.path));
      this.folder.set(row.path, row.sha256);
      return true;
    } catch (error) {
      await unlink(temp).catch(() => {});
      this.log.error({ err: error }, `shared corpus: could not write ${row.path} into the corpus folder`);
      return false;
    }
  }

  private async moveAway(name: string): Promise<boolean> {
    this.removing.add(name);
    const moved = await removeArticleFile(this.dir, name);
    this.folder.delete(name);
    if (!moved.ok) {
      this.removing.delete(name);
      if (!/is not in/.test(moved.error)) this.log.warn(`shared corpus: could not remove ${name}: ${moved.error}`);
      return false;
    }
    return true;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
