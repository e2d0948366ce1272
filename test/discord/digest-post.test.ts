// A digest posted by the real discord.js client to the local Discord, its body checked against Discord's spec.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastFailure } from '../../src/db/failures.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { createDiscordDigest } from '../../src/discord/digest-post.js';
import { digestMarker, type DigestMessage } from '../../src/discord/digest-render.js';
import type { DigestScheduler } from '../../src/digest/scheduler.js';
import { digestNonce, localDate } from '../../src/digest/time.js';
import { startTestBot, type TestBot } from '../helpers/discord-bot.js';
import { useTmpDir } from '../helpers/tmp.js';
import { eventIn, FakeEngine, fixtureArticles, quoteIn } from '../helpers/fake-engine.js';

const tmp = useTmpDir();
let testBot: TestBot;
let db: Db;
let scheduler: DigestScheduler<DigestMessage>;

const [harbour] = fixtureArticles;
const engine = new FakeEngine(
  fixtureArticles,
  [eventIn(harbour!, 'closed on Friday', '2024-03-15'), eventIn(harbour!, 'inspected', '2024-03-16')],
  [quoteIn(harbour!, 'We will reopen it as soon as it is safe,', 'Ana Lind')],
);

beforeAll(async () => {
  testBot = await startTestBot({ engine });
  db = await openDatabase(path.join(tmp(), 'storydesk.db'));
  scheduler = createDiscordDigest({ db, client: testBot.bot.client, engine: () => engine });
});

afterAll(async () => {
  scheduler?.stop();
  await db?.close();
  await testBot?.stop();
});

const posts = () => testBot.fake.requests.filter((r) => r.route === 'POST /channels/{channel_id}/messages');

describe('posting a digest through discord.js', () => {
  it('sends one valid message with the nonce, enforce_nonce, the day marker and no mentions', async () => {
    const { fake } = testBot;
    await scheduler.configure({ guildId: fake.guildId, channelId: fake.channelId, time: '09:00', timezone: 'UTC' });
    const day = localDate(new Date(), 'UTC');
    const outcome = await scheduler.run(fake.guildId, day);
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ kind: "sent" });
    expect(fake.invalid).toEqual([]);
    expect(posts()).toHaveLength(1);
    const body = posts()[0]!.body as Record<string, unknown> & { embeds: { title?: string; footer?: { text: string } }[] };
    expect(posts()[0]!.status).toBe(200);
    expect(body.nonce).toBe(digestNonce(fake.guildId, day));
    expect(body.enforce_nonce).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0]!.footer?.text).toBe(digestMarker(day));
    expect(body.embeds.map((e) => e.title)).toContain('Harbour bridge [closed] after storm');
    // Run again the same day: nothing more is sent.
    expect(await scheduler.run(fake.guildId, day)).toMatchObject({ kind: 'already' });
    expect(posts()).toHaveLength(1);
  });

  it('records Missing Permissions from Discord as a failure that waits for a moderator', async () => {
    const { fake } = testBot;
    fake.failNext({ method: 'POST', route: /channels\/\{channel_id\}\/messages/, status: 403 });
    const outcome = await scheduler.run(fake.guildId, '2030-01-01');
    expect(outcome).toMatchObject({ kind: 'failed', retryAt: null });
    expect(await lastFailure(db, fake.guildId)).toMatchObject({ code: '50013', localDate: '2030-01-01' });
  });
});
