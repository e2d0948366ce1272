// Several hosts, one story (issue 19): two real bot processes (`npm run dev`'s entry, src/main.ts) with SHARD_COUNT=2
// and SHARD_LIST=0 / SHARD_LIST=1, against one real PostgreSQL (DATABASE_URL) and the local Discord on 127.0.0.1:
// - each server's digest is posted exactly once, also when both hosts hold a server (they disagree on the shards, as
//   during re-sharding, and both post the day's digest at start);
// - an article added with /article add on host A is answered by /ask on host B within 5 s, and once removed with
//   /article remove on host A, no longer cited there within 5 s;
// - killing host A (SIGKILL, so it neither renews nor gives up the feed lease) moves feed polling to host B within one
//   lease (FEED_LEASE_SECONDS=5), with no feed item processed twice.
// Every request body the bots send is validated against Discord's OpenAPI spec.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { insertFeed } from '../../src/db/feeds.js';
import { getLease } from '../../src/db/leases.js';
import { openPostgres } from '../../src/db/postgres.js';
import { saveSettings } from '../../src/db/settings.js';
import type { Store } from '../../src/db/store.js';
import { FEED_LEASE_NAME } from '../../src/intake/poller.js';
import { FakeDiscord, type FakeGuild, type MessageBody } from '../helpers/fake-discord.js';
import { prepareValidators, validateRequest } from '../helpers/discord-spec.js';
import { freshPostgresDatabase, postgresAvailable, postgresSkipReason } from '../helpers/postgres.js';
import { useTmpDir } from '../helpers/tmp.js';
import { within } from '../helpers/within.js';
import { startFixtureServer, type FixtureServer } from '../intake/fixture-server.js';
import { feedXml, PAGES, pageHtml, type FeedEntry, type StoryPage } from '../intake/story-pages.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const tmp = useTmpDir('storydesk-hosts-');

interface LogLine {
  msg: string;
  pid?: number;
  guildId?: string;
  [key: string]: unknown;
}

interface Host {
  name: string;
  child: ChildProcess;
  corpusDir: string;
  stderr: () => string;
  logs: () => LogLine[];
  exited: Promise<unknown[]>;
}

const running: Host[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const host of running.splice(0)) {
    if (host.child.pid && host.child.exitCode === null && host.child.signalCode === null) {
      try {
        process.kill(-host.child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  }
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

function parseLogs(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

function startHost(name: string, env: Record<string, string>, corpusDir: string): Host {
  let stderr = '';
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: ROOT,
    detached: true, // its own process group: tsx and the bot are killed together
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', CORPUS_DIR: corpusDir, ...env },
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const host: Host = { name, child, corpusDir, stderr: () => stderr, logs: () => parseLogs(stderr), exited: once(child, 'exit') };
  running.push(host);
  return host;
}

/** SIGKILL: the host dies without renewing or giving up anything. */
async function kill(host: Host): Promise<void> {
  process.kill(-host.child.pid!, 'SIGKILL');
  await host.exited;
}

async function until<T>(probe: () => T | Promise<T>, ms: number, what: () => string): Promise<T> {
  return within(
    (async () => {
      for (;;) {
        const value = await probe();
        if (value) return value;
        await new Promise((r) => setTimeout(r, 100));
      }
    })(),
    ms,
    what,
  );
}

const connected = (host: Host) => host.logs().some((l) => l.msg === 'connected to Discord');
// A host's log reaches this process through its stderr pipe, after whatever the host did next (a database write, a
// reply): wait a moment for the line rather than expecting it the instant the effect is seen.
const logged = (host: Host, pattern: RegExp, name: string) =>
  until(() => host.logs().some((l) => pattern.test(l.msg)), 2_000, () => `${name} to log ${pattern}; ${name}:\n${host.stderr()}`);

function embedText(message: MessageBody | Record<string, unknown>): string {
  const embeds = (message as MessageBody).embeds ?? [];
  return embeds
    .flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])
    .filter(Boolean)
    .join('\n');
}

function buttonId(message: MessageBody, label: string): string {
  const id = (message.components ?? []).flatMap((r) => r.components).find((b) => b.label === label)?.custom_id;
  if (!id) throw new Error(`no "${label}" button on ${JSON.stringify(message).slice(0, 300)}`);
  return id;
}

interface World {
  fake: FakeDiscord;
  db: Store;
  url: string;
  server: FixtureServer;
  g0: FakeGuild;
  g1: FakeGuild;
  env: (shardList: string) => Record<string, string>;
}

async function world(options: { duplicateSessions?: boolean } = {}): Promise<World> {
  prepareValidators();
  const fake = await FakeDiscord.start({ validate: validateRequest, shards: 2, maxConcurrency: 16, duplicateSessions: options.duplicateSessions });
  cleanups.push(() => fake.close());
  const g0 = fake.guilds[0]!;
  const g1 = fake.addGuild({ name: 'Newsroom 2', shard: 1 });
  const pgdb = await freshPostgresDatabase();
  cleanups.push(pgdb.drop);
  const db = await openPostgres(pgdb.url, { hostId: 'test' });
  cleanups.push(() => db.close());
  const server = await startFixtureServer();
  cleanups.push(() => server.close());
  const env = (shardList: string) => ({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_BASE: fake.apiBase,
    DATABASE_URL: pgdb.url,
    SHARD_COUNT: '2',
    SHARD_LIST: shardList,
    EDITOR_GUILD_IDS: g0.id,
    FETCH_ALLOW_HOSTS: server.host,
    FEED_LEASE_SECONDS: '5',
    // The tests ask again until the answer is there: no per-user cooldown.
    ASK_COOLDOWN_SECONDS: '0',
  });
  return { fake, db, url: pgdb.url, server, g0, g1, env };
}

/** A copy of the seed corpus (host A's), or an empty folder (a new host, which gets the story from the database). */
function corpus(seeded: boolean): string {
  const dir = path.join(tmp(), 'corpus');
  if (seeded) cpSync(path.join(ROOT, 'corpus'), dir, { recursive: true });
  else mkdirSync(dir, { recursive: true });
  return dir;
}

const mdFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

describe.skipIf(!postgresAvailable)(`two hosts on one PostgreSQL${postgresAvailable ? '' : ` (SKIPPED: ${postgresSkipReason})`}`, () => {
  it('posts each server’s digest exactly once, also when both hosts hold a server', async () => {
    const w = await world({ duplicateSessions: true });
    // Set yesterday for 00:00 UTC: today's digest is due at start, on every host that holds the server.
    const yesterday = new Date(Date.now() - 86_400_000);
    for (const g of [w.g0, w.g1]) await saveSettings(w.db, { guildId: g.id, channelId: g.channelId, time: '00:00', timezone: 'UTC' }, yesterday);
    // A runs every shard (an old SHARD_LIST), B runs shard 1: both hold g1 and race for its day.
    const a = startHost('A', w.env('0,1'), corpus(true));
    const b = startHost('B', w.env('1'), corpus(false));
    const started = (h: Host) => h.logs().find((l) => l.msg === 'digest: scheduler started');
    await until(() => started(a) && started(b), 60_000, () => `both schedulers; A:\n${a.stderr()}\nB:\n${b.stderr()}`);
    expect(started(a)!.scheduled).toBe(2);
    expect(started(b)!.scheduled).toBe(1);
    // Settle: a host that lost the race looks again later and must find the day done.
    await new Promise((r) => setTimeout(r, 1500));
    expect(w.fake.channelMessages(w.g0.channelId)).toHaveLength(1);
    expect(w.fake.channelMessages(w.g1.channelId)).toHaveLength(1);
    const posted = [...a.logs(), ...b.logs()].filter((l) => l.msg === 'digest: posted').map((l) => l.guildId);
    expect(posted.sort()).toEqual([w.g0.id, w.g1.id].sort());
    const rows = await w.db.all<{ guild_id: string; status: string; claimed_by: string }>('SELECT guild_id, status, claimed_by FROM digests ORDER BY guild_id');
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(w.fake.invalid).toEqual([]);
    // B started with an empty folder and serves the story from the database.
    expect(mdFiles(b.corpusDir)).toEqual(mdFiles(path.join(ROOT, 'corpus')));
  }, 90_000);

  it('answers on host B, within 5 s, an article added with /article add on host A', async () => {
    const w = await world();
    const page: StoryPage = PAGES.sinks!;
    w.server.route(`/news/${page.slug}`, (_q, r) => r.writeHead(200, HTML).end(pageHtml(page)));
    const a = startHost('A', w.env('0'), corpus(true));
    const b = startHost('B', w.env('1'), corpus(false));
    await until(() => connected(a) && connected(b), 60_000, () => `both hosts; A:\n${a.stderr()}\nB:\n${b.stderr()}`);
    const question = 'How many people were aboard the Aurora Star?';
    const before = embedText((await w.fake.waitForReply(w.fake.sendCommand('ask', { question }, w.fake.member, w.g1.id), 10_000)).message);
    expect(before).not.toContain('212');

    // A moderator of g0 (host A's shard) adds the article: a private preview, then Add.
    const add = w.fake.sendCommand('article', [{ name: 'add', type: 1, options: [{ name: 'url', type: 3, value: `${w.server.origin}/news/${page.slug}` }] }], w.fake.moderator, w.g0.id);
    const preview = (await w.fake.waitForReply(add, 15_000)).message;
    const added = await w.fake.waitForReply(w.fake.sendButton(buttonId(preview, 'Add'), add, w.fake.moderator), 15_000);
    expect(embedText(added.message) + (added.message.content ?? '')).toMatch(/added/i);
    const addedAt = Date.now();

    // Asked in g1, which only host B holds.
    const answer = await until(
      async () => {
        const reply = await w.fake.waitForReply(w.fake.sendCommand('ask', { question }, w.fake.member, w.g1.id), 10_000);
        const text = embedText(reply.message);
        return text.includes('212') ? text : null;
      },
      5_000,
      () => `B to answer from the new article; B:\n${b.stderr()}`,
    );
    expect(Date.now() - addedAt).toBeLessThan(5_000);
    expect(answer).toContain(page.title);
    await logged(a, /shared corpus: published .*ferry-sinks/, 'A');
    await logged(b, /arrived from another host/, 'B');

    // Removed on host A (/article remove): host B stops citing it within 5 s, and keeps its file in .removed/.
    const id = mdFiles(a.corpusDir).find((f) => f.includes('ferry-sinks'))!;
    const removed = await w.fake.waitForReply(
      w.fake.sendCommand('article', [{ name: 'remove', type: 1, options: [{ name: 'article', type: 3, value: id }] }], w.fake.moderator, w.g0.id),
      15_000,
    );
    expect(removed.message.content).toMatch(/^Removed “/);
    const removedAt = Date.now();
    await until(
      async () => !embedText((await w.fake.waitForReply(w.fake.sendCommand('ask', { question }, w.fake.member, w.g1.id), 10_000)).message).includes('212'),
      5_000,
      () => `B to stop citing the removed article; B:\n${b.stderr()}`,
    );
    expect(Date.now() - removedAt).toBeLessThan(5_000);
    expect(mdFiles(b.corpusDir)).not.toContain(id);
    expect(readdirSync(path.join(b.corpusDir, '.removed'))).toEqual([id]);
    expect(w.fake.invalid).toEqual([]);
  }, 90_000);

  it('moves feed polling to host B within one lease when host A is killed, processing no feed item twice', async () => {
    const w = await world();
    const pages = [PAGES.sinks!, PAGES.inquiry!, PAGES.survivor!];
    let listed = 2; // items in the feed now
    for (const page of pages) w.server.route(`/news/${page.slug}`, (_q, r) => r.writeHead(200, HTML).end(pageHtml(page)));
    const entry = (page: StoryPage): FeedEntry => ({ guid: `/news/${page.slug}`, page, link: `${w.server.origin}/news/${page.slug}` });
    w.server.route('/feed.xml', (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(pages.slice(0, listed).map(entry))));
    // A feed whose items await review: each item processed becomes one review card (the filter takes the ferry story).
    const feed = await insertFeed(w.db, {
      url: `${w.server.origin}/feed.xml`,
      title: 'Harbour Gazette',
      pageUrl: null,
      match: '"Aurora Star" OR ferry',
      mode: 'review',
      addedBy: 'test',
      etag: null,
      lastModified: null,
      nextPollAt: new Date(Date.now() - 1000),
    });
    const cards = async () => (await w.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM review_cards WHERE feed_id = ?', [feed.id]))!.n;
    const pageFetches = (page: StoryPage) => w.server.requests.filter((r) => r.path === `/news/${page.slug}`).length;
    const holder = async () => (await getLease(w.db, FEED_LEASE_NAME))?.holder ?? '';
    const pidOf = (h: Host) => h.logs().find((l) => l.pid !== undefined)?.pid;

    const a = startHost('A', w.env('0'), corpus(true));
    await until(() => connected(a), 60_000, () => `host A; A:\n${a.stderr()}`);
    let state = '';
    await until(
      async () => {
        state = JSON.stringify({ requests: w.server.requests.map((r) => r.path), items: await w.db.all('SELECT item_id, outcome, reason FROM feed_items'), feeds: await w.db.all('SELECT * FROM feeds') });
        return (await cards()) === 2;
      },
      20_000,
      () => `A to poll the feed; ${state}; A:\n${a.stderr()}`,
    );
    expect((await holder()).split(':')[1]).toBe(String(pidOf(a)));
    const b = startHost('B', w.env('1'), corpus(false));
    await until(() => connected(b), 60_000, () => `host B; B:\n${b.stderr()}`);
    expect((await holder()).split(':')[1]).toBe(String(pidOf(a))); // B waits: A holds the lease

    // A third item appears; A dies before its next poll. The feed is due again (as it would be some minutes later).
    listed = 3;
    await kill(a);
    const killedAt = Date.now();
    await w.db.run('UPDATE feeds SET next_poll_at = ? WHERE id = ?', [new Date(Date.now() - 1000).toISOString(), feed.id]);
    await until(async () => (await holder()).split(':')[1] === String(pidOf(b)), 10_000, () => `B to take the lease; B:\n${b.stderr()}`);
    const tookOver = Date.now() - killedAt;
    expect(tookOver).toBeLessThanOrEqual(5_000 + 500); // one lease (5 s), and the 100 ms this test polls at
    await logged(b, /this host polls the feeds now/, 'B');

    await until(async () => (await cards()) === 3, 20_000, () => `B to poll the feed; B:\n${b.stderr()}`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await cards()).toBe(3);
    for (const page of pages) expect(pageFetches(page)).toBe(1);
    const items = await w.db.all<{ item_id: string; outcome: string }>('SELECT item_id, outcome FROM feed_items WHERE feed_id = ? ORDER BY item_id', [feed.id]);
    expect(items.map((i) => i.outcome)).toEqual(['queued', 'queued', 'queued']);
  }, 120_000);
});
