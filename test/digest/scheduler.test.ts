import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimDigest, DIGEST_CLAIM_LEASE_MS, getDigestRecord } from '../../src/db/digests.js';
import { lastFailure } from '../../src/db/failures.js';
import { recordFirstSeen } from '../../src/db/first-seen.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { disableDigest, saveSettings, type DigestSettingsInput } from '../../src/db/settings.js';
import { digestMarker, renderDigestMessage, type DigestMessage } from '../../src/discord/digest-render.js';
import { DigestScheduler, type DigestLogger, type PostDigest } from '../../src/digest/scheduler.js';
import { digestNonce } from '../../src/digest/time.js';
import { PostgresSql } from '../../src/db/sql.js';
import type { Article } from '../../src/model/types.js';
import { makeArticle } from '../helpers/articles.js';
import { backends, type Backend } from '../helpers/stores.js';
import { useTmpDir } from '../helpers/tmp.js';
import { FakeEngine } from '../helpers/fake-engine.js';
import { discordError, FakeDigestPoster } from '../helpers/fake-digest-poster.js';
import { classifyPostError } from '../../src/discord/digest-errors.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const tmp = useTmpDir();

interface App {
  db: Db;
  scheduler: DigestScheduler<DigestMessage>;
  logs: { level: string; msg: string; obj: object }[];
  crash(): Promise<void>;
}

let apps: App[] = [];
let discord: FakeDigestPoster;
let engine: FakeEngine;
let file: string;

async function boot(
  options: { post?: PostDigest<DigestMessage>; find?: boolean; retry?: number[]; owns?: (guildId: string) => boolean; db?: Db; hostId?: string } = {},
): Promise<App> {
  const db = options.db ?? (await openDatabase(file, { hostId: options.hostId }));
  const logs: App['logs'] = [];
  const log: DigestLogger = {
    info: (obj, msg) => logs.push({ level: 'info', msg, obj }),
    warn: (obj, msg) => logs.push({ level: 'warn', msg, obj }),
    error: (obj, msg) => logs.push({ level: 'error', msg, obj }),
  };
  const scheduler = new DigestScheduler<DigestMessage>({
    db,
    engine: () => engine,
    render: (digest, { nonce }) => renderDigestMessage(digest, { nonce }),
    post: options.post ?? discord.post,
    classify: classifyPostError,
    findPosted: options.find === false ? undefined : discord.findPosted,
    retryDelaysMs: options.retry ?? [MIN, 5 * MIN],
    log,
    owns: options.owns,
  });
  const app: App = {
    db,
    scheduler,
    logs,
    async crash() {
      // A crash: timers die with the process and nothing after this point reaches the database.
      scheduler.stop();
      apps = apps.filter((a) => a !== app);
      await db.close();
    },
  };
  apps.push(app);
  return app;
}

/** A post that never returns: the process dies before the outcome is known. */
const hangBeforeSend: PostDigest<DigestMessage> = () => new Promise(() => {});
/** Discord creates the message, then the process dies before recording it. */
const hangAfterSend: PostDigest<DigestMessage> = (guildId, channelId, payload) => {
  discord.create(guildId, channelId, payload);
  return new Promise(() => {});
};

async function settings(db: Db, input: Partial<DigestSettingsInput> & { guildId: string }, at: string): Promise<void> {
  await saveSettings(db, { channelId: `c-${input.guildId}`, time: '09:00', timezone: 'Europe/Berlin', ...input }, new Date(at));
}

function article(id: string, date: string): Article {
  return makeArticle({ id, date, title: `Report ${id}`, body: `The council met on ${date} to discuss the harbour.` });
}

async function addArticle(db: Db, a: Article): Promise<void> {
  engine.articleList.push(a);
  await recordFirstSeen(db, [a.id], new Date(Date.now()));
}

const at = (iso: string) => vi.setSystemTime(new Date(iso));
const until = async (iso: string) => vi.advanceTimersByTimeAsync(Date.parse(iso) - Date.now());
/**
 * Jumps the clock over a quiet stretch (croner wakes every 30 s, so hours of fake time are slow), to
 * `before` a due time, then lets the timers run through it for `span`.
 */
async function through(before: string, span = HOUR): Promise<void> {
  expect(Date.parse(before)).toBeGreaterThanOrEqual(Date.now());
  vi.setSystemTime(new Date(before));
  await vi.advanceTimersByTimeAsync(span);
}
const days = (channelId: string) => discord.inChannel(channelId).map((m) => m.payload.embeds[0]!.footer!.text);
const times = (channelId: string) => discord.inChannel(channelId).map((m) => new Date(m.at).toISOString());

beforeEach(() => {
  vi.useFakeTimers();
  discord = new FakeDigestPoster();
  engine = new FakeEngine([article('first.md', '2024-01-10')]);
  file = path.join(tmp(), 'storydesk.db');
});

/** Stores closed after every app (a Postgres database's first store drops it when closed). */
const keepers: Db[] = [];

afterEach(async () => {
  for (const app of [...apps].reverse()) await app.crash();
  for (const db of keepers.splice(0).reverse()) await db.close();
  vi.useRealTimers();
});

/**
 * Stores on one database, one per host: SQLite as the test's file opened once per host, Postgres through a first
 * store kept until the end (closing it drops the database) and one more pool per host.
 */
async function hostStores(backend: Backend, hostIds: string[]): Promise<Db[]> {
  if (backend.name === 'sqlite') {
    // One after the other: each open migrates and probes in a transaction.
    const stores: Db[] = [];
    for (const hostId of hostIds) stores.push(await openDatabase(file, { hostId }));
    return stores;
  }
  keepers.push(await backend.open({ hostId: 'keeper' }));
  const stores: Db[] = [];
  for (const hostId of hostIds) stores.push(unhurried(await backend.openAnother({ hostId })));
  return stores;
}

/**
 * The pool's connect and idle timeouts are timers, and this file's clock is fake: skipping hours ahead while a
 * connection is being made would time it out at once. Without them, the pool waits for the (local) server as long as
 * it takes and keeps its connections.
 */
function unhurried(db: Db): Db {
  if (db instanceof PostgresSql) Object.assign(db.pool.options, { connectionTimeoutMillis: 0, idleTimeoutMillis: 0, query_timeout: 0 });
  return db;
}

/** Reads until `ok` (each read waits for the database, so a run in flight on Postgres gets on meanwhile). */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = await read();
    if (ok(value)) return value;
  }
  throw new Error('the database never got there');
}

/** Lets runs waiting on the database (real I/O on Postgres) finish, then the timers due by now. */
async function settle(...running: App[]): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await Promise.all(running.map((app) => app.scheduler.idle()));
    await vi.advanceTimersByTimeAsync(0);
  }
}

describe('the schedule', () => {
  it('posts at 09:00 Europe/Berlin on both sides of the spring and autumn clock changes', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-03-29T12:00:00Z');
    const app = await boot();
    await settings(app.db, { guildId: 'g1' }, '2024-03-29T12:00:00Z');
    await app.scheduler.start();
    for (const before of ['2024-03-30T07:50:00Z', '2024-03-31T06:50:00Z', '2024-04-01T06:50:00Z']) await through(before);
    expect(times('c-g1')).toEqual(['2024-03-30T08:00:00.000Z', '2024-03-31T07:00:00.000Z', '2024-04-01T07:00:00.000Z']);
    expect(days('c-g1')).toEqual(['2024-03-30', '2024-03-31', '2024-04-01'].map(digestMarker));

    at('2024-10-25T12:00:00Z');
    await app.scheduler.schedule('g1');
    for (const before of ['2024-10-26T06:50:00Z', '2024-10-27T06:50:00Z', '2024-10-28T06:50:00Z']) await through(before, 2 * HOUR);
    expect(times('c-g1').slice(3)).toEqual(['2024-10-26T07:00:00.000Z', '2024-10-27T08:00:00.000Z', '2024-10-28T08:00:00.000Z']);
  });

  it('posts once on a day whose time the spring change skips, and once when the autumn change repeats it', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-03-30T12:00:00Z');
    const app = await boot();
    await settings(app.db, { guildId: 'g1', time: '02:30' }, '2024-03-30T12:00:00Z');
    await app.scheduler.start();
    for (const before of ['2024-03-30T23:50:00Z', '2024-03-31T23:50:00Z']) await through(before, 2 * HOUR);
    expect(times('c-g1')).toEqual(['2024-03-31T01:00:00.000Z', '2024-04-01T00:30:00.000Z']);

    at('2024-10-26T12:00:00Z');
    await app.scheduler.schedule('g1');
    for (const before of ['2024-10-26T23:50:00Z', '2024-10-27T23:50:00Z']) await through(before, 3 * HOUR);
    expect(times('c-g1').slice(2)).toEqual(['2024-10-27T00:30:00.000Z', '2024-10-28T01:30:00.000Z']);
  });

  it('keeps each server in its own time zone and local day', async () => {
    discord.addChannel('ny', 'c-ny').addChannel('tokyo', 'c-tokyo');
    at('2024-06-01T00:00:00Z');
    const app = await boot();
    await settings(app.db, { guildId: 'ny', timezone: 'America/New_York', time: '21:00' }, '2024-06-01T00:00:00Z');
    await settings(app.db, { guildId: 'tokyo', timezone: 'Asia/Tokyo', time: '07:30' }, '2024-06-01T00:00:00Z');
    await app.scheduler.start();
    await through('2024-06-01T00:50:00Z');
    await through('2024-06-01T22:20:00Z');
    expect(times('c-ny')).toEqual(['2024-06-01T01:00:00.000Z']);
    expect(days('c-ny')).toEqual([digestMarker('2024-05-31')]);
    expect(times('c-tokyo')).toEqual(['2024-06-01T22:30:00.000Z']);
    expect(days('c-tokyo')).toEqual([digestMarker('2024-06-02')]);
  });

  it('reports the next run, the last post and the last failure', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const app = await boot();
    await settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    expect(await app.scheduler.status('g1')).toMatchObject({ nextRun: new Date('2024-05-01T07:00:00Z'), lastPost: null, lastFailure: null, today: null });
    await until('2024-05-01T08:00:00Z');
    const status = await app.scheduler.status('g1');
    expect(status.nextRun).toEqual(new Date('2024-05-02T07:00:00Z'));
    expect(status.lastPost).toMatchObject({ localDate: '2024-05-01', status: 'sent', messageId: discord.messages[0]!.id, channelId: 'c-g1' });
    expect(status.today?.status).toBe('sent');
    await disableDigest(app.db, 'g1');
    await app.scheduler.schedule('g1');
    expect((await app.scheduler.status('g1')).nextRun).toBeNull();
    await through('2024-05-02T06:50:00Z');
    expect(discord.messages).toHaveLength(1);
  });

  it('moves the timer when the time changes', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const app = await boot();
    await settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await settings(app.db, { guildId: 'g1', time: '18:00' }, '2024-05-01T06:30:00Z');
    await app.scheduler.schedule('g1');
    await until('2024-05-01T07:30:00Z');
    await through('2024-05-01T15:50:00Z');
    expect(times('c-g1')).toEqual(['2024-05-01T16:00:00.000Z']);
  });
});

describe('shards sharing one database', () => {
  it('each shard schedules, catches up and posts only the servers it holds, once each', async () => {
    discord.addChannel('g0', 'c-g0').addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const shard0 = await boot({ owns: (g) => g === 'g0' });
    const shard1 = await boot({ owns: (g) => g === 'g1' });
    await settings(shard0.db, { guildId: 'g0' }, '2024-05-01T05:00:00Z');
    await settings(shard0.db, { guildId: 'g1', time: '08:00' }, '2024-05-01T05:00:00Z');
    // g1's time has passed when the shards start: only its own shard catches it up.
    at('2024-05-01T06:30:00Z');
    const [report0, report1] = await Promise.all([shard0.scheduler.start(), shard1.scheduler.start()]);
    expect(report0).toMatchObject({ scheduled: 1, caughtUp: [] });
    expect(report1).toMatchObject({ scheduled: 1, caughtUp: ['g1'] });
    await through('2024-05-01T06:50:00Z');
    expect(times('c-g0')).toEqual(['2024-05-01T07:00:00.000Z']);
    expect(times('c-g1')).toEqual(['2024-05-01T06:30:00.000Z']);
    expect(await shard0.scheduler.run('g1', '2024-05-02')).toEqual({ kind: 'elsewhere' });
    expect(await getDigestRecord(shard0.db, 'g1', '2024-05-02')).toBeNull();
    await through('2024-05-02T05:50:00Z', 2 * HOUR);
    expect(days('c-g0')).toEqual(['2024-05-01', '2024-05-02'].map(digestMarker));
    expect(days('c-g1')).toEqual(['2024-05-01', '2024-05-02'].map(digestMarker));
  });
});

describe('what each digest says', () => {
  it('lists every article in exactly one digest, even one seen between two digests', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const app = await boot();
    await recordFirstSeen(app.db, ['first.md'], new Date('2024-05-01T06:00:00Z'));
    await settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T12:00:00Z');
    await addArticle(app.db, article('second.md', '2024-05-01'));
    await through('2024-05-02T06:50:00Z');
    await through('2024-05-03T06:50:00Z');
    const titles = discord.messages.map((m) => m.payload.embeds.slice(1).map((e) => e.title).filter((t) => t?.startsWith('Report')));
    expect(titles).toEqual([['Report first.md'], ['Report second.md'], []]);
    expect(discord.messages[2]!.payload.embeds[0]!.description).toBe('Nothing new since the last digest.');
  });

  it('skips a day with nothing new when the server chose that', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const app = await boot();
    await recordFirstSeen(app.db, ['first.md'], new Date('2024-05-01T06:00:00Z'));
    await settings(app.db, { guildId: 'g1', skipEmpty: true }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T08:00:00Z');
    await through('2024-05-02T06:50:00Z');
    expect(days('c-g1')).toEqual([digestMarker('2024-05-01')]);
    expect((await getDigestRecord(app.db, 'g1', '2024-05-02'))?.status).toBe('skipped');
  });
});

describe('exactly once across restarts', () => {
  it('posts a day left "sending" before the send, once, after a restart', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:50:00Z');
    const first = await boot({ post: hangBeforeSend });
    await settings(first.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await first.scheduler.start();
    await until('2024-05-01T07:00:30Z');
    expect((await getDigestRecord(first.db, 'g1', '2024-05-01'))?.status).toBe('sending');
    await first.crash();
    expect(discord.messages).toHaveLength(0);

    at('2024-05-01T07:20:00Z');
    const second = await boot();
    expect(await second.scheduler.start()).toMatchObject({ caughtUp: ['g1'], missed: [] });
    expect(discord.messages).toHaveLength(1);
    expect(await getDigestRecord(second.db, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', messageId: discord.messages[0]!.id, attempts: 2 });
    await second.crash();

    const third = await boot();
    expect(await third.scheduler.start()).toMatchObject({ caughtUp: [] });
    await until('2024-05-01T08:00:00Z');
    await through('2024-05-02T06:50:00Z');
    expect((await getDigestRecord(third.db, 'g1', '2024-05-02'))?.status).toBe('sent');
    expect(days('c-g1')).toEqual(['2024-05-01', '2024-05-02'].map(digestMarker));
  });

  it('finds a digest sent just before a crash in the channel and does not post it again', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:50:00Z');
    const first = await boot({ post: hangAfterSend });
    await settings(first.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await first.scheduler.start();
    await until('2024-05-01T07:00:30Z');
    await first.crash();
    expect(discord.messages).toHaveLength(1);

    // Long after Discord's nonce window: only the channel check can prevent a second post.
    at('2024-05-01T08:00:00Z');
    const second = await boot();
    await second.scheduler.start();
    expect(discord.messages).toHaveLength(1);
    expect(discord.attempts).toBe(1);
    expect(await getDigestRecord(second.db, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', messageId: discord.messages[0]!.id });
    expect(second.logs.map((l) => l.msg)).toContain('digest: found the digest posted before a restart');
  });

  it('re-sends with the same nonce when it cannot read the channel, and Discord returns the first message', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:59:00Z');
    const first = await boot({ post: hangAfterSend, find: false });
    await settings(first.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await first.scheduler.start();
    await until('2024-05-01T07:00:10Z');
    await first.crash();

    at('2024-05-01T07:01:00Z');
    const second = await boot({ find: false });
    // The restarted process is a new host: the dead one's claim is left alone until its lease has passed.
    await second.scheduler.start();
    expect(discord.attempts).toBe(1);
    expect(await getDigestRecord(second.db, 'g1', '2024-05-01')).toMatchObject({ status: 'sending', attempts: 1 });
    await until('2024-05-01T07:03:00Z');
    expect(discord.attempts).toBe(2);
    expect(discord.messages).toHaveLength(1);
    expect(discord.messages[0]!.nonce).toBe(digestNonce('g1', '2024-05-01'));
    expect(await getDigestRecord(second.db, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', messageId: discord.messages[0]!.id });
  });

  it('catches up a digest missed while down, once, and the next day goes on as usual', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const first = await boot();
    await settings(first.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    await first.scheduler.start();
    await first.crash();

    at('2024-05-01T09:30:00Z');
    const second = await boot();
    await second.scheduler.start();
    expect(times('c-g1')).toEqual(['2024-05-01T09:30:00.000Z']);
    await second.crash();

    const third = await boot();
    await third.scheduler.start();
    await through('2024-05-02T06:50:00Z');
    expect(times('c-g1')).toEqual(['2024-05-01T09:30:00.000Z', '2024-05-02T07:00:00.000Z']);
  });

  it('does not flood after days of downtime: older days are closed, today is posted once with everything new', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const first = await boot();
    await recordFirstSeen(first.db, ['first.md'], new Date('2024-05-01T06:00:00Z'));
    await settings(first.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    await first.scheduler.start();
    await until('2024-05-01T08:00:00Z');
    // Day 3 was claimed by a run that died before sending.
    await claimDigest(first.db, { guildId: 'g1', localDate: '2024-05-03', channelId: 'c-g1', nonce: 'n', since: null, until: '2024-05-03T07:00:00.000Z' });
    at('2024-05-02T10:00:00Z');
    await addArticle(first.db, article('while-down.md', '2024-05-02'));
    await first.crash();

    at('2024-05-05T10:00:00Z');
    const second = await boot();
    const report = await second.scheduler.start();
    expect(report).toMatchObject({ caughtUp: ['g1'], missed: [{ guildId: 'g1', localDate: '2024-05-03' }] });
    expect(days('c-g1')).toEqual(['2024-05-01', '2024-05-05'].map(digestMarker));
    expect(discord.messages[1]!.payload.embeds.map((e) => e.title)).toContain('Report while-down.md');
    expect((await getDigestRecord(second.db, 'g1', '2024-05-03'))?.status).toBe('missed');
  });

  it('waits for the time when restarted before it, and does not post for a schedule set after today\'s time', async () => {
    discord.addChannel('g1', 'c-g1').addChannel('g2', 'c-g2');
    at('2024-05-01T10:00:00Z');
    const first = await boot();
    await settings(first.db, { guildId: 'g1', time: '14:00' }, '2024-05-01T09:00:00Z');
    await settings(first.db, { guildId: 'g2', time: '11:00' }, '2024-05-01T10:00:00Z');
    await first.crash();

    at('2024-05-01T11:00:00Z');
    const second = await boot();
    expect((await second.scheduler.start()).caughtUp).toEqual([]);
    await until('2024-05-01T13:00:00Z');
    expect(times('c-g1')).toEqual(['2024-05-01T12:00:00.000Z']);
    expect(times('c-g2')).toEqual([]);
  });

  it('posts exactly one digest a day through random restarts around the digest time', async () => {
    discord.addChannel('g1', 'c-g1').addChannel('g2', 'c-g2');
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const modes = [undefined, hangBeforeSend, hangAfterSend];
    at('2024-05-01T05:00:00Z');
    const setup = await boot();
    await settings(setup.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    await settings(setup.db, { guildId: 'g2', timezone: 'Europe/London' }, '2024-05-01T05:00:00Z');
    await setup.crash();
    const dayCount = 6;
    for (let d = 0; d < dayCount; d++) {
      const dueBerlin = Date.parse(`2024-05-0${d + 1}T07:00:00Z`);
      // Up to three crashes in a row, each at a random moment within a quarter hour of the time.
      for (let k = 0; k < 3; k++) {
        vi.setSystemTime(dueBerlin + (random() - 0.5) * 30 * MIN + k * 10 * MIN);
        const app = await boot({ post: modes[Math.floor(random() * modes.length)] });
        void app.scheduler.start();
        await vi.advanceTimersByTimeAsync(random() * 10 * MIN);
        await app.crash();
      }
      vi.setSystemTime(dueBerlin + 70 * MIN + random() * 20 * MIN);
      const steady = await boot();
      await steady.scheduler.start();
      await until(new Date(dueBerlin + 2.5 * HOUR).toISOString());
      await steady.crash();
    }
    const expected = Array.from({ length: dayCount }, (_, d) => digestMarker(`2024-05-0${d + 1}`));
    // The crashes did hit runs in flight: some days took more than one attempt.
    const check = await boot();
    expect((await check.db.get<{ n: number }>('SELECT MAX(attempts) AS n FROM digests'))!.n).toBeGreaterThan(1);
    expect(days('c-g1')).toEqual(expected);
    expect(days('c-g2')).toEqual(expected);
  });
});

describe.each(backends)('hosts that both think they hold a server, on $name', (backend) => {
  it.skipIf(backend.skip)('post its digest once between them at the scheduled time', async () => {
    discord.addChannel('g1', 'c-g1');
    // Posts wait until both hosts have acted on the day, so that the second finds the first mid-send.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated: PostDigest<DigestMessage> = async (...args) => {
      await gate;
      return discord.post(...args);
    };
    at('2024-05-01T06:00:00Z');
    const [dbA, dbB] = (await hostStores(backend, ['A', 'B'])) as [Db, Db];
    const a = await boot({ db: dbA, post: gated, find: false });
    const b = await boot({ db: dbB, post: gated, find: false });
    await settings(a.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    await Promise.all([a.scheduler.start(), b.scheduler.start()]);
    // Exactly to the time, then the runs go on (on Postgres, over real I/O while the fake clock stands still).
    await through('2024-05-01T06:59:00Z', MIN);
    const busy = (app: App) => app.logs.some((l) => l.msg === 'digest: another host is posting this day; not posting');
    await eventually(async () => (await dbA.get('SELECT 1 AS one'), busy(a) || busy(b)), Boolean);
    release();
    await settle(a, b);
    // The host that found the day claimed looks again later and finds it done.
    await until('2024-05-01T07:10:00Z');
    await settle(a, b);
    expect(times('c-g1')).toEqual(['2024-05-01T07:00:00.000Z']);
    expect(discord.attempts).toBe(1);
    const record = await getDigestRecord(a.db, 'g1', '2024-05-01');
    expect(record).toMatchObject({ status: 'sent', messageId: discord.messages[0]!.id, attempts: 1 });
    expect(['A', 'B']).toContain(record!.claimedBy);
    // And again the next day.
    await through('2024-05-02T06:59:00Z', MIN);
    await settle(a, b);
    await until('2024-05-02T07:10:00Z');
    await settle(a, b);
    expect(days('c-g1')).toEqual(['2024-05-01', '2024-05-02'].map(digestMarker));
  });

  it.skipIf(backend.skip)('leave a day to the host posting it, and look again once its claim would have expired', async () => {
    discord.addChannel('g1', 'c-g1');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Discord is slow to answer the first post.
    const slow: PostDigest<DigestMessage> = async (...args) => {
      await gate;
      return discord.post(...args);
    };
    at('2024-05-01T07:30:00Z');
    const [dbA, dbB] = (await hostStores(backend, ['A', 'B'])) as [Db, Db];
    const a = await boot({ db: dbA, post: slow });
    const b = await boot({ db: dbB, post: slow });
    await settings(a.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    // Both start after the time: both catch the day up, one claims it and is posting it.
    const started = [a.scheduler.start(), b.scheduler.start()];
    await Promise.race(started);
    const holder = (await getDigestRecord(a.db, 'g1', '2024-05-01'))!;
    expect(holder).toMatchObject({ status: 'sending', attempts: 1 });
    const [winner, loser] = holder.claimedBy === 'A' ? [a, b] : [b, a];
    expect(loser.logs.find((l) => l.msg === 'digest: another host is posting this day; not posting')?.obj).toMatchObject({
      guildId: 'g1',
      claimedBy: holder.claimedBy,
      retryAt: new Date(Date.parse(holder.updatedAt) + DIGEST_CLAIM_LEASE_MS + 1000).toISOString(),
    });
    expect(discord.attempts).toBe(0);
    release();
    await Promise.all(started);
    expect(discord.messages).toHaveLength(1);
    expect(winner.logs.map((l) => l.msg)).toContain('digest: posted');
    // The loser looks again after the lease and finds the day done.
    await until('2024-05-01T07:40:00Z');
    await settle(a, b);
    expect(discord.attempts).toBe(1);
    expect(await loser.scheduler.run('g1', '2024-05-01')).toMatchObject({ kind: 'already' });
    expect(await getDigestRecord(loser.db, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', claimedBy: holder.claimedBy });
  });

  it.skipIf(backend.skip)('take over a day whose host died before sending, once the claim has expired', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:50:00Z');
    const [dbA, dbB] = (await hostStores(backend, ['A', 'B'])) as [Db, Db];
    const a = await boot({ db: dbA, post: hangBeforeSend });
    await settings(a.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    await a.scheduler.start();
    await through('2024-05-01T06:59:00Z', MIN);
    const claimed = await eventually(() => getDigestRecord(dbB, 'g1', '2024-05-01'), (r) => r !== null);
    expect(claimed).toMatchObject({ status: 'sending', claimedBy: 'A', updatedAt: '2024-05-01T07:00:00.000Z' });
    await a.crash();

    // B gets the server moments later (re-sharding): it waits for A's claim to expire, then posts once.
    at('2024-05-01T07:00:30Z');
    const b = await boot({ db: dbB });
    expect(await b.scheduler.start()).toMatchObject({ caughtUp: ['g1'], missed: [] });
    expect(discord.attempts).toBe(0);
    await until('2024-05-01T07:02:01Z');
    await settle(b);
    expect(times('c-g1')).toEqual(['2024-05-01T07:02:01.000Z']);
    expect(await getDigestRecord(dbB, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', claimedBy: 'B', attempts: 2 });
  });

  it.skipIf(backend.skip)('do not close as missed a day another host is posting across midnight', async () => {
    discord.addChannel('g1', 'c-g1');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: PostDigest<DigestMessage> = async (...args) => {
      await gate;
      return discord.post(...args);
    };
    at('2024-05-01T21:50:00Z');
    const [dbA, dbB] = (await hostStores(backend, ['A', 'B'])) as [Db, Db];
    const a = await boot({ db: dbA, post: slow });
    await settings(a.db, { guildId: 'g1', time: '23:59' }, '2024-05-01T05:00:00Z');
    await a.scheduler.start();
    await through('2024-05-01T21:58:00Z', MIN);
    await eventually(() => getDigestRecord(dbB, 'g1', '2024-05-01'), (r) => r?.status === 'sending');

    // Past midnight in Berlin, B starts while A's post of the day before is still under way.
    at('2024-05-01T22:00:30Z');
    const b = await boot({ db: dbB });
    expect(await b.scheduler.start()).toMatchObject({ missed: [], caughtUp: [] });
    expect(await getDigestRecord(dbB, 'g1', '2024-05-01')).toMatchObject({ status: 'sending', claimedBy: 'A' });
    release();
    await eventually(() => getDigestRecord(dbB, 'g1', '2024-05-01'), (r) => r?.status === 'sent');
    expect(days('c-g1')).toEqual([digestMarker('2024-05-01')]);
  });

  it.skipIf(backend.skip)('find the digest a host posted just before it died, and do not post it again', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:50:00Z');
    const [dbA, dbB] = (await hostStores(backend, ['A', 'B'])) as [Db, Db];
    const a = await boot({ db: dbA, post: hangAfterSend });
    await settings(a.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    await a.scheduler.start();
    await through('2024-05-01T06:59:00Z', MIN);
    await eventually(
      async () => (await dbB.get('SELECT 1 AS one'), discord.messages.length),
      (n) => n > 0,
    );
    await a.crash();
    expect(discord.messages).toHaveLength(1);

    at('2024-05-01T07:01:00Z');
    const b = await boot({ db: dbB });
    await b.scheduler.start();
    await until('2024-05-01T07:02:01Z');
    await settle(b);
    expect(discord.messages).toHaveLength(1);
    expect(discord.attempts).toBe(1);
    expect(await getDigestRecord(dbB, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', messageId: discord.messages[0]!.id, claimedBy: 'B' });
    expect(b.logs.map((l) => l.msg)).toContain('digest: found the digest posted before a restart');
  });
});

/** A store whose statements fail while `down(sql)` says so, as when the database can't be reached. */
function flaky(db: Db, down: (sql: string) => boolean): Db {
  const refuse = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
  return new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === 'get' || key === 'all' || key === 'run') {
        return (sql: string, params?: unknown) => (down(sql) ? refuse() : (value as (s: string, p?: unknown) => Promise<unknown>).call(target, sql, params));
      }
      if (key === 'transaction') return (fn: (tx: Db) => Promise<unknown>) => (down('') ? refuse() : target.transaction(fn as never));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('an unreachable database', () => {
  it('posts nothing when the day cannot be claimed, logs it, and tries again a little later', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    let claimsFail = false;
    const store = await openDatabase(file);
    const app = await boot({ db: flaky(store, (sql) => claimsFail && sql.includes('INSERT INTO digests')) });
    await settings(app.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    await app.scheduler.start();
    claimsFail = true;
    await until('2024-05-01T07:00:30Z');
    expect(discord.attempts).toBe(0);
    expect(await getDigestRecord(store, 'g1', '2024-05-01')).toBeNull();
    const error = app.logs.find((l) => l.level === 'error')!;
    expect(error.msg).toBe('digest: could not claim the day in the database; nothing was posted');
    expect(error.obj).toMatchObject({ guildId: 'g1', localDate: '2024-05-01', retryAt: '2024-05-01T07:01:00.000Z', err: { code: 'ECONNREFUSED' } });
    // Still down at the first retry: the next one is 5 minutes later.
    await until('2024-05-01T07:01:30Z');
    expect(app.logs.filter((l) => l.level === 'error').map((l) => (l.obj as { retryAt: string }).retryAt)).toEqual([
      '2024-05-01T07:01:00.000Z',
      '2024-05-01T07:06:00.000Z',
    ]);
    claimsFail = false;
    await until('2024-05-01T07:10:00Z');
    expect(times('c-g1')).toEqual(['2024-05-01T07:06:00.000Z']);
    expect(await getDigestRecord(store, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('keeps the schedule, and retries the day, when even the settings cannot be read', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    let down = false;
    const store = await openDatabase(file);
    const app = await boot({ db: flaky(store, () => down) });
    await settings(app.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    await app.scheduler.start();
    down = true;
    await until('2024-05-01T07:00:30Z');
    expect(app.logs.find((l) => l.level === 'error')?.obj).toMatchObject({ retryAt: '2024-05-01T07:01:00.000Z' });
    // A settings change that can't be read leaves the timer as it was.
    await expect(app.scheduler.schedule('g1')).rejects.toThrow('ECONNREFUSED');
    down = false;
    await until('2024-05-01T07:02:00Z');
    expect(times('c-g1')).toEqual(['2024-05-01T07:01:00.000Z']);
    await through('2024-05-02T06:50:00Z');
    expect(days('c-g1')).toEqual(['2024-05-01', '2024-05-02'].map(digestMarker));
  });
});

describe('failures', () => {
  it('records a deleted channel, shows it in status, and still posts other servers\' digests', async () => {
    discord.addChannel('ok', 'c-ok');
    at('2024-05-01T06:00:00Z');
    const app = await boot();
    await settings(app.db, { guildId: 'gone' }, '2024-05-01T06:00:00Z');
    await settings(app.db, { guildId: 'ok' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T09:00:00Z');
    expect(times('c-ok')).toEqual(['2024-05-01T07:00:00.000Z']);
    expect(discord.attempts).toBe(2);
    expect((await app.scheduler.status('gone')).lastFailure).toEqual({
      guildId: 'gone',
      localDate: '2024-05-01',
      code: '10003',
      message: 'the channel no longer exists or the bot cannot see it (Unknown Channel); pick another with /digest set',
      at: '2024-05-01T07:00:00.000Z',
    });
    expect((await getDigestRecord(app.db, 'gone', '2024-05-01'))?.status).toBe('failed');
    const warn = app.logs.find((l) => l.level === 'warn')!;
    expect(warn.msg).toBe(
      'digest: posting failed: the channel no longer exists or the bot cannot see it (Unknown Channel); pick another with /digest set (paused until /digest set)',
    );
    expect(warn.obj).toMatchObject({ guildId: 'gone', code: '10003', retryAt: null, paused: true, digestId: expect.any(String) });
    // The log says how big the digest was, never the digest itself.
    expect((warn.obj as { payloadBytes: number }).payloadBytes).toBeGreaterThan(100);
    expect(JSON.stringify(warn.obj).length).toBeLessThan(600);
    expect((await app.scheduler.status('gone')).settings).toMatchObject({ brokenAt: '2024-05-01T07:00:00.000Z' });
    // A channel that failed for good is not tried again, the next day or after a restart; the ok server is unaffected.
    await through('2024-05-02T06:50:00Z');
    expect(discord.attempts).toBe(3);
    expect(times('c-ok')).toHaveLength(2);
    app.scheduler.stop();
    const again = await boot();
    await again.scheduler.start();
    await through('2024-05-03T06:50:00Z');
    expect(discord.attempts).toBe(4);
    expect(times('c-ok')).toHaveLength(3);
  });

  it('logs a rejected post without the request body the error carries', async () => {
    discord.addChannel('g1', 'c-g1');
    const rejected = Object.assign(discordError(50035, 400, 'Invalid Form Body'), { requestBody: { json: { embeds: [{ description: 'x'.repeat(5000) }] } } });
    discord.breakChannel('c-g1', rejected);
    at('2024-05-01T06:00:00Z');
    const app = await boot();
    await settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T07:00:30Z');
    const warn = app.logs.find((l) => l.level === 'warn')!;
    expect((warn.obj as { err: unknown }).err).toEqual({ name: 'Error', message: 'Invalid Form Body', code: 50035, status: 400 });
    expect(JSON.stringify(warn.obj)).not.toContain('xxxxxxxxxx');
  });

  it('retries today\'s failed digest as soon as a moderator fixes the settings', async () => {
    discord.addChannel('g1', 'c-new');
    discord.addChannel('g1', 'c-g1');
    discord.breakChannel('c-g1', discordError(50013, 403, 'Missing Permissions'));
    at('2024-05-01T06:00:00Z');
    const app = await boot();
    await settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T08:00:00Z');
    expect(await lastFailure(app.db, 'g1')).toMatchObject({ code: '50013', message: expect.stringContaining('lacks permission') });
    await settings(app.db, { guildId: 'g1', channelId: 'c-new' }, '2024-05-01T08:00:00Z');
    await app.scheduler.schedule('g1');
    await app.scheduler.idle();
    expect(discord.inChannel('c-new')).toHaveLength(1);
    expect(await getDigestRecord(app.db, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', channelId: 'c-new' });
  });

  it('retries a failure that may pass later the same day, then posts once', async () => {
    discord.addChannel('g1', 'c-g1');
    discord.breakChannel('c-g1', discordError(0, 503, 'Service Unavailable'));
    at('2024-05-01T06:00:00Z');
    const app = await boot();
    await settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T07:00:30Z');
    expect(await lastFailure(app.db, 'g1')).toMatchObject({ code: '0' });
    expect(app.logs.find((l) => l.level === 'warn')!.obj).toMatchObject({ retryAt: '2024-05-01T07:01:00.000Z' });
    discord.heal('c-g1');
    await until('2024-05-01T07:10:00Z');
    expect(times('c-g1')).toEqual(['2024-05-01T07:01:00.000Z']);
    expect(discord.attempts).toBe(2);
  });

  it('records an engine error as that day\'s failure instead of crashing the schedule', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const app = await boot();
    await settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    const timeline = engine.timeline;
    engine.timeline = () => {
      throw new Error('storydesk: timeline is not wired yet');
    };
    await until('2024-05-01T07:00:30Z');
    expect(await lastFailure(app.db, 'g1')).toMatchObject({ localDate: '2024-05-01', message: 'storydesk: timeline is not wired yet' });
    engine.timeline = timeline;
    await until('2024-05-01T07:02:00Z');
    expect(times('c-g1')).toEqual(['2024-05-01T07:01:00.000Z']);
  });

  it('gives up retrying after the last delay and leaves the next day to the schedule', async () => {
    discord.addChannel('g1', 'c-g1');
    discord.breakChannel('c-g1', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    at('2024-05-01T06:00:00Z');
    const app = await boot();
    await settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T12:00:00Z');
    // The first try and two retries (1 and 5 minutes later).
    expect(discord.attempts).toBe(3);
    expect(await lastFailure(app.db, 'g1')).toMatchObject({ code: 'ECONNRESET', message: 'socket hang up' });
    discord.heal('c-g1');
    await through('2024-05-02T06:50:00Z');
    expect(times('c-g1')).toEqual(['2024-05-02T07:00:00.000Z']);
  });
});
