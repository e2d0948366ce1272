// Clusters (SHARDS_PER_CLUSTER): this machine's shards spread over several processes, each holding several shards in
// one discord.js Client. discord-hybrid-sharding's ClusterManager forks src/main (or dist/src/main.js) once per
// cluster, tells each child its shards (SHARD_LIST, TOTAL_SHARDS) and restarts a child that dies; a child says it
// is connected with ClusterClient.triggerReady. Clusters start one after another, the next once the previous is
// connected (and, when shards share identify buckets, one identify window later), so identifies stay within
// Discord's max_concurrency. SIGTERM stops every cluster (each finishes its replies in flight) within 10 s.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Client } from 'discord.js';
import { ClusterClient, ClusterManager, getInfo, type Cluster } from 'discord-hybrid-sharding';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { ShardingError, type ShardPlan } from './shard.js';

/** A cluster must be connected this long after it is started (a cold index build of a large corpus included). */
const CLUSTER_READY_TIMEOUT_MS = 180_000;
/** SIGTERM: the clusters get this long to stop (their own deadline is 9.5 s) before they are killed; exit stays within 10 s. */
const STOP_DEADLINE_MS = 9_700;
/** A cluster that dies more often than this within an hour is not restarted again: the manager stops and exits 1. */
const RESTARTS = { max: 5, interval: 3_600_000 };

/** What a cluster's process is told by the manager. */
export interface ClusterChild {
  id: number;
  shards: number[];
  totalShards: number;
}

/** This process is a cluster the manager forked (CLUSTER_MANAGER set and an IPC channel): its id and shards. */
export function clusterChild(): ClusterChild | null {
  if (process.env.CLUSTER_MANAGER !== 'true' || !process.send) return null;
  const info = getInfo();
  return { id: info.CLUSTER, shards: info.SHARD_LIST, totalShards: info.TOTAL_SHARDS };
}

/** Tells the manager this cluster's shards are all connected. */
export function reportClusterReady(client: Client): void {
  new ClusterClient(client).triggerReady();
}

/** The file each cluster runs: main, with this file's extension (.ts under tsx, .js when compiled). */
function entryFile(): string {
  const here = fileURLToPath(import.meta.url);
  return path.join(path.dirname(here), '..', `main${path.extname(here)}`);
}

interface State {
  /** Every cluster connected once: from then on a cluster that dies is restarted. */
  started: boolean;
  stopping: boolean;
  /** Why starting failed (a cluster died while the clusters were starting). */
  failure: string | null;
}

export async function runClusterManager(config: Config, plan: ShardPlan, log: Logger): Promise<void> {
  const token = config.discordToken;
  if (!token) throw new ShardingError('DISCORD_TOKEN is not set');
  // Checked (and migrated) once here, so a bad database is one clear error instead of every cluster failing in turn.
  await checkDatabase(config);
  // The clusters read SHARD_COUNT as a number (auto is resolved here); the manager gives each its SHARD_LIST.
  process.env.SHARD_COUNT = String(plan.totalShards);
  const manager = new ClusterManager(entryFile(), {
    totalShards: plan.totalShards,
    totalClusters: plan.clusters.length,
    shardList: plan.shardList,
    mode: 'process',
    // Off while starting: a cluster that cannot start would only crash again (see below).
    respawn: false,
    restarts: { ...RESTARTS, current: 0 },
    token,
    // Children run the way this process does (tsx's loader flags, or the compiled build's Node flags).
    execArgv: process.execArgv,
    // This function paces the starts itself.
    queue: { auto: false },
  });
  manager.shardClusterList = plan.clusters;
  manager.on('debug', (message) => log.debug({ message }, 'sharding: cluster manager'));
  manager.on('error', (err) => log.error({ err }, 'sharding: cluster error'));
  const state: State = { started: false, stopping: false, failure: null };
  const stop = () => stopClusters(manager);
  onManagerShutdown(manager, log, state);
  log.info({ totalShards: plan.totalShards, clusters: plan.clusters, maxConcurrency: plan.maxConcurrency }, 'sharding: starting clusters');

  for (const [i, shards] of plan.clusters.entries()) {
    if (state.stopping) return;
    const cluster = manager.createCluster(i, shards, plan.totalShards);
    watchCluster(cluster, manager, log, state, stop);
    try {
      await cluster.spawn(CLUSTER_READY_TIMEOUT_MS + plan.loginTimeoutMs);
    } catch (error) {
      if (state.stopping) return;
      state.failure ??= `cluster ${i} (shards ${shards.join(', ')}) did not start: ${(error as Error).message}`;
    }
    if (state.failure) {
      // A cluster that cannot start would only crash again: stop the others and fail with the reason.
      state.stopping = true;
      await stop();
      throw new ShardingError(state.failure);
    }
    if (i < plan.clusters.length - 1 && plan.clusterDelayMs > 0) await sleep(plan.clusterDelayMs);
  }
  state.started = true;
  manager.respawn = true;
  log.info({ clusters: plan.clusters.length, shards: plan.shardList.length }, 'sharding: every cluster is connected');
}

async function checkDatabase(config: Config): Promise<void> {
  const { DatabaseOpenError } = await import('../db/open.js');
  const { DATABASE_EXIT_CODE, openStore } = await import('../db/connect.js');
  try {
    await (await openStore(config)).close();
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(DATABASE_EXIT_CODE);
  }
}

function watchCluster(cluster: Cluster, manager: ClusterManager, log: Logger, state: State, stop: () => Promise<void>): void {
  const about = () => ({ cluster: cluster.id, shards: cluster.shardList });
  cluster.on('spawn', (child) => log.info({ ...about(), childPid: (child as ChildProcess | null)?.pid }, 'sharding: cluster started'));
  cluster.on('ready', () => log.info(about(), 'sharding: cluster connected'));
  cluster.on('death', (_, child) => {
    const { pid, exitCode, signalCode } = (child ?? {}) as Partial<ChildProcess>;
    const exit = { ...about(), childPid: pid, code: exitCode, signal: signalCode };
    if (state.stopping) return log.info(exit, 'sharding: cluster stopped');
    if (!state.started) {
      state.failure ??= `cluster ${cluster.id} exited while starting (code ${exitCode}, signal ${signalCode})`;
      log.error(exit, 'sharding: cluster exited while starting');
      // Whichever cluster is still starting is stopped too, so the start fails now rather than at its timeout.
      void stop();
      return;
    }
    // The library restarts it (now, with its own restart count) unless it has died too often.
    if (cluster.restarts.current < cluster.restarts.max) {
      log.warn({ ...exit, restarts: cluster.restarts.current + 1 }, 'sharding: cluster exited unexpectedly; restarting it');
      return;
    }
    log.error({ ...exit, restarts: cluster.restarts.current }, 'sharding: cluster keeps crashing; stopping every cluster');
    state.stopping = true;
    manager.respawn = false;
    void stop().finally(() => process.exit(1));
  });
  // Without a listener, a failed respawn would be thrown as an uncaught 'error' event.
  cluster.on('error', (err) => log.error({ err, ...about() }, 'sharding: cluster error'));
}

/** SIGTERM each cluster (they finish replies and digests in flight) and wait for them to exit. */
async function stopClusters(manager: ClusterManager): Promise<void> {
  manager.respawn = false;
  await Promise.all(
    [...manager.clusters.values()].map(async (cluster) => {
      const child = cluster.thread?.process as ChildProcess | null | undefined;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }),
  );
}

function onManagerShutdown(manager: ClusterManager, log: Logger, state: State): void {
  const stop = async (signal: NodeJS.Signals) => {
    if (state.stopping) return;
    state.stopping = true;
    log.info({ signal }, 'sharding: stopping every cluster');
    setTimeout(() => {
      log.warn('sharding: clusters took too long to stop; killing them');
      for (const cluster of manager.clusters.values()) (cluster.thread?.process as ChildProcess | null | undefined)?.kill('SIGKILL');
      process.exit(0);
    }, STOP_DEADLINE_MS).unref();
    try {
      await stopClusters(manager);
    } catch (err) {
      log.error({ err }, 'sharding: error while stopping clusters');
    }
    log.info('sharding: every cluster stopped');
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}
