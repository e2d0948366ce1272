import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimDigest, getDigestRecord } from '../../src/db/digests.js';
import { lastFailure } from '../../src/db/failures.js';
import { recordFirstSeen } from '../../src/db/first-seen.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { disableDigest, saveSettings, type DigestSettingsInput } from '../../src/db/settings.js';
import { digestMarker, renderDigestMessage, type DigestMessage } from '../../src/discord/digest-render.js';
import { DigestScheduler, type DigestLogger, type PostDigest } from '../../src/digest/scheduler.js';
import { digestNonce } from '../../src/digest/time.js';
import type { Article } from '../../src/model/types.js';
import { makeArticle } from '../helpers/articles.js';
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
  crash(): void;
}

let apps: App[] = [];
let discord: FakeDigestPoster;
let engine: FakeEngine;
let file: string;

function boot(
  options: { post?: PostDigest<DigestMessage>; find?: boolean; retry?: number[]; owns?: (guildId: string) => boolean } = {},
): App {
  const db = openDatabase(file);
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
    crash() {
      // A crash: timers die with the process and nothing after this point reaches the database.
      scheduler.stop();
      db.close();
      apps = apps.filter((a) => a !== app);
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

function settings(db: Db, input: Partial<DigestSettingsInput> & { guildId: string }, at: string): void {
  saveSettings(db, { channelId: `c-${input.guildId}`, time: '09:00', timezone: 'Europe/Berlin', ...input }, new Date(at));
}

function article(id: string, date: string): Article {
  return makeArticle({ id, date, title: `Report ${id}`, body: `The council met on ${date} to discuss the harbour.` });
}

function addArticle(db: Db, a: Article): void {
  engine.articleList.push(a);
  recordFirstSeen(db, [a.id], new Date(Date.now()));
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

afterEach(() => {
  for (const app of [...apps]) app.crash();
  vi.useRealTimers();
});

describe('the schedule', () => {
  it('posts at 09:00 Europe/Berlin on both sides of the spring and autumn clock changes', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-03-29T12:00:00Z');
    const app = boot();
    settings(app.db, { guildId: 'g1' }, '2024-03-29T12:00:00Z');
    await app.scheduler.start();
    for (const before of ['2024-03-30T07:50:00Z', '2024-03-31T06:50:00Z', '2024-04-01T06:50:00Z']) await through(before);
    expect(times('c-g1')).toEqual(['2024-03-30T08:00:00.000Z', '2024-03-31T07:00:00.000Z', '2024-04-01T07:00:00.000Z']);
    expect(days('c-g1')).toEqual(['2024-03-30', '2024-03-31', '2024-04-01'].map(digestMarker));

    at('2024-10-25T12:00:00Z');
    app.scheduler.schedule('g1');
    for (const before of ['2024-10-26T06:50:00Z', '2024-10-27T06:50:00Z', '2024-10-28T06:50:00Z']) await through(before, 2 * HOUR);
    expect(times('c-g1').slice(3)).toEqual(['2024-10-26T07:00:00.000Z', '2024-10-27T08:00:00.000Z', '2024-10-28T08:00:00.000Z']);
  });

  it('posts once on a day whose time the spring change skips, and once when the autumn change repeats it', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-03-30T12:00:00Z');
    const app = boot();
    settings(app.db, { guildId: 'g1', time: '02:30' }, '2024-03-30T12:00:00Z');
    await app.scheduler.start();
    for (const before of ['2024-03-30T23:50:00Z', '2024-03-31T23:50:00Z']) await through(before, 2 * HOUR);
    expect(times('c-g1')).toEqual(['2024-03-31T01:00:00.000Z', '2024-04-01T00:30:00.000Z']);

    at('2024-10-26T12:00:00Z');
    app.scheduler.schedule('g1');
    for (const before of ['2024-10-26T23:50:00Z', '2024-10-27T23:50:00Z']) await through(before, 3 * HOUR);
    expect(times('c-g1').slice(2)).toEqual(['2024-10-27T00:30:00.000Z', '2024-10-28T01:30:00.000Z']);
  });

  it('keeps each server in its own time zone and local day', async () => {
    discord.addChannel('ny', 'c-ny').addChannel('tokyo', 'c-tokyo');
    at('2024-06-01T00:00:00Z');
    const app = boot();
    settings(app.db, { guildId: 'ny', timezone: 'America/New_York', time: '21:00' }, '2024-06-01T00:00:00Z');
    settings(app.db, { guildId: 'tokyo', timezone: 'Asia/Tokyo', time: '07:30' }, '2024-06-01T00:00:00Z');
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
    const app = boot();
    settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    expect(app.scheduler.status('g1')).toMatchObject({ nextRun: new Date('2024-05-01T07:00:00Z'), lastPost: null, lastFailure: null, today: null });
    await until('2024-05-01T08:00:00Z');
    const status = app.scheduler.status('g1');
    expect(status.nextRun).toEqual(new Date('2024-05-02T07:00:00Z'));
    expect(status.lastPost).toMatchObject({ localDate: '2024-05-01', status: 'sent', messageId: discord.messages[0]!.id, channelId: 'c-g1' });
    expect(status.today?.status).toBe('sent');
    disableDigest(app.db, 'g1');
    app.scheduler.schedule('g1');
    expect(app.scheduler.status('g1').nextRun).toBeNull();
    await through('2024-05-02T06:50:00Z');
    expect(discord.messages).toHaveLength(1);
  });

  it('moves the timer when the time changes', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const app = boot();
    settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    settings(app.db, { guildId: 'g1', time: '18:00' }, '2024-05-01T06:30:00Z');
    app.scheduler.schedule('g1');
    await until('2024-05-01T07:30:00Z');
    await through('2024-05-01T15:50:00Z');
    expect(times('c-g1')).toEqual(['2024-05-01T16:00:00.000Z']);
  });
});

describe('shards sharing one database', () => {
  it('each shard schedules, catches up and posts only the servers it holds, once each', async () => {
    discord.addChannel('g0', 'c-g0').addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const shard0 = boot({ owns: (g) => g === 'g0' });
    const shard1 = boot({ owns: (g) => g === 'g1' });
    settings(shard0.db, { guildId: 'g0' }, '2024-05-01T05:00:00Z');
    settings(shard0.db, { guildId: 'g1', time: '08:00' }, '2024-05-01T05:00:00Z');
    // g1's time has passed when the shards start: only its own shard catches it up.
    at('2024-05-01T06:30:00Z');
    const [report0, report1] = await Promise.all([shard0.scheduler.start(), shard1.scheduler.start()]);
    expect(report0).toMatchObject({ scheduled: 1, caughtUp: [] });
    expect(report1).toMatchObject({ scheduled: 1, caughtUp: ['g1'] });
    await through('2024-05-01T06:50:00Z');
    expect(times('c-g0')).toEqual(['2024-05-01T07:00:00.000Z']);
    expect(times('c-g1')).toEqual(['2024-05-01T06:30:00.000Z']);
    expect(await shard0.scheduler.run('g1', '2024-05-02')).toEqual({ kind: 'elsewhere' });
    expect(getDigestRecord(shard0.db, 'g1', '2024-05-02')).toBeNull();
    await through('2024-05-02T05:50:00Z', 2 * HOUR);
    expect(days('c-g0')).toEqual(['2024-05-01', '2024-05-02'].map(digestMarker));
    expect(days('c-g1')).toEqual(['2024-05-01', '2024-05-02'].map(digestMarker));
  });
});

describe('what each digest says', () => {
  it('lists every article in exactly one digest, even one seen between two digests', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const app = boot();
    recordFirstSeen(app.db, ['first.md'], new Date('2024-05-01T06:00:00Z'));
    settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T12:00:00Z');
    addArticle(app.db, article('second.md', '2024-05-01'));
    await through('2024-05-02T06:50:00Z');
    await through('2024-05-03T06:50:00Z');
    const titles = discord.messages.map((m) => m.payload.embeds.slice(1).map((e) => e.title).filter((t) => t?.startsWith('Report')));
    expect(titles).toEqual([['Report first.md'], ['Report second.md'], []]);
    expect(discord.messages[2]!.payload.embeds[0]!.description).toBe('Nothing new since the last digest.');
  });

  it('skips a day with nothing new when the server chose that', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const app = boot();
    recordFirstSeen(app.db, ['first.md'], new Date('2024-05-01T06:00:00Z'));
    settings(app.db, { guildId: 'g1', skipEmpty: true }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T08:00:00Z');
    await through('2024-05-02T06:50:00Z');
    expect(days('c-g1')).toEqual([digestMarker('2024-05-01')]);
    expect(getDigestRecord(app.db, 'g1', '2024-05-02')?.status).toBe('skipped');
  });
});

describe('exactly once across restarts', () => {
  it('posts a day left "sending" before the send, once, after a restart', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:50:00Z');
    const first = boot({ post: hangBeforeSend });
    settings(first.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await first.scheduler.start();
    await until('2024-05-01T07:00:30Z');
    expect(getDigestRecord(first.db, 'g1', '2024-05-01')?.status).toBe('sending');
    first.crash();
    expect(discord.messages).toHaveLength(0);

    at('2024-05-01T07:20:00Z');
    const second = boot();
    expect(await second.scheduler.start()).toMatchObject({ caughtUp: ['g1'], missed: [] });
    expect(discord.messages).toHaveLength(1);
    expect(getDigestRecord(second.db, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', messageId: discord.messages[0]!.id, attempts: 2 });
    second.crash();

    const third = boot();
    expect(await third.scheduler.start()).toMatchObject({ caughtUp: [] });
    await until('2024-05-01T08:00:00Z');
    await through('2024-05-02T06:50:00Z');
    expect(getDigestRecord(third.db, 'g1', '2024-05-02')?.status).toBe('sent');
    expect(days('c-g1')).toEqual(['2024-05-01', '2024-05-02'].map(digestMarker));
  });

  it('finds a digest sent just before a crash in the channel and does not post it again', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:50:00Z');
    const first = boot({ post: hangAfterSend });
    settings(first.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await first.scheduler.start();
    await until('2024-05-01T07:00:30Z');
    first.crash();
    expect(discord.messages).toHaveLength(1);

    // Long after Discord's nonce window: only the channel check can prevent a second post.
    at('2024-05-01T08:00:00Z');
    const second = boot();
    await second.scheduler.start();
    expect(discord.messages).toHaveLength(1);
    expect(discord.attempts).toBe(1);
    expect(getDigestRecord(second.db, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', messageId: discord.messages[0]!.id });
    expect(second.logs.map((l) => l.msg)).toContain('digest: found the digest posted before a restart');
  });

  it('re-sends with the same nonce when it cannot read the channel, and Discord returns the first message', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:59:00Z');
    const first = boot({ post: hangAfterSend, find: false });
    settings(first.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await first.scheduler.start();
    await until('2024-05-01T07:00:10Z');
    first.crash();

    at('2024-05-01T07:01:00Z');
    const second = boot({ find: false });
    await second.scheduler.start();
    expect(discord.attempts).toBe(2);
    expect(discord.messages).toHaveLength(1);
    expect(discord.messages[0]!.nonce).toBe(digestNonce('g1', '2024-05-01'));
    expect(getDigestRecord(second.db, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', messageId: discord.messages[0]!.id });
  });

  it('catches up a digest missed while down, once, and the next day goes on as usual', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const first = boot();
    settings(first.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    await first.scheduler.start();
    first.crash();

    at('2024-05-01T09:30:00Z');
    const second = boot();
    await second.scheduler.start();
    expect(times('c-g1')).toEqual(['2024-05-01T09:30:00.000Z']);
    second.crash();

    const third = boot();
    await third.scheduler.start();
    await through('2024-05-02T06:50:00Z');
    expect(times('c-g1')).toEqual(['2024-05-01T09:30:00.000Z', '2024-05-02T07:00:00.000Z']);
  });

  it('does not flood after days of downtime: older days are closed, today is posted once with everything new', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const first = boot();
    recordFirstSeen(first.db, ['first.md'], new Date('2024-05-01T06:00:00Z'));
    settings(first.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    await first.scheduler.start();
    await until('2024-05-01T08:00:00Z');
    // Day 3 was claimed by a run that died before sending.
    claimDigest(first.db, { guildId: 'g1', localDate: '2024-05-03', channelId: 'c-g1', nonce: 'n', since: null, until: '2024-05-03T07:00:00.000Z' });
    at('2024-05-02T10:00:00Z');
    addArticle(first.db, article('while-down.md', '2024-05-02'));
    first.crash();

    at('2024-05-05T10:00:00Z');
    const second = boot();
    const report = await second.scheduler.start();
    expect(report).toMatchObject({ caughtUp: ['g1'], missed: [{ guildId: 'g1', localDate: '2024-05-03' }] });
    expect(days('c-g1')).toEqual(['2024-05-01', '2024-05-05'].map(digestMarker));
    expect(discord.messages[1]!.payload.embeds.map((e) => e.title)).toContain('Report while-down.md');
    expect(getDigestRecord(second.db, 'g1', '2024-05-03')?.status).toBe('missed');
  });

  it('waits for the time when restarted before it, and does not post for a schedule set after today\'s time', async () => {
    discord.addChannel('g1', 'c-g1').addChannel('g2', 'c-g2');
    at('2024-05-01T10:00:00Z');
    const first = boot();
    settings(first.db, { guildId: 'g1', time: '14:00' }, '2024-05-01T09:00:00Z');
    settings(first.db, { guildId: 'g2', time: '11:00' }, '2024-05-01T10:00:00Z');
    first.crash();

    at('2024-05-01T11:00:00Z');
    const second = boot();
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
    const setup = boot();
    settings(setup.db, { guildId: 'g1' }, '2024-05-01T05:00:00Z');
    settings(setup.db, { guildId: 'g2', timezone: 'Europe/London' }, '2024-05-01T05:00:00Z');
    setup.crash();
    const dayCount = 6;
    for (let d = 0; d < dayCount; d++) {
      const dueBerlin = Date.parse(`2024-05-0${d + 1}T07:00:00Z`);
      // Up to three crashes in a row, each at a random moment within a quarter hour of the time.
      for (let k = 0; k < 3; k++) {
        vi.setSystemTime(dueBerlin + (random() - 0.5) * 30 * MIN + k * 10 * MIN);
        const app = boot({ post: modes[Math.floor(random() * modes.length)] });
        void app.scheduler.start();
        await vi.advanceTimersByTimeAsync(random() * 10 * MIN);
        app.crash();
      }
      vi.setSystemTime(dueBerlin + 70 * MIN + random() * 20 * MIN);
      const steady = boot();
      await steady.scheduler.start();
      await until(new Date(dueBerlin + 2.5 * HOUR).toISOString());
      steady.crash();
    }
    const expected = Array.from({ length: dayCount }, (_, d) => digestMarker(`2024-05-0${d + 1}`));
    // The crashes did hit runs in flight: some days took more than one attempt.
    const check = boot();
    expect(check.db.prepare('SELECT MAX(attempts) FROM digests').pluck().get()).toBeGreaterThan(1);
    expect(days('c-g1')).toEqual(expected);
    expect(days('c-g2')).toEqual(expected);
  });
});

describe('failures', () => {
  it('records a deleted channel, shows it in status, and still posts other servers\' digests', async () => {
    discord.addChannel('ok', 'c-ok');
    at('2024-05-01T06:00:00Z');
    const app = boot();
    settings(app.db, { guildId: 'gone' }, '2024-05-01T06:00:00Z');
    settings(app.db, { guildId: 'ok' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T09:00:00Z');
    expect(times('c-ok')).toEqual(['2024-05-01T07:00:00.000Z']);
    expect(discord.attempts).toBe(2);
    expect(app.scheduler.status('gone').lastFailure).toEqual({
      guildId: 'gone',
      localDate: '2024-05-01',
      code: '10003',
      message: 'the channel no longer exists or the bot cannot see it (Unknown Channel); pick another with /digest set',
      at: '2024-05-01T07:00:00.000Z',
    });
    expect(getDigestRecord(app.db, 'gone', '2024-05-01')?.status).toBe('failed');
    const warn = app.logs.find((l) => l.level === 'warn')!;
    expect(warn.msg).toBe(
      'digest: posting failed: the channel no longer exists or the bot cannot see it (Unknown Channel); pick another with /digest set (paused until /digest set)',
    );
    expect(warn.obj).toMatchObject({ guildId: 'gone', code: '10003', retryAt: null, paused: true, digestId: expect.any(String) });
    // The log says how big the digest was, never the digest itself.
    expect((warn.obj as { payloadBytes: number }).payloadBytes).toBeGreaterThan(100);
    expect(JSON.stringify(warn.obj).length).toBeLessThan(600);
    expect(app.scheduler.status('gone').settings).toMatchObject({ brokenAt: '2024-05-01T07:00:00.000Z' });
    // A channel that failed for good is not tried again, the next day or after a restart; the ok server is unaffected.
    await through('2024-05-02T06:50:00Z');
    expect(discord.attempts).toBe(3);
    expect(times('c-ok')).toHaveLength(2);
    app.scheduler.stop();
    const again = boot();
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
    const app = boot();
    settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
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
    const app = boot();
    settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T08:00:00Z');
    expect(lastFailure(app.db, 'g1')).toMatchObject({ code: '50013', message: expect.stringContaining('lacks permission') });
    settings(app.db, { guildId: 'g1', channelId: 'c-new' }, '2024-05-01T08:00:00Z');
    app.scheduler.schedule('g1');
    await app.scheduler.idle();
    expect(discord.inChannel('c-new')).toHaveLength(1);
    expect(getDigestRecord(app.db, 'g1', '2024-05-01')).toMatchObject({ status: 'sent', channelId: 'c-new' });
  });

  it('retries a failure that may pass later the same day, then posts once', async () => {
    discord.addChannel('g1', 'c-g1');
    discord.breakChannel('c-g1', discordError(0, 503, 'Service Unavailable'));
    at('2024-05-01T06:00:00Z');
    const app = boot();
    settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T07:00:30Z');
    expect(lastFailure(app.db, 'g1')).toMatchObject({ code: '0' });
    expect(app.logs.find((l) => l.level === 'warn')!.obj).toMatchObject({ retryAt: '2024-05-01T07:01:00.000Z' });
    discord.heal('c-g1');
    await until('2024-05-01T07:10:00Z');
    expect(times('c-g1')).toEqual(['2024-05-01T07:01:00.000Z']);
    expect(discord.attempts).toBe(2);
  });

  it('records an engine error as that day\'s failure instead of crashing the schedule', async () => {
    discord.addChannel('g1', 'c-g1');
    at('2024-05-01T06:00:00Z');
    const app = boot();
    settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    const timeline = engine.timeline;
    engine.timeline = () => {
      throw new Error('storydesk: timeline is not wired yet');
    };
    await until('2024-05-01T07:00:30Z');
    expect(lastFailure(app.db, 'g1')).toMatchObject({ localDate: '2024-05-01', message: 'storydesk: timeline is not wired yet' });
    engine.timeline = timeline;
    await until('2024-05-01T07:02:00Z');
    expect(times('c-g1')).toEqual(['2024-05-01T07:01:00.000Z']);
  });

  it('gives up retrying after the last delay and leaves the next day to the schedule', async () => {
    discord.addChannel('g1', 'c-g1');
    discord.breakChannel('c-g1', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    at('2024-05-01T06:00:00Z');
    const app = boot();
    settings(app.db, { guildId: 'g1' }, '2024-05-01T06:00:00Z');
    await app.scheduler.start();
    await until('2024-05-01T12:00:00Z');
    // The first try and two retries (1 and 5 minutes later).
    expect(discord.attempts).toBe(3);
    expect(lastFailure(app.db, 'g1')).toMatchObject({ code: 'ECONNRESET', message: 'socket hang up' });
    discord.heal('c-g1');
    await through('2024-05-02T06:50:00Z');
    expect(times('c-g1')).toEqual(['2024-05-02T07:00:00.000Z']);
  });
});
