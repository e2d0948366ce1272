import { chmodSync, closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, databasePathProblem, openDatabase, type Db } from '../../src/db/open.js';
import { LATEST_VERSION, migrate, schemaVersion } from '../../src/db/migrations.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});
function track(db: Db): Db {
  open.push(db);
  return db;
}

function openError(file: string): DatabaseOpenError {
  try {
    track(openDatabase(file));
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }
  throw new Error(`expected openDatabase(${file}) to fail`);
}

describe('openDatabase', () => {
  it('creates the folder and file, in WAL mode with a busy timeout, at the latest schema version', () => {
    const file = path.join(tmp(), 'nested', 'data', 'storydesk.db');
    const db = track(openDatabase(file));
    expect(statSync(file).isFile()).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['article_first_seen', 'digests', 'failures', 'guild_settings', 'meta']));
  });

  it('keeps data across a reopen and applies no migration twice', () => {
    const file = path.join(tmp(), 'storydesk.db');
    const first = openDatabase(file);
    first.prepare(`INSERT INTO meta (key, value) VALUES ('probe', 'kept')`).run();
    first.close();
    const db = track(openDatabase(file));
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'probe'`).pluck().get()).toBe('kept');
    expect(migrate(db)).toEqual([]);
  });

  it('names the file when it is not a database', () => {
    const file = path.join(tmp(), 'storydesk.db');
    writeFileSync(file, 'this is a text file, not SQLite\n'.repeat(200));
    const error = openError(file);
    expect(error.file).toBe(file);
    expect(error.message).toMatch(
      new RegExp(`^storydesk: cannot use the database at ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(DATABASE_PATH\\): the file is not a SQLite database or is corrupt`),
    );
    expect(error.message).toContain('set DATABASE_PATH to another file');
  });

  it('reports a database whose pages were overwritten as corrupt', () => {
    const file = path.join(tmp(), 'storydesk.db');
    const db = openDatabase(file);
    const insert = db.prepare('INSERT INTO failures (guild_id, message, at) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`g${i % 7}`, 'x'.repeat(200), new Date(0).toISOString());
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const size = readFileSync(file).length;
    const fd = openSync(file, 'r+');
    // Garbage over the middle pages; the header (page 1) stays valid, so only a check finds it.
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const error = openError(file);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/corrupt/);
  });

  it('names the path when its folder cannot be created', () => {
    const blocker = path.join(tmp(), 'not-a-folder');
    writeFileSync(blocker, 'a file where a folder should be');
    const file = path.join(blocker, 'storydesk.db');
    const error = openError(file);
    expect(error.message).toContain(`cannot use the database at ${file}`);
    expect(error.message).toMatch(/ENOTDIR|folder/);
  });

  it('says that DATABASE_PATH is a folder, and what to set instead', () => {
    const file = tmp();
    const error = openError(file);
    expect(error.message).toBe(
      `storydesk: cannot use the database at ${file} (DATABASE_PATH): it is a folder; set DATABASE_PATH to the path of a file in it, e.g. ./data/storydesk.db`,
    );
  });

  it('refuses a path under /proc, /sys or /dev before creating any folder (mkdir never returns under /proc)', () => {
    expect(databasePathProblem('/proc/self/storydesk/db.sqlite')).toBe(
      'it is under /proc, a system folder; set DATABASE_PATH to a file in a writable folder, e.g. ./data/storydesk.db',
    );
    expect(databasePathProblem('/sys/x.db')).toMatch(/^it is under \/sys, a system folder/);
    expect(openError('/proc/1/x/y.db').message).toContain('(DATABASE_PATH): it is under /proc, a system folder');
    expect(databasePathProblem(path.join(tmp(), 'new', 'storydesk.db'))).toBeNull();
    expect(databasePathProblem(':memory:')).toBeNull();
  });

  // Root ignores file modes, so this runs only as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('reports a read-only database at start, not at the first write', () => {
    const dir = tmp();
    const file = path.join(dir, 'storydesk.db');
    openDatabase(file).close();
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    try {
      expect(openError(file).message).toMatch(/read-only|cannot be opened/);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('refuses a database written by a newer storydesk', () => {
    const file = path.join(tmp(), 'storydesk.db');
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(openError(file).message).toContain(`database schema version 99 is newer than this storydesk knows (${LATEST_VERSION})`);
  });
});

describe('migrate', () => {
  it('rolls back a failing migration and leaves the previous version in place', () => {
    const db = track(new Database(':memory:'));
    const list = [
      { version: 1, name: 'one', sql: 'CREATE TABLE one (x INTEGER);' },
      { version: 2, name: 'two', sql: 'CREATE TABLE two (x INTEGER); INSERT INTO missing_table VALUES (1);' },
    ];
    expect(() => migrate(db, list)).toThrow(/missing_table/);
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(['one']);
  });

  it('applies only the versions above the current one, in order', () => {
    const db = track(new Database(':memory:'));
    const list = [
      { version: 1, name: 'one', sql: 'CREATE TABLE one (x INTEGER);' },
      { version: 2, name: 'two', sql: 'ALTER TABLE one ADD COLUMN y TEXT;' },
    ];
    expect(migrate(db, list.slice(0, 1))).toEqual([1]);
    expect(migrate(db, list)).toEqual([2]);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('one')).toEqual(['x', 'y']);
  });
});
