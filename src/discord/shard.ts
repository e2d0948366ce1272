// Sharding: with SHARD_COUNT set, the shards this machine runs (SHARD_LIST, default all) share one process by default:
// one discord.js Client holds them all (internal sharding), so the story and its index are loaded once, the corpus is
// watched once and each server's digest is posted by the process whose shards hold it. SHARDS_PER_CLUSTER spreads
// them over several processes instead (src/discord/cluster.ts, discord-hybrid-sharding). This file plans; it loads
// neither discord.js nor the cluster library, so main.ts can read the plan cheaply.
import { ConfigError, MAX_SHARDS, type Config, type Env } from '../config.js';

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
  /** The shards of each process this machine runs: one list (every shard in this process) unless SHARDS_PER_CLUSTER. */
  clusters: number[][];
  /** Discord's identify concurrency (`max_concurrency`). */
  maxConcurrency: number;
  /**
   * Wait between one cluster being connected and the next one starting, so the identifies of two processes never
   * share a rate-limit bucket within Discord's 5-second window. Inside a process discord.js paces them itself.
   */
  clusterDelayMs: number;
  /** How long a process may take to connect all of its shards. */
  loginTimeoutMs: number;
}

/** Discord allows `max_concurrency` identifies per 5 s (one per bucket, `shard_id % max_concurrency`); a little margin on top. */
export const IDENTIFY_WINDOW_MS = 5_500;
/** Login of one shard (gateway info, hello, identify, ready, guilds). */
const LOGIN_BASE_MS = 30_000;

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

/**
 * SHARDS_PER_CLUSTER: how many shards one process holds (a whole number; default, null: every shard of this machine
 * in one process). Checked here rather than in config.ts; it needs SHARD_COUNT.
 */
export function shardsPerClusterFrom(env: Env): number | null {
  const raw = env.SHARDS_PER_CLUSTER?.trim() ?? '';
  if (raw === '') return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_SHARDS) {
    throw new ConfigError([`SHARDS_PER_CLUSTER: expected a whole number from 1 to ${MAX_SHARDS}, got ${JSON.stringify(env.SHARDS_PER_CLUSTER)}`]);
  }
  const count = env.SHARD_COUNT?.trim() ?? '';
  if (count === '') throw new ConfigError([`SHARDS_PER_CLUSTER: needs SHARD_COUNT (a number or auto), got ${JSON.stringify(env.SHARDS_PER_CLUSTER)}`]);
  return Number(raw);
}

/** How long connecting `shards` shards may take: discord.js identifies one per bucket every 5 s. */
export function loginTimeoutFor(shards: number, maxConcurrency = 1): number {
  return LOGIN_BASE_MS + Math.ceil(shards / maxConcurrency) * IDENTIFY_WINDOW_MS;
}

/** SHARD_COUNT (a number, or auto for Discord's recommendation), SHARD_LIST (default: every shard) and SHARDS_PER_CLUSTER. */
export function planShards(
  config: Pick<Config, 'shardCount' | 'shardList'> & { shardsPerCluster?: number | null },
  gateway: GatewayInfo,
): ShardPlan {
  if (config.shardCount === null) throw new ShardingError('SHARD_COUNT is not set');
  const totalShards = config.shardCount === 'auto' ? gateway.shards : config.shardCount;
  const shardList = config.shardList ?? Array.from({ length: totalShards }, (_, i) => i);
  const beyond = shardList.filter((id) => id >= totalShards);
  if (beyond.length > 0) throw new ShardingError(`SHARD_LIST names shards ${beyond.join(', ')}, but there are only ${totalShards}`);
  const size = Math.min(config.shardsPerCluster ?? shardList.length, shardList.length);
  const clusters: number[][] = [];
  for (let i = 0; i < shardList.length; i += size) clusters.push(shardList.slice(i, i + size));
  // Every shard its own bucket: no two identifies can collide, so clusters need not wait for each other.
  const clusterDelayMs = clusters.length > 1 && gateway.maxConcurrency < totalShards ? IDENTIFY_WINDOW_MS : 0;
  return {
    totalShards,
    shardList,
    clusters,
    maxConcurrency: gateway.maxConcurrency,
    clusterDelayMs,
    loginTimeoutMs: loginTimeoutFor(size, gateway.maxConcurrency),
  };
}
