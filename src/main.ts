// `npm start`: the Discord bot when DISCORD_TOKEN is set, else the offline console on stdin/stdout.
// With SHARD_COUNT set, every shard this machine runs (SHARD_LIST) is in this process, in one discord.js Client
// (internal sharding), so the story is loaded once; with SHARDS_PER_CLUSTER, this process is the cluster manager and
// each cluster runs this same file as a child holding some of the shards (src/discord/cluster.ts).
// The corpus and its index are loaded before login, so the first interaction can be answered.
// Heavy modules (discord.js, the engine, SQLite) are imported only once the configuration is known to be good.
import { ConfigError, describeConfig, loadConfig, readEnvFile, type Config } from './config.js';
import type { RunningBot } from './discord/run.js';
import { loginTimeoutFor, shardsPerClusterFrom } from './discord/shard.js';
import { createLogger, type Logger } from './log.js';

/** SIGTERM/SIGINT: in-flight replies get this long before the client is destroyed (exit is due within 10 s). */
const SHUTDOWN_GRACE_MS = 6_000;
/** A digest being posted at SIGTERM gets this long (before the replies' grace starts). */
const DIGEST_GRACE_MS = 2_000;
const SHUTDOWN_DEADLINE_MS = 9_500;

/** The configuration, and SHARDS_PER_CLUSTER (read beside it, from the environment over `.env`). */
function readConfig(): Config & { shardsPerCluster: number | null } {
  try {
    const config = loadConfig();
    const env = { ...readEnvFile('.env'), ...Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) };
    return { ...config, shardsPerCluster: shardsPerClusterFrom(env) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

/** The shards this process's Client holds, when sharded. */
interface Sharding {
  shards: number[];
  shardCount: number;
  loginTimeoutMs: number;
  /** Called once every shard is connected (a cluster tells its manager). */
  onReady?: (running: RunningBot) => void;
  /** Whether this process polls feeds and posts review cards: once per machine, so only cluster 0 does. Default true. */
  poll?: boolean;
}

async function main(): Promise<void> {
  const config = readConfig();
  // A cluster forked by the cluster manager (CLUSTER_MANAGER and an IPC channel): it runs the shards it is given.
  const cluster = process.env.CLUSTER_MANAGER === 'true' && process.send ? (await import('./discord/cluster.js')).clusterChild() : null;
  const rootLog = createLogger({ level: config.logLevel });
  const log = cluster === null ? rootLog : rootLog.child({ cluster: cluster.id });
  keepAlive(log);

  if (!config.discordToken) return runOffline(config, log);
  const token = config.discordToken;
  if (config.shardCount === null) return runDiscordBot(config, token, log);
  if (cluster !== null) {
    const { reportClusterReady } = await import('./discord/cluster.js');
    return runDiscordBot(config, token, log, {
      shards: cluster.shards,
      shardCount: cluster.totalShards,
      loginTimeoutMs: loginTimeoutFor(cluster.shards.length),
      onReady: (running) => reportClusterReady(running.bot.client),
      // One feed poller per machine: the cluster holding its first shards.
      poll: cluster.id === 0,
    });
  }
  const { fetchGatewayInfo, planShards } = await import('./discord/shard.js');
  // Asked first: a refused token is one clear line before anything is loaded.
  const gateway = await fetchGatewayInfo(token, config.apiBase);
  const plan = planShards(config, gateway);
  if (plan.totalShards < gateway.shards) {
    log.warn({ totalShards: plan.totalShards, recommended: gateway.shards }, 'sharding: fewer shards than Discord recommends');
  }
  if (plan.clusters.length > 1) {
    const { runClusterManager } = await import('./discord/cluster.js');
    return runClusterManager(config, plan, log);
  }
  // discord.js reads SHARD_COUNT from the environment when the count equals its default; auto must not reach it.
  process.env.SHARD_COUNT = String(plan.totalShards);
  log.info({ totalShards: plan.totalShards, shards: plan.shardList, maxConcurrency: plan.maxConcurrency, recommended: gateway.shards }, 'sharding: every shard in this process');
  return runDiscordBot(config, token, log, { shards: plan.shardList, shardCount: plan.totalShards, loginTimeoutMs: plan.loginTimeoutMs });
}

/** The bot in this process: alone, with every shard of this machine, or as one cluster under the manager. */
async function runDiscordBot(config: Config, token: string, log: Logger, sharding?: Sharding): Promise<void> {
  let running: RunningBot | null = null;
  onShutdown(log, () => running);

  log.info({ config: describeConfig(config) }, 'starting storydesk');
  // discord.js loads while the corpus does; login waits for both.
  const runModule = import('./discord/run.js');
  runModule.catch(() => {}); // awaited below; this only stops an early failure counting as unhandled
  // The database first: a corrupt or read-only file, or a server that can't be reached, is one clear error now.
  const db = await openDatabaseOrExit(config, log);
  // Several hosts (DATABASE_URL): the folder is brought up to date with the database before the story loads.
  let shared: import('./intake/shared-corpus.js').SharedCorpus | null = null;
  if (config.databaseUrl) {
    const { SharedCorpus } = await import('./intake/shared-corpus.js');
    shared = new SharedCorpus({ store: db, corpusDir: config.corpusDir, log, onArrived: (id) => void running?.intake?.announceArticle(id) });
    const synced = await shared.reconcile();
    log.info(synced, 'shared corpus: the folder is up to date with the database');
  }
  const { loadStory } = await import('./engine/story.js');
  const { firstSeenTimes } = await import('./db/first-seen.js');
  const engine = await loadStory({ corpusDir: config.corpusDir, log: (level, message) => log[level](message), firstSeen: await firstSeenTimes(db) });

  const { runBot } = await runModule;
  running = await runBot({
    token,
    engine,
    log,
    db,
    shared,
    corpusDir: config.corpusDir,
    apiBase: config.apiBase,
    cooldown: { windowSeconds: config.askCooldownSeconds, burst: config.askCooldownBurst },
    pageTimeoutSeconds: config.pageTimeoutSeconds,
    digestGraceMs: DIGEST_GRACE_MS,
    intake: {
      editorGuildIds: config.editorGuildIds,
      fetchAllowHosts: config.fetchAllowHosts,
      pollMinutes: config.feedPollMinutes,
      feedLeaseMs: config.feedLeaseSeconds * 1000,
      poll: sharding?.poll ?? true,
    },
    ...(sharding ? { clientOptions: { shards: sharding.shards, shardCount: sharding.shardCount }, loginTimeoutMs: sharding.loginTimeoutMs } : {}),
  });
  sharding?.onReady?.(running);
}

async function openDatabaseOrExit(config: Config, log: Logger) {
  const { DatabaseOpenError } = await import('./db/open.js');
  const { DATABASE_EXIT_CODE, openStore } = await import('./db/connect.js');
  try {
    return await openStore(config, { onError: (message, err) => log.warn({ err }, `database: ${message}`) });
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(DATABASE_EXIT_CODE);
  }
}

/**
 * No token: the console, with the corpus still reloading live (no digest offline; the SQLite database only for /feed).
 * With DATABASE_URL the console works on the shared story: its folder is brought up to date first, and an article it
 * adds or removes reaches the hosts.
 */
async function runOffline(config: Config, log: Logger): Promise<void> {
  log.info({ config: describeConfig(config) }, 'starting storydesk');
  // Offline there is no digest and so no SQLite database, but a DATABASE_PATH that can never work is said now, not later.
  const { DatabaseOpenError, databasePathProblem, openDatabase } = await import('./db/open.js');
  const dbProblem = config.databaseUrl ? null : databasePathProblem(config.databasePath);
  if (dbProblem) throw new DatabaseOpenError(config.databasePath, dbProblem);
  const sharedDb = config.databaseUrl ? await openDatabaseOrExit(config, log) : null;
  let shared: import('./intake/shared-corpus.js').SharedCorpus | null = null;
  if (sharedDb) {
    const { SharedCorpus } = await import('./intake/shared-corpus.js');
    shared = new SharedCorpus({ store: sharedDb, corpusDir: config.corpusDir, log });
    log.info(await shared.reconcile(), 'shared corpus: the folder is up to date with the database');
  }
  const { loadStory } = await import('./engine/story.js');
  const engine = await loadStory({ corpusDir: config.corpusDir, log: (level, message) => log[level](message) });
  if (engine.articles().length === 0) {
    process.stdout.write(`The corpus folder ${config.corpusDir} holds no articles yet: add Markdown article files to it (see the README).\n`);
  }
  const { storyChangeHandler, watchCorpus } = await import('./corpus/watch.js');
  const handler = shared ? shared.handler(storyChangeHandler(engine)) : storyChangeHandler(engine);
  const watcher = await watchCorpus(config.corpusDir, handler, { log: (level, message) => log[level](message) });
  shared?.start();
  log.info('DISCORD_TOKEN is not set: running the offline console');
  const { runConsole } = await import('./console.js');
  // /article and /feed: the SQLite database is opened only when a /feed command needs it.
  const { IntakeConsole } = await import('./intake-console.js');
  const { Fetcher } = await import('./intake/fetch.js');
  const intake = new IntakeConsole({
    corpusDir: config.corpusDir,
    story: engine,
    fetcher: new Fetcher({ allowHosts: new Set(config.fetchAllowHosts) }),
    openDb: sharedDb ? () => sharedDb : () => openDatabase(config.databasePath),
    pollMinutes: config.feedPollMinutes,
  });
  await runConsole(engine, process.stdin, process.stdout, undefined, intake);
  await watcher.close();
  await shared?.stop();
  await intake.close();
  await sharedDb?.close();
  process.exit(0);
}

/** Stops cleanly once, whatever state startup is in, and always exits 0 before the deadline. */
function onShutdown(log: Logger, current: () => RunningBot | null): void {
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal: reason }, 'shutting down');
    setTimeout(() => {
      log.warn('shutdown took too long; exiting anyway');
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS).unref();
    try {
      await current()?.stop(SHUTDOWN_GRACE_MS);
    } catch (err) {
      log.error({ err }, 'error while shutting down');
    }
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
  // A cluster whose manager is gone (killed, crashed) stops too, rather than running on unsupervised.
  if (process.send) process.on('disconnect', () => void stop('manager gone'));
}

/** A stray rejection or exception is logged; it must not take the bot down. */
function keepAlive(log: Logger): void {
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception'));
}

/** Failures whose message says everything (a refused token under sharding, a missing corpus folder): no stack trace. */
const EXPLAINED = new Set(['ShardingError', 'CorpusFolderError', 'DatabaseOpenError', 'DiscordUnreachableError']);

main().catch((error: unknown) => {
  process.stderr.write(`${startFailure(error)}\n`);
  // 3: the database can't be used (DATABASE_EXIT_CODE in db/connect.ts, not imported here: it loads the drivers).
  process.exit(error instanceof Error && error.name === 'DatabaseOpenError' ? 3 : 1);
});

/** One line for a failed start: the message when it explains itself, with the "storydesk:" prefix once. */
export function startFailure(error: unknown): string {
  if (error instanceof Error && EXPLAINED.has(error.name)) return error.message.startsWith('storydesk:') ? error.message : `storydesk: ${error.message}`;
  return `storydesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
