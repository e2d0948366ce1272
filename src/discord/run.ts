// The bot as `npm start` runs it: the loaded story, the database, the corpus watcher, the Discord client
// and the digest scheduler, started in that order and stopped in reverse. main.ts and the end-to-end
// tests both start it through runBot, so the tests exercise the wiring users get.
import { setTimeout as sleep } from 'node:timers/promises';
import { ShardClientUtil, type Client } from 'discord.js';
import { storyChangeHandler, watchCorpus, type CorpusWatcher, type FileBackedStory, type WatchCorpusOptions } from '../corpus/watch.js';
import { recordFirstSeen } from '../db/first-seen.js';
import type { Db } from '../db/open.js';
import { createDiscordDigest } from './digest-post.js';
import type { DigestMessage } from './digest-render.js';
import type { DigestScheduler, StartReport } from '../digest/scheduler.js';
import type { StoryEngine } from '../engine/engine.js';
import { startBot, type Bot, type BotOptions } from './bot.js';

export interface RunBotOptions extends Omit<BotOptions, 'engine' | 'digest'> {
  /** The loaded story (loadStory's result): served, and updated in place by the watcher. */
  engine: StoryEngine & FileBackedStory;
  /** The folder the story was loaded from; watched for changes. */
  corpusDir: string;
  /** An open database; runBot owns it from here and closes it on stop (or when starting fails). */
  db: Db;
  /** Watcher timings (tests shorten them). */
  watch?: Omit<WatchCorpusOptions, 'recordFirstSeen' | 'log'>;
  /** At shutdown, how long a digest being posted may take to finish. Default 2 s. */
  digestGraceMs?: number;
}

export interface RunningBot {
  bot: Bot;
  digest: DigestScheduler<DigestMessage>;
  watcher: CorpusWatcher;
  /** Settles once today's missed digests are caught up and every server is scheduled; failures are logged, never thrown. */
  digestStarted: Promise<StartReport | null>;
  /** Scheduler, then a digest in flight, then the watcher, then the client (replies in flight get `graceMs`), then the database. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Whether this process holds a server. Under discord.js's ShardingManager a process runs some shards
 * and Discord sends a server's events to shard `(guild_id >> 22) % shard_count` only; without it, one
 * process holds every server.
 */
export function ownsGuild(client: Pick<Client, 'shard'>, guildId: string): boolean {
  const shard = client.shard;
  if (!shard) return true;
  return shard.ids.includes(ShardClientUtil.shardIdForGuildId(guildId, shard.count));
}

export async function runBot(options: RunBotOptions): Promise<RunningBot> {
  const { engine, db, log } = options;
  const firstSeen = recordFirstSeen(db, engine.articles().map((a) => a.id));
  if (firstSeen.length > 0) log.info({ articles: firstSeen.length }, 'digest: recorded articles seen for the first time');

  let watcher: CorpusWatcher | null = null;
  let bot: Bot | null = null;
  try {
    watcher = await watchCorpus(options.corpusDir, storyChangeHandler(engine), {
      ...options.watch,
      recordFirstSeen: (id, at) => recordFirstSeen(db, [id], at),
      log: (level, message) => log[level](message),
    });
    log.info({ corpusDir: options.corpusDir }, 'watching the corpus for changes');
    const digest = createDiscordDigest({
      db,
      // The scheduler exists before login (the commands need it); it posts only once started, after ready.
      client: () => bot!.client,
      engine: () => engine,
      log,
      owns: (guildId) => (bot ? ownsGuild(bot.client, guildId) : false),
    });
    bot = await startBot({ ...options, digest });
    const digestStarted = digest.start().then(
      (report) => {
        log.info({ scheduled: report.scheduled, caughtUp: report.caughtUp, missed: report.missed.length }, 'digest: scheduler started');
        return report;
      },
      (err: unknown) => {
        log.error({ err }, 'digest: the scheduler failed to start');
        return null;
      },
    );
    return running(bot, digest, watcher, digestStarted, options);
  } catch (error) {
    await watcher?.close().catch(() => {});
    db.close();
    throw error;
  }
}

function running(
  bot: Bot,
  digest: DigestScheduler<DigestMessage>,
  watcher: CorpusWatcher,
  digestStarted: Promise<StartReport | null>,
  options: RunBotOptions,
): RunningBot {
  const { log, db } = options;
  let stopping: Promise<void> | null = null;
  const step = async (what: string, work: () => unknown) => {
    try {
      await work();
    } catch (err) {
      log.error({ err }, `error while stopping: ${what}`);
    }
  };
  return {
    bot,
    digest,
    watcher,
    digestStarted,
    stop(graceMs) {
      stopping ??= (async () => {
        digest.stop();
        // A digest being posted is given a moment; if it is cut off, its 'sending' row is resolved at the next start.
        await step('digest', () => Promise.race([digest.idle(), sleep(options.digestGraceMs ?? 2_000, undefined, { ref: false })]));
        await step('corpus watcher', () => watcher.close());
        await step('Discord client', () => bot.stop(graceMs));
        await step('database', () => db.close());
      })();
      return stopping;
    },
  };
}
