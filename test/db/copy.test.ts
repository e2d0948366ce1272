// `npm run db:migrate`: a host's SQLite state copied into Postgres keeps every row and id, a second run changes
// nothing, new rows in Postgres get new ids, and bad arguments or an unreachable server are one clear line.
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { openPostgres } from '../../src/db/postgres.js';
import { runDbMigrate, sqlitePathOf } from '../../src/db-migrate.js';
import { freshPostgresDatabase, postgresAvailable, postgresSkipReason } from '../helpers/postgres.js';
import { useTmpDir } from '../helpers/tmp.js';

function io(env: NodeJS.ProcessEnv = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += String(c)));
  err.on('data', (c) => (stderr += String(c)));
  return { io: { stdout: out, stderr: err, env }, text: () => ({ stdout, stderr }) };
}

const tmp = useTmpDir('storydesk-copy-');

async function sqliteWithState(): Promise<string> {
  const file = path.join(tmp(), 'host.db');
  const db = await openDatabase(file);
  const now = '2026-12-01T08:00:00.000Z';
  await db.run(`INSERT INTO meta (key, value) VALUES ('vote_salt', 'salt-from-sqlite')`);
  await db.run(`INSERT INTO guild_settings (guild_id, channel_id, time, timezone, enabled, skip_empty, updated_at) VALUES ('g1', 'c1', '08:30', 'Europe/Tirane', 1, 0, ?)`, [now]);
  await db.run(`INSERT INTO digests (guild_id, local_date, channel_id, nonce, status, since, until, message_id, attempts, created_at, updated_at)
    VALUES ('g1', '2026-12-01', 'c1', 'n1', 'sent', NULL, ?, 'm1', 1, ?, ?)`, [now, now, now]);
  await db.run(`INSERT INTO article_first_seen (article_id, first_seen) VALUES ('a.md', ?)`, [now]);
  await db.run(`INSERT INTO feeds (url, mode, added_by, added_at) VALUES ('https://example.com/feed.xml', 'review', 'cli', ?)`, [now]);
  await db.run(`INSERT INTO feeds (url, mode, added_by, added_at) VALUES ('https://example.com/other.xml', 'auto', 'cli', ?)`, [now]);
  await db.run(`INSERT INTO feed_items (feed_id, item_id, title, first_seen_at, outcome, updated_at) VALUES (2, 'i1', 'Item', ?, 'seen', ?)`, [now, now]);
  await db.run(`INSERT INTO asked_questions (guild_id, question, outcome, asked_at) VALUES ('g1', 'who attacked?', 'abstained', ?)`, [now]);
  await db.run(`INSERT INTO answer_votes (question_id, voter, vote, voted_at) VALUES (1, 'hash', -1, ?)`, [now]);
  await db.close();
  return file;
}

describe('db:migrate arguments', () => {
  it('reads sqlite:PATH, sqlite://PATH and a plain path, and refuses other URLs', () => {
    expect(sqlitePathOf('sqlite:./data/x.db')).toBe('./data/x.db');
    expect(sqlitePathOf('sqlite:///abs/x.db')).toBe('/abs/x.db');
    expect(sqlitePathOf('data/x.db')).toBe('data/x.db');
    expect(sqlitePathOf('postgres://h/db')).toBeNull();
  });

  it('names what is missing, exit 1', async () => {
    const a = io();
    expect(await runDbMigrate([], a.io)).toBe(1);
    expect(a.text().stderr).toMatch(/--from is required/);
    const b = io();
    expect(await runDbMigrate(['--from', 'sqlite:x.db'], b.io)).toBe(1);
    expect(b.text().stderr).toMatch(/--to is required \(or set DATABASE_URL\)/);
    const c = io();
    expect(await runDbMigrate(['--from', 'mysql://h/db', '--to', 'postgres://h/db'], c.io)).toBe(1);
    expect(c.text().stderr).toMatch(/is not a SQLite file/);
  });

  it('says in one line that nothing listens at the target, exit 2', async () => {
    const file = await sqliteWithState();
    const a = io();
    expect(await runDbMigrate(['--from', `sqlite:${file}`, '--to', 'postgres://storydesk:secret@127.0.0.1:1/storydesk'], a.io)).toBe(2);
    expect(a.text().stderr.trim().split('\n')).toHaveLength(1);
    expect(a.text().stderr).toMatch(/cannot use the database at postgres:\/\/storydesk:\*\*\*@127\.0\.0\.1:1\/storydesk \(DATABASE_URL\): nothing is listening/);
    expect(a.text().stderr).not.toContain('secret');
  });
});

describe.skipIf(!postgresAvailable)(`db:migrate into Postgres${postgresAvailable ? '' : ` (SKIPPED: ${postgresSkipReason})`}`, () => {
  const drops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const d of drops.splice(0)) await d();
  });

  it('copies every row with its id, is idempotent, and moves the id sequences on', async () => {
    const file = await sqliteWithState();
    const target = await freshPostgresDatabase();
    drops.push(target.drop);
    const first = io({ DATABASE_URL: target.url });
    expect(await runDbMigrate(['--from', `sqlite:${file}`], first.io)).toBe(0);
    expect(first.text().stdout).toMatch(/feeds\s+2 rows: 2 copied, 0 already there/);
    expect(first.text().stdout).toMatch(/answer_votes\s+1 rows: 1 copied/);
    const second = io({ DATABASE_URL: target.url });
    expect(await runDbMigrate(['--from', `sqlite:${file}`], second.io)).toBe(0);
    expect(second.text().stdout).toMatch(/done: 0 rows copied \(nothing new/);

    const pg = await openPostgres(target.url);
    try {
      expect(await pg.get(`SELECT value FROM meta WHERE key = 'vote_salt'`)).toEqual({ value: 'salt-from-sqlite' });
      expect(await pg.all('SELECT guild_id, local_date, status, message_id FROM digests')).toEqual([
        { guild_id: 'g1', local_date: '2026-12-01', status: 'sent', message_id: 'm1' },
      ]);
      expect(await pg.all('SELECT feed_id, item_id FROM feed_items')).toEqual([{ feed_id: 2, item_id: 'i1' }]);
      const next = await pg.get<{ id: number }>(`INSERT INTO feeds (url, mode, added_by, added_at) VALUES ('https://example.com/new.xml', 'auto', 'cli', 'now') RETURNING id`);
      expect(next!.id).toBe(3);
    } finally {
      await pg.close();
    }
  });
});
