import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { deletePageSession, getPageSession, pruneExpiredPageSessions, savePageSession, setSessionPage, type PageSession } from '../../src/db/pages.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
let db: Db;
afterEach(() => db?.close());

const t0 = new Date('2024-03-01T10:00:00Z');
const session: PageSession = {
  id: 'a1b2c3',
  command: 'timeline',
  options: { from: '2022-09-01', topic: 'police' },
  page: 0,
  ownerId: '111222333444555666',
  expiresAt: '2024-03-01T10:10:00.000Z',
};

describe('page sessions', () => {
  it('keeps a session, and the page it was turned to, across a reopen of the database', () => {
    const file = path.join(tmp(), 'storydesk.db');
    db = openDatabase(file);
    savePageSession(db, session, t0);
    expect(setSessionPage(db, 'a1b2c3', 2)).toBe(true);
    db.close();
    db = openDatabase(file);
    expect(getPageSession(db, 'a1b2c3', t0)).toEqual({ ...session, page: 2 });
    expect(getPageSession(db, 'unknown', t0)).toBeNull();
    expect(setSessionPage(db, 'unknown', 1)).toBe(false);
  });

  it('no longer returns a session once it has expired, and prunes expired sessions', () => {
    db = openDatabase(':memory:');
    savePageSession(db, session, t0);
    savePageSession(db, { ...session, id: 'later', expiresAt: '2024-03-01T11:00:00.000Z' }, t0);
    expect(getPageSession(db, 'a1b2c3', new Date('2024-03-01T10:09:59Z'))).not.toBeNull();
    expect(getPageSession(db, 'a1b2c3', new Date('2024-03-01T10:10:00Z'))).toBeNull();
    expect(pruneExpiredPageSessions(db, new Date('2024-03-01T10:30:00Z'))).toBe(1);
    expect(getPageSession(db, 'later', new Date('2024-03-01T10:30:00Z'))?.id).toBe('later');
    expect(deletePageSession(db, 'later')).toBe(true);
    expect(getPageSession(db, 'later', t0)).toBeNull();
  });

  it('reads options that are not an object of strings as no options (or only the string ones)', () => {
    db = openDatabase(':memory:');
    savePageSession(db, session, t0);
    db.prepare('UPDATE page_sessions SET options = ? WHERE id = ?').run('{"from":"2022","bad":3}', 'a1b2c3');
    expect(getPageSession(db, 'a1b2c3', t0)!.options).toEqual({ from: '2022' });
    db.prepare('UPDATE page_sessions SET options = ? WHERE id = ?').run('not json', 'a1b2c3');
    expect(getPageSession(db, 'a1b2c3', t0)!.options).toEqual({});
  });
});
