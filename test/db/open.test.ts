import { chmodSync, closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, databasePathProblem, openDatabase, SqliteStore } from '../../src/db/open.js';
import { LATEST_VERSION, migrate, schemaVersion } from '../../src/db/migrations.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});
function track<T extends { close(): unknown }>(db: T): T {
  open.push(db);
  return db;
}

async function openError(file: string): Promise<DatabaseOpenError> {
  try {
    track(await openDatabase(file));
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }
  throw new Error(`expected openDatabase(${file}) to fail`);
}

describe('openDatabase', () => {
  it('resolves to a store: SQLite, where it is, this process\'s host id, and signals within the process', async () => {
    const file = path.join(tmp(), 'storydesk.db');
    const db = track(await openDatabase(file, { hostId: 'host-a' }));
    expect(db).toBeInstanceOf(SqliteStore);
    expect(db).toMatchObject({ dialect: 'sqlite', where: file, hostId: 'host-a', forUpdate: '' });
    const other = track(await openDatabase(file));
    expect(other.hostId).toMatch(/^.+:\d+:[0-9a-f]{6}$/);
    expect(other.hostId).not.toBe(track(await openDatabase(file)).hostId);
    const got: string[] = [];
    db.signals.subscribe('storydesk_articles', (payload) => got.push(payload));
    await db.signals.notify('storydesk_articles', 'a.md');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(got).toEqual(['a.md']);
    await db.close();
    await db.close(); // twice is harmless
    expect(db.db.open).toBe(false);
  });

  it('opens :memory: too', async () => {
    const db = track(await openDatabase(':memory:'));
    expect(db.where).toBe(':memory:');
    expect(await schemaVersion(db)).toBe(LATEST_VERSION);
  });

  it('creates the folder and file, in WAL mode with a busy timeout, at the latest schema version', async () => {
    const file = path.join(tmp(), 'nested', 'data', 'storydesk.db');
    const db = track(await openDatabase(file));
    expect(statSync(file).isFile()).toBe(true);
    expect(db.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(await schemaVersion(db)).toBe(LATEST_VERSION);
    const tables = (await db.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['article_first_seen', 'digests', 'failures', 'guild_settings', 'meta']));
  });

  it('keeps data across a reopen and applies no migration twice', async () => {
    const file = path.join(tmp(), 'storydesk.db');
    const first = await openDatabase(file);
    await first.run(`INSERT INTO meta (key, value) VALUES ('probe', 'kept')`);
    await first.close();
    const db = track(await openDatabase(file));
    expect(await db.get(`SELECT value FROM meta WHERE key = 'probe'`)).toEqual({ value: 'kept' });
    expect(await migrate(db)).toEqual([]);
  });

  it('names the file when it is not a database', async () => {
    const file = path.join(tmp(), 'storydesk.db');
    writeFileSync(file, 'this is a text file, not SQLite\n'.repeat(200));
    const error = await openError(file);
    expect(error.file).toBe(file);
    expect(error.message).toMatch(
      new RegExp(`^storydesk: cannot use the database at ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(DATABASE_PATH\\): the file is not a SQLite database or is corrupt`),
    );
    expect(error.message).toContain('set DATABASE_PATH to another file');
  });

  it('reports a database whose pages were overwritten as corrupt', async () => {
    const file = path.join(tmp(), 'storydesk.db');
    const store = await openDatabase(file);
    const db = store.db;
    const insert = db.prepare('INSERT INTO failures (guild_id, message, at) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`g${i % 7}`, 'x'.repeat(200), new Date(0).toISOString());
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    const size = readFileSync(file).length;
    const fd = openSync(file, 'r+');
    // Garbage over the middle pages; the header (page 1) stays valid, so only a check finds it.
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const error = await openError(file);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/corrupt/);
  });

  it('names the path when its folder cannot be created', async () => {
    const blocker = path.join(tmp(), 'not-a-folder');
    writeFileSync(blocker, 'a file where a folder should be');
    const file = path.join(blocker, 'storydesk.db');
    const error = await openError(file);
    expect(error.message).toContain(`cannot use the database at ${file}`);
    expect(error.message).toMatch(/ENOTDIR|folder/);
  });

  it('says that DATABASE_PATH is a folder, and what to set instead', async () => {
    const file = tmp();
    const error = await openError(file);
    expect(error.message).toBe(
      `storydesk: cannot use the database at ${file} (DATABASE_PATH): it is a folder; set DATABASE_PATH to the path of a file in it, e.g. ./data/storydesk.db`,
    );
  });

  it('refuses a path under /proc, /sys or /dev before creating any folder (mkdir never returns under /proc)', async () => {
    expect(databasePathProblem('/proc/self/storydesk/db.sqlite')).toBe(
      'it is under /proc, a system folder; set DATABASE_PATH to a file in a writable folder, e.g. ./data/storydesk.db',
    );
    expect(databasePathProblem('/sys/x.db')).toMatch(/^it is under \/sys, a system folder/);
    expect((await openError('/proc/1/x/y.db')).message).toContain('(DATABASE_PATH): it is under /proc, a system folder');
    expect(databasePathProblem(path.join(tmp(), 'new', 'storydesk.db'))).toBeNull();
    expect(databasePathProblem(':memory:')).toBeNull();
  });

  // Root ignores file modes, so this runs only as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('reports a read-only database at start, not at the first write', async () => {
    const dir = tmp();
    const file = path.join(dir, 'storydesk.db');
    await (await openDatabase(file)).close();
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    try {
      expect((await openError(file)).message).toMatch(/read-only|cannot be opened/);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('refuses a database written by a newer storydesk', async () => {
    const file = path.join(tmp(), 'storydesk.db');
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect((await openError(file)).message).toContain(`database schema version 99 is newer than this storydesk knows (${LATEST_VERSION})`);
  });
});
