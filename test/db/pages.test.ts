// Paged lists' sessions on both back ends: kept across a reopen (and seen by another host on Postgres), expired and
// pruned by time, with their options read back as an object of strings only.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { deletePageSession, getPageSession, pruneExpiredPageSessions, savePageSession, setSessionPage, type PageSession } from '../../src/db/pages.js';
import { backends } from '../helpers/stores.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

const t0 = new Date('2024-03-01T10:00:00Z');
const session: PageSession = {
  id: 'a1b2c3',
  command: 'timeline',
  options: { from: '2022-09-01', topic: 'police' },
  page: 0,
  ownerId: '111222333444555666',
  expiresAt: '2024-03-01T10:10:00.000Z',
};

describe('page sessions in a SQLite file', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it('keeps a session, and the page it was turned to, across a reopen of the database', async () => {
    const file = path.join(tmp(), 'storydesk.db');
    db = await openDatabase(file);
    await savePageSession(db, session, t0);
    expect(await setSessionPage(db, 'a1b2c3', 2)).toBe(true);
    await db.close();
    db = await openDatabase(file);
    expect(await getPageSession(db, 'a1b2c3', t0)).toEqual({ ...session, page: 2 });
    expect(await getPageSession(db, 'unknown', t0)).toBeNull();
    expect(await setSessionPage(db, 'unknown', 1)).toBe(false);
  });
});

describe.each(backends)('page sessions on $name', (backend) => {
  let db: Db;
  let other: Db | null = null;
  beforeEach(async () => {
    if (!backend.skip) db = await backend.open();
  });
  afterEach(async () => {
    await other?.close();
    other = null;
    if (!backend.skip) await db.close();
  });

  it.skipIf(backend.skip)('keeps a session and its page, replacing one saved again under the same id', async () => {
    await savePageSession(db, session, t0);
    expect(await setSessionPage(db, 'a1b2c3', 2)).toBe(true);
    expect(await getPageSession(db, 'a1b2c3', t0)).toEqual({ ...session, page: 2 });
    await savePageSession(db, { ...session, command: 'who', options: { name: 'Lapid' }, page: 1 }, t0);
    expect(await getPageSession(db, 'a1b2c3', t0)).toEqual({ ...session, command: 'who', options: { name: 'Lapid' }, page: 1 });
    expect(await getPageSession(db, 'unknown', t0)).toBeNull();
    expect(await setSessionPage(db, 'unknown', 1)).toBe(false);
  });

  it.skipIf(backend.skip || backend.name !== 'postgres')('shows a session saved on one host, and the page turned there, to another host', async () => {
    other = await backend.openAnother();
    await savePageSession(db, session, t0);
    expect(await setSessionPage(other, 'a1b2c3', 3)).toBe(true);
    expect(await getPageSession(db, 'a1b2c3', t0)).toEqual({ ...session, page: 3 });
  });

  it.skipIf(backend.skip)('no longer returns a session once it has expired, and prunes expired sessions', async () => {
    await savePageSession(db, session, t0);
    await savePageSession(db, { ...session, id: 'later', expiresAt: '2024-03-01T11:00:00.000Z' }, t0);
    expect(await getPageSession(db, 'a1b2c3', new Date('2024-03-01T10:09:59Z'))).not.toBeNull();
    expect(await getPageSession(db, 'a1b2c3', new Date('2024-03-01T10:10:00Z'))).toBeNull();
    expect(await pruneExpiredPageSessions(db, new Date('2024-03-01T10:30:00Z'))).toBe(1);
    expect((await getPageSession(db, 'later', new Date('2024-03-01T10:30:00Z')))?.id).toBe('later');
    expect(await deletePageSession(db, 'later')).toBe(true);
    expect(await deletePageSession(db, 'later')).toBe(false);
    expect(await getPageSession(db, 'later', t0)).toBeNull();
    expect(await db.get('SELECT COUNT(*) AS n FROM page_sessions')).toEqual({ n: 0 });
  });

  it.skipIf(backend.skip)('reads options that are not an object of strings as no options (or only the string ones)', async () => {
    await savePageSession(db, session, t0);
    await db.run('UPDATE page_sessions SET options = ? WHERE id = ?', ['{"from":"2022","bad":3}', 'a1b2c3']);
    expect((await getPageSession(db, 'a1b2c3', t0))!.options).toEqual({ from: '2022' });
    await db.run('UPDATE page_sessions SET options = ? WHERE id = ?', ['not json', 'a1b2c3']);
    expect((await getPageSession(db, 'a1b2c3', t0))!.options).toEqual({});
    await db.run('UPDATE page_sessions SET options = ? WHERE id = ?', ['["a"]', 'a1b2c3']);
    expect((await getPageSession(db, 'a1b2c3', t0))!.options).toEqual({});
  });
});
