// The bot started as main.ts starts it (runBot: story, database, watcher, client, digest scheduler), against the
// local Discord: /digest through real interactions, and a digest posted by the schedule (fake timers) that
// Discord's spec accepts.
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDigestRecord } from '../../src/db/digests.js';
import { firstSeenTimes } from '../../src/db/first-seen.js';
import { openDatabase, SqliteStore, type Db } from '../../src/db/open.js';
import { NO_PERMISSION } from '../../src/discord/digest-command.js';
import { digestMarker } from '../../src/discord/digest-render.js';
import { digestNonce, localDate } from '../../src/digest/time.js';
import { ownsGuild, runBot, type RunningBot } from '../../src/discord/run.js';
import { loadStory, type Story } from '../../src/engine/story.js';
import { createLogger } from '../../src/log.js';
import { useTmpDir } from '../helpers/tmp.js';
import { captureLogs, type LogRecord } from '../helpers/discord-bot.js';
import { prepareValidators, validateRequest } from '../helpers/discord-spec.js';
import { FakeDiscord, type FakeInteraction, type FakeUser, type MessageBody } from '../helpers/fake-discord.js';

const FIXTURE_CORPUS = fileURLToPath(new URL('../fixtures/corpus-small/', import.meta.url));
const EPHEMERAL = 64;
const tmp = useTmpDir();

interface Harness {
  fake: FakeDiscord;
  running: RunningBot;
  corpusDir: string;
  engine: Story;
  db: Db;
  logs: LogRecord[];
}

let harness: Harness | null = null;

afterEach(async () => {
  vi.useRealTimers();
  await harness?.running.stop(500);
  await harness?.fake.close();
  harness = null;
});

async function start(): Promise<Harness> {
  prepareValidators();
  const fake = await FakeDiscord.start({ validate: validateRequest });
  const corpusDir = path.join(tmp(), 'corpus');
  cpSync(FIXTURE_CORPUS, corpusDir, { recursive: true });
  const engine = await loadStory({ corpusDir, cacheDir: null });
  const db = await openDatabase(path.join(path.dirname(corpusDir), 'storydesk.db'));
  const { logs, stream } = captureLogs();
  try {
    const running = await runBot({
      token: fake.token,
      engine,
      db,
      corpusDir,
      log: createLogger({ level: 'debug', destination: stream }),
      apiBase: fake.apiBase,
      cooldown: { windowSeconds: 0, burst: 1 },
      pageTimeoutSeconds: 60,
      // Discord allows one identify per 5 s; the fake does not care, and tests should not wait.
      clientOptions: { ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) } },
      loginTimeoutMs: 5_000,
      watch: { debounceMs: 40, stabilityMs: 100, pollIntervalMs: 20, invalidRetryMs: 300 },
    });
    await running.digestStarted;
    harness = { fake, running, db, logs, corpusDir, engine };
    return harness;
  } catch (error) {
    await fake.close();
    throw error;
  }
}

function digestCommand(fake: FakeDiscord, sub: string, options: Record<string, unknown>[] = [], user: FakeUser = fake.moderator): FakeInteraction {
  return fake.sendCommand('digest', [{ name: sub, type: 1, options }], user);
}

function setOptions(channelId: string, time: string, timezone: string): Record<string, unknown>[] {
  return [
    { name: 'channel', type: 7, value: channelId },
    { name: 'time', type: 3, value: time },
    { name: 'timezone', type: 3, value: timezone },
  ];
}

async function reply(fake: FakeDiscord, interaction: FakeInteraction): Promise<MessageBody> {
  return (await fake.waitForReply(interaction, 5_000)).message;
}

/** Whether runBot has closed the SQLite store it was given. */
const isOpen = (db: Db) => (db as SqliteStore).db.open;

const posts = (fake: FakeDiscord) => fake.requests.filter((r) => r.route === 'POST /channels/{channel_id}/messages');

/** HH:MM in `timeZone` of an instant. */
function clockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

describe('the digest through the running bot', () => {
  it('posts at the time set with /digest set, in the server time zone, once, in a message Discord accepts', async () => {
    const { fake, db, logs } = await start();
    // Installed after login: the gateway's heartbeat keeps real time; the schedule created by /digest set does not.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], shouldAdvanceTime: true });
    const zone = 'Asia/Kathmandu'; // UTC+05:45: a zone whose minutes differ from UTC's (ICU calls it Asia/Katmandu)
    const due = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 2 * 60_000);
    const set = await reply(fake, digestCommand(fake, 'set', setOptions(fake.channelId, clockTime(due, zone), zone)));
    expect(set.content).toContain(`Daily digest on: posting in <#${fake.channelId}> every day at ${clockTime(due, zone)} ${zone}`);
    expect(set.content).toContain(`<t:${due.getTime() / 1000}:R>`);
    expect(posts(fake)).toHaveLength(0);

    const day = localDate(due, zone);
    await vi.advanceTimersByTimeAsync(due.getTime() - Date.now() - 1_000);
    expect(await getDigestRecord(db, fake.guildId, day)).toBeNull(); // not a second early
    await vi.advanceTimersByTimeAsync(2_000);
    const post = await fake.waitForRequest((r) => r.route === 'POST /channels/{channel_id}/messages', 5_000, 'the digest post');

    expect(fake.invalid).toEqual([]);
    expect(post.status).toBe(200);
    expect(post.params.channel_id).toBe(fake.channelId);
    const body = post.body as MessageBody & { nonce?: string; enforce_nonce?: boolean };
    expect(body.nonce).toBe(digestNonce(fake.guildId, day));
    expect(body.enforce_nonce).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds![0]!.footer?.text).toBe(digestMarker(day));
    // Both articles were first seen at start, so both are new in the first digest.
    const titles = body.embeds!.map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['Council passes budget after long debate', 'Valley floods force hundreds from their homes']));
    await expect.poll(async () => (await getDigestRecord(db, fake.guildId, day))?.status).toBe('sent');

    // The rest of the day passes without another post.
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(posts(fake)).toHaveLength(1);
    const status = await reply(fake, digestCommand(fake, 'status'));
    const messageId = (await getDigestRecord(db, fake.guildId, day))!.messageId!;
    expect(status.content).toContain(`Last post: ${day}, https://discord.com/channels/${fake.guildId}/${fake.channelId}/${messageId}`);
    expect(logs.some((l) => l.msg === 'digest: posted' && l.guildId === fake.guildId)).toBe(true);
  });

  it('/digest set, status, preview and off answer a moderator privately; others get an ephemeral refusal', async () => {
    const { fake } = await start();
    const refused = await fake.waitForReply(digestCommand(fake, 'status', [], fake.member), 5_000);
    expect(refused.message.content).toBe(NO_PERMISSION);
    expect(refused.message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect((await reply(fake, digestCommand(fake, 'set', setOptions(fake.channelId, '09:00', 'Europe/Berlin'), fake.member))).content).toBe(NO_PERMISSION);

    const badTime = await reply(fake, digestCommand(fake, 'set', setOptions(fake.channelId, '25:00', 'Europe/Berlin')));
    expect(badTime.content).toContain('got `25:00`');
    expect(badTime.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const badZone = await reply(fake, digestCommand(fake, 'set', setOptions(fake.channelId, '09:00', 'Mars/Olympus')));
    expect(badZone.content).toContain('got `Mars/Olympus`');

    const zones = await reply(fake, fake.sendAutocomplete('digest', 'timezone', 'berl', {}, fake.moderator, 'set'));
    expect(zones.choices?.map((c) => c.value)).toContain('Europe/Berlin');

    expect((await reply(fake, digestCommand(fake, 'status'))).content).toContain('The daily digest is off');
    const set = await reply(fake, digestCommand(fake, 'set', setOptions(fake.channelId, '09:00', 'Europe/Berlin')));
    expect(set.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const status = await reply(fake, digestCommand(fake, 'status'));
    expect(status.content).toContain(`**Daily digest: on**, posting in <#${fake.channelId}> every day at 09:00 Europe/Berlin.`);
    expect(status.content).toMatch(/Next post: \d{4}-\d{2}-\d{2} 09:00 Europe\/Berlin/);

    const preview = await reply(fake, digestCommand(fake, 'preview'));
    expect(preview.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(preview.content).toContain(`what would be posted in <#${fake.channelId}>`);
    expect(preview.embeds!.map((e) => e.title)).toContain('Council passes budget after long debate');
    expect(posts(fake)).toHaveLength(0); // a preview posts nothing

    expect((await reply(fake, digestCommand(fake, 'off'))).content).toContain('Daily digest off.');
    expect((await reply(fake, digestCommand(fake, 'status'))).content).toContain('**Daily digest: off**');
    expect(fake.invalid).toEqual([]);
  });
});

describe('runBot', () => {
  it('records first-seen times at start and for articles the watcher adds', async () => {
    const { db, corpusDir, engine } = await start();
    expect([...(await firstSeenTimes(db)).keys()].sort()).toEqual(['budget.md', 'floods.md']);
    writeFileSync(
      path.join(corpusDir, 'bridge.md'),
      '---\ntitle: Bridge reopens\ndate: 2024-04-10\noutlet: The Fixture Times\n---\n\nThe old bridge reopened on Wednesday.\n',
    );
    await expect.poll(() => engine.articles().map((a) => a.id), { timeout: 3_000 }).toContain('bridge.md');
    // Recorded beside the reload, not before it.
    await expect.poll(async () => [...(await firstSeenTimes(db)).keys()].sort(), { timeout: 3_000 }).toEqual(['bridge.md', 'budget.md', 'floods.md']);
  });

  it('lets a digest being posted finish before it closes the client and the database', async () => {
    const { fake, running, db } = await start();
    const file = db.where;
    await running.digest.configure({ guildId: fake.guildId, channelId: fake.channelId, time: '09:00', timezone: 'UTC' });
    // Discord makes the post wait half a second (429), so the stop lands while it is in flight.
    fake.failNext({ method: 'POST', route: /^POST \/channels\/\{channel_id\}\/messages$/, status: 429, retryAfter: 0.5 });
    const day = localDate(new Date(), 'UTC');
    const outcome = running.digest.run(fake.guildId, day);
    await fake.waitForRequest((r) => r.status === 429);
    await running.stop(500);
    expect(await outcome).toMatchObject({ kind: 'sent' });
    expect(posts(fake).filter((r) => r.status === 200)).toHaveLength(1);
    expect(isOpen(db)).toBe(false);
    const reopened = await openDatabase(file);
    expect((await getDigestRecord(reopened, fake.guildId, day))?.status).toBe('sent');
    await reopened.close();
  });

  it('stops the scheduler, the watcher, the client and then the database', async () => {
    const { running, db, logs } = await start();
    await running.stop(500);
    expect(isOpen(db)).toBe(false);
    expect(logs.map((l) => l.msg)).toContain('disconnected from Discord');
    // Stopping twice is harmless (SIGTERM and SIGINT may both arrive).
    await running.stop(500);
  });
});

describe('ownsGuild', () => {
  // 175928847299117063 >> 22 = 41944705796; even, so shard 0 of 2.
  const guild = '175928847299117063';

  it('holds every server without the sharding manager', () => {
    expect(ownsGuild({ shard: null }, guild)).toBe(true);
  });

  it("holds only the servers Discord routes to this process's shards", () => {
    const shard = (ids: number[], count: number) => ({ shard: { ids, count } }) as unknown as Parameters<typeof ownsGuild>[0];
    expect(ownsGuild(shard([0], 2), guild)).toBe(true);
    expect(ownsGuild(shard([1], 2), guild)).toBe(false);
    expect(ownsGuild(shard([0, 1], 2), guild)).toBe(true);
  });
});
