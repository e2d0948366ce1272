// `npm start`: the Discord bot when DISCORD_TOKEN is set, else the offline console on stdin/stdout.
// With SHARD_COUNT set, this process is the sharding manager and each shard runs this same file as a child.
// The corpus and its index are loaded before login, so the first interaction can be answered.
// Heavy modules (discord.js, the engine, SQLite) are imported only once the configuration is known to be good.
import { ConfigError, describeConfig, loadConfig, type Config } from './config.js';
import type { RunningBot } from './discord/run.js';
import { createLogger, type Logger } from './log.js';

/** SIGTERM/SIGINT: in-flight replies get this long before the client is destroyed (exit is due within 10 s). */
const SHUTDOWN_GRACE_MS = 6_000;
/** A digest being posted at SIGTERM gets this long (before the replies' grace starts). */
const DIGEST_GRACE_MS = 2_000;
const SHUTDOWN_DEADLINE_MS = 9_500;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

/** discord.js's ShardingManager starts each shard with SHARDING_MANAGER and SHARDS (its id) set. */
function shardChildId(): number | null {
  return process.env.SHARDING_MANAGER ? Number(process.env.SHARDS) : null;
}

async function main(): Promise<void> {
  const config = readConfig();
  const shardId = shardChildId();
  const rootLog = createLogger({ level: config.logLevel });
  const log = shardId === null ? rootLog : rootLog.child({ shard: shardId });
  keepAlive(log);

  if (!config.discordToken) return runOffline(config, log);
  if (config.shardCount !== null && shardId === null) {
    const { runShardManager } = await import('./discord/shard.js');
    return runShardManager(config, log);
  }
  return runDiscordBot(config, config.discordToken, log);
}

/** The bot in this process: alone, or as one shard under the manager. */
async function runDiscordBot(config: Config, token: string, log: Logger): Promise<void> {
  let running: RunningBot | null = null;
  onShutdown(log, () => running);

  log.info({ config: describeConfig(config) }, 'starting storydesk');
  // discord.js loads while the corpus does; login waits for both.
  const runModule = import('./discord/run.js');
  runModule.catch(() => {}); // awaited below; this only stops an early failure counting as unhandled
  // The database first: a corrupt or read-only file is one clear error now, not a crash at the first digest.
  const db = await openDatabaseOrExit(config.databasePath);
  const { loadStory } = await import('./engine/story.js');
  const { firstSeenTimes } = await import('./db/first-seen.js');
  const engine = await loadStory({ corpusDir: config.corpusDir, log: (level, message) => log[level](message), firstSeen: firstSeenTimes(db) });

  const { runBot } = await runModule;
  running = await runBot({
    token,
    engine,
    log,
    db,
    corpusDir: config.corpusDir,
    apiBase: config.apiBase,
    cooldown: { windowSeconds: config.askCooldownSeconds, burst: config.askCooldownBurst },
    pageTimeoutSeconds: config.pageTimeoutSeconds,
    digestGraceMs: DIGEST_GRACE_MS,
  });
}

async function openDatabaseOrExit(file: string) {
  const { DatabaseOpenError, openDatabase } = await import('./db/open.js');
  try {
    return openDatabase(file);
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** No token: the console, with the corpus still reloading live (no database: there is no digest offline). */
async function runOffline(config: Config, log: Logger): Promise<void> {
  log.info({ config: describeConfig(config) }, 'starting storydesk');
  // Offline there is no digest and so no database, but a DATABASE_PATH that can never work is said now, not later.
  const { DatabaseOpenError, databasePathProblem } = await import('./db/open.js');
  const dbProblem = databasePathProblem(config.databasePath);
  if (dbProblem) throw new DatabaseOpenError(config.databasePath, dbProblem);
  const { loadStory } = await import('./engine/story.js');
  const engine = await loadStory({ corpusDir: config.corpusDir, log: (level, message) => log[level](message) });
  if (engine.articles().length === 0) {
    process.stdout.write(`The corpus folder ${config.corpusDir} holds no articles yet: add Markdown article files to it (see the README).\n`);
  }
  const { storyChangeHandler, watchCorpus } = await import('./corpus/watch.js');
  const watcher = await watchCorpus(config.corpusDir, storyChangeHandler(engine), { log: (level, message) => log[level](message) });
  log.info('DISCORD_TOKEN is not set: running the offline console');
  const { runConsole } = await import('./console.js');
  await runConsole(engine, process.stdin, process.stdout);
  await watcher.close();
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
  // A shard whose manager is gone (killed, crashed) stops too, rather than running on unsupervised.
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
  process.exit(1);
});

/** One line for a failed start: the message when it explains itself, with the "storydesk:" prefix once. */
export function startFailure(error: unknown): string {
  if (error instanceof Error && EXPLAINED.has(error.name)) return error.message.startsWith('storydesk:') ? error.message : `storydesk: ${error.message}`;
  return `storydesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
