// Opens storydesk's SQLite database: WAL, a busy timeout, migrations applied, and a write probe, so
// that a corrupt, foreign or read-only file is one clear error at start instead of a crash mid-digest.
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';
import { fileLock, SqliteSql } from './sql.js';
import { LocalSignals, newHostId, type Store } from './store.js';

/** The database every table's code takes: SQLite (this file) or Postgres (`postgres.ts`). */
export type Db = Store;

/** SQLite behind the Store interface; signals reach only this process (one host shares nothing else). */
export class SqliteStore extends SqliteSql implements Store {
  readonly signals = new LocalSignals();
  constructor(
    db: Database.Database,
    readonly where: string,
    readonly hostId: string,
  ) {
    super(db, where === ':memory:' ? undefined : fileLock(where));
  }
  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}

export const DEFAULT_DATABASE_PATH = './data/storydesk.db';

export interface OpenDatabaseOptions {
  /** How long a writer waits for another connection's lock, in ms. Default 5000. */
  busyTimeoutMs?: number;
  /** Run `PRAGMA quick_check` at open (cheap for storydesk's small database). Default true. */
  check?: boolean;
  /** This process's name in digest claims and leases; default: hostname, pid and a random suffix. */
  hostId?: string;
}

/** A database that cannot be used; the message names the file and what to do. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown; variable?: 'DATABASE_PATH' | 'DATABASE_URL' },
  ) {
    super(`storydesk: cannot use the database at ${file} (${options?.variable ?? 'DATABASE_PATH'}): ${reason}`, { cause: options?.cause });
    this.name = 'DatabaseOpenError';
  }
}

const FIX = 'move the file aside or set DATABASE_PATH to another file';

/** Turns SQLite's error codes into a reason a moderator can act on. */
function explain(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? String(error);
  if (code === 'SQLITE_NOTADB') return `the file is not a SQLite database or is corrupt (${message}); ${FIX}`;
  if (code.startsWith('SQLITE_CORRUPT')) return `the database is corrupt (${message}); ${FIX}`;
  if (code.startsWith('SQLITE_READONLY')) return `the database is read-only (${message}); make the file and its folder writable`;
  if (code.startsWith('SQLITE_CANTOPEN')) return `the file cannot be opened (${message}); check that its folder exists and is writable`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `its folder cannot be created (${code}); check the path's permissions`;
  if (code.startsWith('SQLITE_IOERR')) return `a disk error occurred (${message}); check the disk and the file's permissions`;
  return message;
}

/** Kernel and device file systems: a database can't live there (and Node's recursive mkdir never returns in /proc). */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/**
 * Checks DATABASE_PATH before anything is created: a folder, a path under /proc, /sys or /dev, or a path whose
 * nearest existing part is a file. Returns why it can't be used, or null. Runs in console mode too.
 */
export function databasePathProblem(file: string): string | null {
  if (file === ':memory:') return null;
  const where = path.resolve(file);
  let existing = where;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const real = realpathSync(existing);
  const system = SYSTEM_FOLDERS.find((dir) => real === dir || real.startsWith(`${dir}/`));
  if (system) return `it is under ${system}, a system folder; set DATABASE_PATH to a file in a writable folder, e.g. ./data/storydesk.db`;
  const info = statSync(existing);
  if (existing === where && info.isDirectory()) return 'it is a folder; set DATABASE_PATH to the path of a file in it, e.g. ./data/storydesk.db';
  if (existing !== where && !info.isDirectory()) return `${existing} is a file, so the database's folder cannot be created there`;
  return null;
}

export async function openDatabase(file: string = DEFAULT_DATABASE_PATH, options: OpenDatabaseOptions = {}): Promise<SqliteStore> {
  const memory = file === ':memory:';
  const where = memory ? file : path.resolve(file);
  const problem = databasePathProblem(file);
  if (problem) throw new DatabaseOpenError(where, problem);
  let db: Database.Database | undefined;
  try {
    if (!memory) mkdirSync(path.dirname(where), { recursive: true });
    db = new Database(where);
    configure(db, options);
    if (options.check !== false) integrityCheck(db);
    const store = new SqliteStore(db, where, options.hostId ?? newHostId());
    await migrate(store);
    // A write at every start: a read-only file fails here, not at the first digest.
    await store.run(`INSERT INTO meta (key, value) VALUES ('last_opened_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [
      new Date().toISOString(),
    ]);
    return store;
  } catch (error) {
    db?.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(where, explain(error), { cause: error });
  }
}

function configure(db: Database.Database, options: OpenDatabaseOptions): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal' && db.name !== ':memory:') throw new Error(`expected WAL journal mode, got ${String(mode)}`);
  // FULL: the "sending" intent row must be on disk before the message goes out.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function integrityCheck(db: Database.Database): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw new DatabaseOpenError(db.name, `the database is corrupt (${problems.slice(0, 3).join('; ')}); ${FIX}`);
}
