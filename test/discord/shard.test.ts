// Sharding: the plan from SHARD_COUNT/SHARD_LIST/SHARDS_PER_CLUSTER and /gateway/bot, and `npm start` against a
// local Discord that announces several shards and routes each server to its shard: every shard in one process
// (internal sharding), a SHARD_LIST, and two clusters of two shards (one killed and restarted).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShardClientUtil } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { saveSettings } from '../../src/db/settings.js';
import { ConfigError } from '../../src/config.js';
import { ownsGuild } from '../../src/discord/run.js';
import { fetchGatewayInfo, planShards, shardForGuild, ShardingError, shardsPerClusterFrom } from '../../src/discord/shard.js';
import { useTmpDir } from '../helpers/tmp.js';
import { prepareValidators, validateRequest } from '../helpers/discord-spec.js';
import { FakeDiscord, shardOf, snowflake, snowflakeOnShard, type FakeGuild } from '../helpers/fake-discord.js';
import { within } from '../helpers/within.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const tmp = useTmpDir();

let fake: FakeDiscord | null = null;
let manager: ChildProcess | null = null;

afterEach(async () => {
  // The manager and its shards share a process group: kill them all, whatever state the test left them in.
  if (manager?.pid && manager.exitCode === null && manager.signalCode === null) {
    try {
      process.kill(-manager.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  manager = null;
  await fake?.close();
  fake = null;
});

describe('shardForGuild', () => {
  it('agrees with discord.js and with the routing of the local Discord', () => {
    for (let i = 0; i < 50; i++) {
      const id = i % 2 ? snowflake() : snowflakeOnShard(i % 5, 5);
      for (const count of [1, 2, 5, 16]) {
        expect(shardForGuild(id, count)).toBe(ShardClientUtil.shardIdForGuildId(id, count));
        expect(shardForGuild(id, count)).toBe(shardOf(id, count));
      }
    }
  });
});

describe('planShards', () => {
  const gateway = { shards: 3, maxConcurrency: 1 };

  it('runs the count Discord recommends for auto, every shard on this machine in this process by default', () => {
    expect(planShards({ shardCount: 'auto', shardList: null }, gateway)).toEqual({
      totalShards: 3,
      shardList: [0, 1, 2],
      clusters: [[0, 1, 2]],
      maxConcurrency: 1,
      clusterDelayMs: 0,
      loginTimeoutMs: 30_000 + 3 * 5_500,
    });
  });

  it("runs this machine's SHARD_LIST of a fixed SHARD_COUNT", () => {
    expect(planShards({ shardCount: 8, shardList: [4, 5, 6, 7] }, gateway)).toMatchObject({ totalShards: 8, shardList: [4, 5, 6, 7], clusters: [[4, 5, 6, 7]] });
  });

  it('spreads the shards over processes of SHARDS_PER_CLUSTER, the last one taking what is left', () => {
    expect(planShards({ shardCount: 16, shardList: null, shardsPerCluster: 4 }, gateway).clusters).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
      [12, 13, 14, 15],
    ]);
    expect(planShards({ shardCount: 8, shardList: [3, 4, 5, 6, 7], shardsPerCluster: 2 }, gateway).clusters).toEqual([[3, 4], [5, 6], [7]]);
    expect(planShards({ shardCount: 4, shardList: null, shardsPerCluster: 10 }, gateway).clusters).toEqual([[0, 1, 2, 3]]);
  });

  it("paces cluster starts and logins by Discord's identify concurrency", () => {
    // One identify per 5 s: the next cluster waits a window after the previous is connected.
    expect(planShards({ shardCount: 4, shardList: null, shardsPerCluster: 2 }, { shards: 1, maxConcurrency: 1 })).toMatchObject({ clusterDelayMs: 5_500, loginTimeoutMs: 30_000 + 2 * 5_500 });
    // Every shard in a bucket of its own: no identifies can collide.
    expect(planShards({ shardCount: 4, shardList: null, shardsPerCluster: 2 }, { shards: 1, maxConcurrency: 16 })).toMatchObject({ clusterDelayMs: 0, loginTimeoutMs: 30_000 + 5_500 });
  });

  it('refuses shard ids beyond the count', () => {
    expect(() => planShards({ shardCount: 2, shardList: [1, 2] }, gateway)).toThrow('SHARD_LIST names shards 2, but there are only 2');
  });
});

describe('SHARDS_PER_CLUSTER', () => {
  it('is unset by default and a whole number with SHARD_COUNT', () => {
    expect(shardsPerClusterFrom({ SHARD_COUNT: '8' })).toBeNull();
    expect(shardsPerClusterFrom({ SHARD_COUNT: '8', SHARDS_PER_CLUSTER: ' ' })).toBeNull();
    expect(shardsPerClusterFrom({ SHARD_COUNT: 'auto', SHARDS_PER_CLUSTER: '4' })).toBe(4);
  });

  it('says what is wrong with a bad value, or a missing SHARD_COUNT', () => {
    expect(() => shardsPerClusterFrom({ SHARD_COUNT: '8', SHARDS_PER_CLUSTER: 'two' })).toThrow(ConfigError);
    expect(() => shardsPerClusterFrom({ SHARD_COUNT: '8', SHARDS_PER_CLUSTER: '0' })).toThrow('SHARDS_PER_CLUSTER: expected a whole number from 1 to 16384, got "0"');
    expect(() => shardsPerClusterFrom({ SHARDS_PER_CLUSTER: '4' })).toThrow('SHARDS_PER_CLUSTER: needs SHARD_COUNT');
  });
});

describe('ownsGuild under internal sharding', () => {
  it("holds the servers of the client's own shards, and any server in its cache", () => {
    const onShard = [0, 1, 2, 3].map((s) => snowflakeOnShard(s, 4));
    const cached = new Set<string>();
    const client = { shard: null, options: { shards: [1, 3], shardCount: 4 }, guilds: { cache: cached } };
    expect(onShard.map((g) => ownsGuild(client, g))).toEqual([false, true, false, true]);
    cached.add(onShard[0]!);
    expect(ownsGuild(client, onShard[0]!)).toBe(true);
    // Not sharded: discord.js's own default, shard 0 of 1, holds every server.
    expect(ownsGuild({ shard: null, options: { shards: [0], shardCount: 1 } }, onShard[2]!)).toBe(true);
  });
});

describe('fetchGatewayInfo', () => {
  it("reads the recommended shard count and identify concurrency from DISCORD_API_BASE's /gateway/bot", async () => {
    fake = await FakeDiscord.start({ shards: 4, maxConcurrency: 2 });
    expect(await fetchGatewayInfo(fake.token, fake.apiBase)).toEqual({ shards: 4, maxConcurrency: 2 });
  });

  it('says so when Discord refuses the token', async () => {
    fake = await FakeDiscord.start();
    const refused = fetchGatewayInfo('wrong-token', fake.apiBase);
    await expect(refused).rejects.toBeInstanceOf(ShardingError);
    await expect(refused).rejects.toThrow('Discord refused the token (401 Unauthorized); check DISCORD_TOKEN');
  });
});

interface LogLine {
  msg: string;
  pid?: number;
  cluster?: number;
  childPid?: number;
  guildId?: string;
  [key: string]: unknown;
}

function parseLogs(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}


function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function startManager(env: Record<string, string>): { child: ChildProcess; stderr: () => string; exited: Promise<unknown[]> } {
  let stderr = '';
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: ROOT,
    detached: true, // its own process group, so afterEach can kill the shards with it
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
  });
  manager = child;
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, stderr: () => stderr, exited: once(child, 'exit') };
}

/** The first server (shard 0) and one more on each other shard of the fake's count. */
function serverOnEveryShard(discord: FakeDiscord): FakeGuild[] {
  const first = discord.guilds[0]!;
  return [first, ...Array.from({ length: discord.shardCount - 1 }, (_, i) => discord.addGuild({ name: `Newsroom ${i + 2}`, shard: i + 1 }))];
}

/** A copy of the seed corpus and a database in which every server's digest is due (set yesterday for 00:00 UTC). */
async function workspace(guilds: FakeGuild[]): Promise<{ corpusDir: string; databasePath: string }> {
  const dir = tmp();
  const corpusDir = path.join(dir, 'corpus');
  cpSync(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  const databasePath = path.join(dir, 'storydesk.db');
  const db = await openDatabase(databasePath);
  const yesterday = new Date(Date.now() - 86_400_000);
  for (const g of guilds) await saveSettings(db, { guildId: g.id, channelId: g.channelId, time: '00:00', timezone: 'UTC' }, yesterday);
  await db.close();
  return { corpusDir, databasePath };
}

async function until(probe: () => boolean, ms: number, what: () => string): Promise<void> {
  await within(
    (async () => {
      while (!probe()) await new Promise((r) => setTimeout(r, 50));
    })(),
    ms,
    what,
  );
}

/** Each server's /sources reaches Discord on the server's own shard and is answered. */
async function answeredByTheirShards(discord: FakeDiscord, guilds: FakeGuild[]): Promise<void> {
  for (const guild of guilds) {
    const asked = discord.sendCommand('sources', {}, discord.member, guild.id);
    const reply = await discord.waitForReply(asked, 5_000);
    expect(reply.message.embeds![0]!.title).toBe('Sources');
    const carried = discord.dispatched.filter((d) => d.t === 'INTERACTION_CREATE' && d.guildId === guild.id).map((d) => d.shard);
    expect(new Set(carried)).toEqual(new Set([shardOf(guild.id, discord.shardCount)]));
  }
}

const shardsOf = (discord: FakeDiscord) => discord.identifies.map((i) => i.shard as number[]).sort((a, b) => a[0]! - b[0]!);

describe('npm start with SHARD_COUNT', () => {
  it('exits 1 with one clear message when Discord refuses the token, starting no shard', async () => {
    fake = await FakeDiscord.start();
    const dir = tmp();
    const run = startManager({ DISCORD_TOKEN: 'wrong', DISCORD_API_BASE: fake.apiBase, SHARD_COUNT: '2', DATABASE_PATH: path.join(dir, 'storydesk.db') });
    const [code] = await within(run.exited, 15_000, () => `exit; stderr:\n${run.stderr()}`);
    expect(code).toBe(1);
    expect(run.stderr()).toContain('storydesk: sharding: Discord refused the token (401 Unauthorized); check DISCORD_TOKEN\n');
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    expect(run.stderr()).not.toContain('"msg":"starting storydesk"');
    expect(fake.identifies).toEqual([]);
  });

  it('4 shards in one process: the story loaded and watched once; each server answered by its shard; each digest posted once; SIGTERM stops every shard within 10 s', async () => {
    prepareValidators();
    fake = await FakeDiscord.start({ validate: validateRequest, shards: 4, maxConcurrency: 16 });
    const guilds = serverOnEveryShard(fake);
    const { corpusDir, databasePath } = await workspace(guilds);
    const run = startManager({ DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, CORPUS_DIR: corpusDir, DATABASE_PATH: databasePath, SHARD_COUNT: '4' });
    const logs = () => parseLogs(run.stderr());

    await within(fake.waitForSession(30_000), 30_000, () => `the four shards to connect; stderr:\n${run.stderr()}`);
    expect(shardsOf(fake)).toEqual([[0, 4], [1, 4], [2, 4], [3, 4]]);
    await answeredByTheirShards(fake, guilds);

    const started = () => logs().filter((l) => l.msg === 'digest: scheduler started');
    await until(() => started().length > 0, 10_000, () => `the scheduler; stderr:\n${run.stderr()}`);
    expect(started().map((l) => l.scheduled)).toEqual([4]);
    expect(logs().filter((l) => l.msg === 'digest: posted').map((l) => l.guildId).sort()).toEqual(guilds.map((g) => g.id).sort());
    for (const g of guilds) expect(fake.channelMessages(g.channelId)).toHaveLength(1);
    // One process: one pid in the log, one client, one watcher.
    expect(new Set(logs().map((l) => l.pid)).size).toBe(1);
    expect(logs().filter((l) => l.msg === 'connected to Discord')).toHaveLength(1);
    expect(logs().filter((l) => l.msg === 'watching the corpus for changes')).toHaveLength(1);

    const sigterm = Date.now();
    run.child.kill('SIGTERM');
    const [code, signal] = await within(run.exited, 10_000, () => `the bot to exit; stderr:\n${run.stderr()}`);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - sigterm).toBeLessThan(10_000);
    expect(logs().filter((l) => l.msg === 'disconnected from Discord')).toHaveLength(1);
    expect(fake.connected).toBe(false);
    expect(fake.invalid).toEqual([]);
    expect(run.stderr()).not.toContain(fake.token);
  }, 60_000);

  it("SHARD_LIST: runs only this machine's shards, and posts only their servers' digests", async () => {
    fake = await FakeDiscord.start({ shards: 4, maxConcurrency: 16 });
    const guilds = serverOnEveryShard(fake);
    const { corpusDir, databasePath } = await workspace(guilds);
    const run = startManager({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      CORPUS_DIR: corpusDir,
      DATABASE_PATH: databasePath,
      SHARD_COUNT: '4',
      SHARD_LIST: '2-3',
    });
    const logs = () => parseLogs(run.stderr());
    await until(() => logs().some((l) => l.msg === 'digest: scheduler started'), 30_000, () => `the scheduler; stderr:\n${run.stderr()}`);
    expect(shardsOf(fake)).toEqual([[2, 4], [3, 4]]);
    await answeredByTheirShards(fake, guilds.slice(2));
    expect(logs().find((l) => l.msg === 'digest: scheduler started')!.scheduled).toBe(2);
    expect(logs().filter((l) => l.msg === 'digest: posted').map((l) => l.guildId).sort()).toEqual([guilds[2]!.id, guilds[3]!.id].sort());
    expect(guilds.map((g) => fake!.channelMessages(g.channelId).length)).toEqual([0, 0, 1, 1]);
    run.child.kill('SIGTERM');
    expect((await within(run.exited, 10_000, () => 'exit'))[0]).toBe(0);
  }, 60_000);

  it('SHARDS_PER_CLUSTER=2: two clusters of two shards; each server answered and its digest posted once by its cluster; a killed cluster is restarted; SIGTERM stops both within 10 s', async () => {
    fake = await FakeDiscord.start({ shards: 4, maxConcurrency: 16 });
    const guilds = serverOnEveryShard(fake);
    const { corpusDir, databasePath } = await workspace(guilds);
    const run = startManager({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      CORPUS_DIR: corpusDir,
      DATABASE_PATH: databasePath,
      SHARD_COUNT: 'auto',
      SHARDS_PER_CLUSTER: '2',
    });
    const logs = () => parseLogs(run.stderr());
    const manager = () => logs().filter((l) => l.msg.startsWith('sharding: '));
    const children = () => logs().filter((l) => !l.msg.startsWith('sharding: ') && l.cluster !== undefined);

    await until(() => logs().some((l) => l.msg === 'sharding: every cluster is connected'), 45_000, () => `both clusters; stderr:\n${run.stderr()}`);
    await within(fake.waitForSession(5_000), 5_000, () => 'the sessions');
    expect(shardsOf(fake)).toEqual([[0, 4], [1, 4], [2, 4], [3, 4]]);
    const spawned = manager().filter((l) => l.msg === 'sharding: cluster started');
    expect(spawned.map((l) => [l.cluster, l.shards])).toEqual([[0, [0, 1]], [1, [2, 3]]]);
    await answeredByTheirShards(fake, guilds);

    const started = () => children().filter((l) => l.msg === 'digest: scheduler started');
    await until(() => started().length === 2, 10_000, () => `both schedulers; stderr:\n${run.stderr()}`);
    expect(started().map((l) => [l.cluster, l.scheduled]).sort()).toEqual([[0, 2], [1, 2]]);
    const posted = () => children().filter((l) => l.msg === 'digest: posted').map((l) => [l.guildId, l.cluster]);
    expect(posted().sort()).toEqual(guilds.map((g, i) => [g.id, i < 2 ? 0 : 1]).sort());

    // Cluster 1 crashes: the manager starts it again, and its servers are answered again, their digests not re-posted.
    const crashed = spawned[1]!.childPid!;
    process.kill(crashed, 'SIGKILL');
    await until(() => manager().filter((l) => l.msg === 'sharding: cluster connected' && l.cluster === 1).length === 2, 30_000, () => `cluster 1 again; stderr:\n${run.stderr()}`);
    expect(manager().find((l) => l.msg === 'sharding: cluster exited unexpectedly; restarting it')).toMatchObject({ cluster: 1, childPid: crashed, signal: 'SIGKILL' });
    await within(fake.waitForSession(10_000), 10_000, () => 'the sessions after the restart');
    await answeredByTheirShards(fake, guilds.slice(2));
    await until(() => started().length === 3, 10_000, () => 'the restarted scheduler');
    expect(posted()).toHaveLength(4);
    for (const g of guilds) expect(fake.channelMessages(g.channelId)).toHaveLength(1);

    const pids = manager()
      .filter((l) => l.msg === 'sharding: cluster started')
      .map((l) => l.childPid!);
    expect(pids).toHaveLength(3);
    const sigterm = Date.now();
    run.child.kill('SIGTERM');
    const [code, signal] = await within(run.exited, 10_000, () => `the manager to exit; stderr:\n${run.stderr()}`);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - sigterm).toBeLessThan(10_000);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(children().filter((l) => l.msg === 'disconnected from Discord').map((l) => l.cluster).sort()).toEqual([0, 1]);
    expect(manager().filter((l) => l.msg === 'sharding: cluster stopped').map((l) => l.code)).toEqual([0, 0]);
    expect(run.stderr()).not.toContain(fake.token);
  }, 90_000);
});
