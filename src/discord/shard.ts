// Sharding: with SHARD_COUNT set, `npm start` is discord.js's ShardingManager. It runs src/main.ts once per
// shard in a child process (each loads the story from the cached index and connects as that shard), restarts a
// shard that dies, and stops them all on SIGTERM. Discord sends a server's events to one shard only, so each
// child answers, and posts digests for, the servers it holds; they share the SQLite database (WAL, busy timeout).
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';

/** What `GET /gateway/bot` says about sharding. */
export interface GatewayInfo {
  /** The shard count Discord recommends. */
  shards: number;
  /** How many shards may identify in each 5-second window. */
  maxConcurrency: number;
}

export interface ShardPlan {
  totalShards: number;
  /** The shards this machine runs. */
  shardList: number[];
  /** Wait between starting two shards, so identifies stay within Discord's limit. */
  spawnDelayMs: number;
}

/** Discord allows `max_concurrency` identifies per 5 s; a little margin on top. */
const IDENTIFY_WINDOW_MS = 5_500;
/** A shard must be connected this long after it is started (a cold index build of a large corpus included). */
const SHARD_READY_TIMEOUT_MS = 180_000;
/** SIGTERM: the shards get this long to stop (their own deadline is 9.5 s) before they are killed; exit stays within 10 s. */
const STOP_DEADLINE_MS = 9_700;

export class ShardingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`storydesk: sharding: ${message}`, options);
    this.name = 'ShardingError';
  }
}

/** Which shard Discord sends a server's events to. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Asks Discord (or DISCORD_API_BASE) for the recommended shard count and the identify concurrency. */
export async function fetchGatewayInfo(token: string, apiBase: string | null): Promise<GatewayInfo> {
  const url = `${apiBase ?? 'https://discord.com/api'}/v10/gateway/bot`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bot ${token}` }, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new ShardingError(`cannot reach ${url}: ${(error as Error).message}`, { cause: error });
  }
  if (response.status === 401) throw new ShardingError('Discord refused the token (401 Unauthorized); check DISCORD_TOKEN');
  if (!response.ok) throw new ShardingError(`${url} answered ${response.status} ${response.statusText}`);
  const body = (await response.json()) as { shards?: unknown; session_start_limit?: { max_concurrency?: unknown } };
  const shards = Number(body.shards);
  if (!Number.isInteger(shards) || shards < 1) throw new ShardingError(`${url} gave no shard count (got ${JSON.stringify(body.shards)})`);
  const concurrency = Number(body.session_start_limit?.max_concurrency ?? 1);
  return { shards, maxConcurrency: Number.isInteger(concurrency) && concurrency >= 1 ? concurrency : 1 };
}

/** SHARD_COUNT (a number, or auto for Discord's recommendation) and SHARD_LIST (default: every shard). */
export function planShards(config: Pick<Config, 'shardCount' | 'shardList'>, gateway: GatewayInfo): ShardPlan {
  if (config.shardCount === null) throw new ShardingError('SHARD_COUNT is not set');
  const totalShards = config.shardCount === 'auto' ? gateway.shards : config.shardCount;
  const shardList = config.shardList ?? Array.from({ length: totalShards }, (_, i) => i);
  const beyond = shardList.filter((id) => id >= totalShards);
  if (beyond.length > 0) throw new ShardingError(`SHARD_LIST names shards ${beyond.join(', ')}, but there are only ${totalShards}`);
  return { totalShards, shardList, spawnDelayMs: Math.ceil(IDENTIFY_WINDOW_MS / gateway.maxConcurrency) };
}

/** The file each shard runs: main, with this file's extension (.ts under tsx, .js when compiled). */
function entryFile(): string {
  const here = fileURLToPath(import.meta.url);
  return path.join(path.dirname(here), '..', `main${path.extname(here)}`);
}

export async function runShardManager(config: Config, log: Logger): Promise<void> {
  const token = config.discordToken;
  if (!token) throw new ShardingError('DISCORD_TOKEN is not set');
  // Checked (and migrated) once here, so a bad database is one clear error instead of every shard failing in turn.
  await checkDatabase(config.databasePath);
  const gateway = await fetchGatewayInfo(token, config.apiBase);
  const plan = planShards(config, gateway);
  if (plan.totalShards < gateway.shards) {
    log.warn({ totalShards: plan.totalShards, recommended: gateway.shards }, 'sharding: fewer shards than Discord recommends');
  }
  log.info({ ...plan, recommended: gateway.shards }, 'sharding: starting shards');

  const manager = new ShardingManager(entryFile(), {
    totalShards: plan.totalShards,
    shardList: plan.shardList,
    mode: 'process',
    respawn: true,
    token,
    // Children run TypeScript the way this process does (tsx's loader flags).
    execArgv: process.execArgv,
  });
  const state = { stopping: false };
  manager.on('shardCreate', (shard) => watchShard(shard, log, state));
  onManagerShutdown(manager, log, state);

  for (const [i, id] of plan.shardList.entries()) {
    if (state.stopping) return;
    try {
      await manager.createShard(id).spawn(SHARD_READY_TIMEOUT_MS);
    } catch (error) {
      if (state.stopping) return;
      // A shard that cannot start would only crash again: stop the others and fail with the reason.
      state.stopping = true;
      await stopShards(manager);
      throw new ShardingError(`shard ${id} did not start: ${(error as Error).message}`, { cause: error });
    }
    if (i < plan.shardList.length - 1) await sleep(plan.spawnDelayMs);
  }
  log.info({ shards: plan.shardList }, 'sharding: every shard is connected');
}

async function checkDatabase(file: string): Promise<void> {
  const { DatabaseOpenError, openDatabase } = await import('../db/open.js');
  try {
    openDatabase(file).close();
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

function watchShard(shard: Shard, log: Logger, state: { stopping: boolean }): void {
  // In 'process' mode each shard is a ChildProcess.
  shard.on('spawn', (child) => log.info({ shard: shard.id, childPid: (child as ChildProcess).pid }, 'sharding: shard started'));
  shard.on('ready', () => log.info({ shard: shard.id }, 'sharding: shard connected'));
  shard.on('death', (child) => {
    const { pid, exitCode, signalCode } = child as ChildProcess;
    const about = { shard: shard.id, childPid: pid, code: exitCode, signal: signalCode };
    if (state.stopping) log.info(about, 'sharding: shard stopped');
    else log.warn(about, 'sharding: shard exited unexpectedly; restarting it');
  });
  // Without a listener, a failed respawn would be thrown as an uncaught 'error' event.
  shard.on('error', (err) => log.error({ err, shard: shard.id }, 'sharding: shard error'));
}

/** SIGTERM each shard (they finish replies and digests in flight) and wait for them to exit. */
async function stopShards(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  await Promise.all(
    [...manager.shards.values()].map(async (shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }),
  );
}

function onManagerShutdown(manager: ShardingManager, log: Logger, state: { stopping: boolean }): void {
  const stop = async (signal: NodeJS.Signals) => {
    if (state.stopping) return;
    state.stopping = true;
    log.info({ signal }, 'sharding: stopping every shard');
    setTimeout(() => {
      log.warn('sharding: shards took too long to stop; killing them');
      for (const shard of manager.shards.values()) shard.process?.kill('SIGKILL');
      process.exit(0);
    }, STOP_DEADLINE_MS).unref();
    try {
      await stopShards(manager);
    } catch (err) {
      log.error({ err }, 'sharding: error while stopping shards');
    }
    log.info('sharding: every shard stopped');
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}
