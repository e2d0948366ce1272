// Sharding: the plan from SHARD_COUNT/SHARD_LIST and /gateway/bot, and `npm start` with SHARD_COUNT=auto running
// two shard processes against a local Discord that recommends two shards and routes each server to its shard.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShardClientUtil } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { saveSettings } from '../../src/db/settings.js';
import { fetchGatewayInfo, planShards, shardForGuild, ShardingError } from '../../src/discord/shard.js';
import { useTmpDir } from '../helpers/tmp.js';
import { prepareValidators, validateRequest } from '../helpers/discord-spec.js';
import { FakeDiscord, shardOf, snowflake, snowflakeOnShard } from '../helpers/fake-discord.js';

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

  it('runs the count Discord recommends for auto, every shard on this machine by default', () => {
    expect(planShards({ shardCount: 'auto', shardList: null }, gateway)).toEqual({ totalShards: 3, shardList: [0, 1, 2], spawnDelayMs: 5_500 });
  });

  it("runs this machine's SHARD_LIST of a fixed SHARD_COUNT", () => {
    expect(planShards({ shardCount: 8, shardList: [4, 5, 6, 7] }, gateway)).toMatchObject({ totalShards: 8, shardList: [4, 5, 6, 7] });
  });

  it("spaces shard starts by Discord's identify concurrency", () => {
    expect(planShards({ shardCount: 4, shardList: null }, { shards: 1, maxConcurrency: 16 }).spawnDelayMs).toBe(344);
  });

  it('refuses shard ids beyond the count', () => {
    expect(() => planShards({ shardCount: 2, shardList: [1, 2] }, gateway)).toThrow('SHARD_LIST names shards 2, but there are only 2');
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
  shard?: number;
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

async function within<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what()}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
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

describe('npm start with SHARD_COUNT', () => {
  it('exits 1 with one clear message when Discord refuses the token, starting no shard', async () => {
    fake = await FakeDiscord.start();
    const dir = tmp();
    const run = startManager({ DISCORD_TOKEN: 'wrong', DISCORD_API_BASE: fake.apiBase, SHARD_COUNT: '2', DATABASE_PATH: path.join(dir, 'storydesk.db') });
    const [code] = await within(run.exited, 15_000, () => `exit; stderr:\n${run.stderr()}`);
    expect(code).toBe(1);
    expect(run.stderr()).toContain('storydesk: sharding: Discord refused the token (401 Unauthorized); check DISCORD_TOKEN\n');
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    expect(run.stderr()).not.toContain('shard started');
  });

  it('auto: runs two shard processes; each answers and posts digests for its own servers only; SIGTERM stops both and exits 0', async () => {
    prepareValidators();
    fake = await FakeDiscord.start({ validate: validateRequest, shards: 2, maxConcurrency: 16 });
    const onShard0 = { id: fake.guildId, channelId: fake.channelId };
    const onShard1 = fake.addGuild({ name: 'Second newsroom', shard: 1 });
    const dir = tmp();
    const corpusDir = path.join(dir, 'corpus');
    cpSync(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
    const databasePath = path.join(dir, 'storydesk.db');
    // Both servers' digests are due (00:00 UTC has passed, set yesterday): each must be caught up once, by its shard.
    const db = openDatabase(databasePath);
    const yesterday = new Date(Date.now() - 86_400_000);
    for (const g of [onShard0, onShard1]) saveSettings(db, { guildId: g.id, channelId: g.channelId, time: '00:00', timezone: 'UTC' }, yesterday);
    db.close();

    const run = startManager({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      CORPUS_DIR: corpusDir,
      DATABASE_PATH: databasePath,
      SHARD_COUNT: 'auto',
    });
    const logs = () => parseLogs(run.stderr());

    await within(fake.waitForSession(45_000), 45_000, () => `both shards to connect; stderr:\n${run.stderr()}`);
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);

    // Each server's interactions reach its own shard's process, which answers them.
    for (const [guild, shard] of [[onShard0, 0], [onShard1, 1]] as const) {
      const asked = fake.sendCommand('sources', {}, fake.member, guild.id);
      const reply = await fake.waitForReply(asked, 5_000);
      expect(reply.message.embeds![0]!.title).toBe('Sources');
      expect(fake.dispatched.filter((d) => d.t === 'INTERACTION_CREATE' && d.guildId === guild.id).map((d) => d.shard)).toEqual([shard]);
    }

    // Each shard's scheduler has caught up its own server's digest, and only that one.
    const started = () => logs().filter((l) => l.msg === 'digest: scheduler started');
    await within(
      (async () => {
        while (started().length < 2) await new Promise((r) => setTimeout(r, 50));
      })(),
      10_000,
      () => `both schedulers; stderr:\n${run.stderr()}`,
    );
    const posted = logs().filter((l) => l.msg === 'digest: posted');
    expect(posted.map((l) => [l.guildId, l.shard]).sort()).toEqual(
      [
        [onShard0.id, 0],
        [onShard1.id, 1],
      ].sort(),
    );
    expect(started().map((l) => [l.shard, l.scheduled]).sort()).toEqual([
      [0, 1],
      [1, 1],
    ]);
    for (const g of [onShard0, onShard1]) expect(fake.channelMessages(g.channelId)).toHaveLength(1);
    expect(fake.invalid).toEqual([]);

    const pids = logs()
      .filter((l) => l.msg === 'sharding: shard started')
      .map((l) => l.childPid!);
    expect(pids).toHaveLength(2);
    const sigterm = Date.now();
    run.child.kill('SIGTERM');
    const [code, signal] = await within(run.exited, 10_000, () => `the manager to exit; stderr:\n${run.stderr()}`);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - sigterm).toBeLessThan(10_000);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(logs().filter((l) => l.msg === 'disconnected from Discord').map((l) => l.shard).sort()).toEqual([0, 1]);
    expect(logs().filter((l) => l.msg === 'sharding: shard stopped').map((l) => l.code)).toEqual([0, 0]);
    expect(run.stderr()).not.toContain(fake.token);
  }, 60_000);
});
