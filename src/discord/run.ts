// The bot as `npm start` runs it: the loaded story, the database, the corpus watcher, the Discord client
// and the digest scheduler, started in that order and stopped in reverse. main.ts and the end-to-end
// tests both start it through runBot, so the tests exercise the wiring users get.
import { setTimeout as sleep } from 'node:timers/promises';
import { ShardClientUtil } from 'discord.js';
import { storyChangeHandler, watchCorpus, type CorpusWatcher, type FileBackedStory, type WatchCorpusOptions } from '../corpus/watch.js';
import { recordFirstSeen } from '../db/first-seen.js';
import type { Db } from '../db/open.js';
import { createDiscordDigest } from './digest-post.js';
import type { DigestMessage } from './digest-render.js';
import type { DigestScheduler, StartReport } from '../digest/scheduler.js';
import type { StoryEngine } from '../engine/engine.js';
import { Fetcher, type FetcherOptions } from '../intake/fetch.js';
import type { SharedCorpus } from '../intake/shared-corpus.js';
import { startBot, type Bot, type BotOptions } from './bot.js';
import { IntakeDesk } from './intake-desk.js';

/**
 * Intake in this process: /article, /feed, the review queue, and (where `poll` is set) the feed poller. The poller runs
 * once per machine, never once per shard: every shard of a process shares one desk, and under clusters only cluster 0
 * (the process holding this machine's first shards) polls; the other clusters still answer /article and /feed and
 * the review buttons of the servers they hold, through the same database and corpus folder.
 */
export interface RunIntakeOptions {
  /** EDITOR_GUILD_IDS. */
  editorGuildIds: readonly string[];
  /** FETCH_ALLOW_HOSTS. */
  fetchAllowHosts: readonly string[];
  /** FEED_POLL_MINUTES. */
  pollMinutes: number;
  /** Whether this process runs a feed poller (it polls while it holds the lease: one host at a time). Default true. */
  poll?: boolean;
  /** The feed poller's lease (FEED_LEASE_SECONDS × 1000). */
  feedLeaseMs?: number;
  /** Fetcher settings over the defaults (tests: a clock whose politeness waits take no time). */
  fetcher?: Partial<FetcherOptions>;
  /** How long a preview's buttons work (tests shorten it). */
  previewTimeoutMs?: number;
}

export interface RunBotOptions extends Omit<BotOptions, 'engine' | 'digest' | 'intake'> {
  /** The loaded story (loadStory's result): served, and updated in place by the watcher. */
  engine: StoryEngine & FileBackedStory;
  /** The folder the story was loaded from; watched for changes. */
  corpusDir: string;
  /** An open database; runBot owns it from here and closes it on stop (or when starting fails). */
  db: Db;
  /**
   * Several hosts (DATABASE_URL): the articles shared through the database, already reconciled with the folder. The
   * watcher publishes this host's changes through it, and it writes other hosts' changes into the folder.
   */
  shared?: SharedCorpus | null;
  /** Watcher timings (tests shorten them). */
  watch?: Omit<WatchCorpusOptions, 'recordFirstSeen' | 'log'>;
  /** At shutdown, how long a digest being posted may take to finish. Default 2 s. */
  digestGraceMs?: number;
  /** Adding articles from links and feeds; without it /article and /feed say they are unavailable. */
  intake?: RunIntakeOptions;
}

export interface RunningBot {
  bot: Bot;
  digest: DigestScheduler<DigestMessage>;
  watcher: CorpusWatcher;
  /** /article, /feed and the review queue; null without `intake`. */
  intake: IntakeDesk | null;
  /** Settles once today's missed digests are caught up and every server is scheduled; failures are logged, never thrown. */
  digestStarted: Promise<StartReport | null>;
  /** Scheduler, then a digest in flight, then intake, then the watcher, then the client (replies in flight get `graceMs`), then the database. */
  stop(graceMs?: number): Promise<void>;
}

/** What ownsGuild reads of a client (a discord.js Client has all of it). */
export interface GuildHolder {
  /** Set under discord.js's ShardingManager: the shards of this process and the total. */
  shard?: { ids: readonly number[]; count: number } | null;
  /** The Client's own shard list and total (internal sharding; [0] of 1 when not sharded). */
  options?: { shards?: unknown; shardCount?: number };
  guilds?: { cache: { has(id: string): boolean } };
}

/**
 * Whether this process holds a server, and so posts its digest. Discord sends a server's events to shard
 * `(guild_id >> 22) % shard_count` only: a server is held when it is in this client's cache (it came on one of its
 * shards) or when its shard is one of this client's shards (its GUILD_CREATE may not have arrived yet).
 */
export function ownsGuild(client: GuildHolder, guildId: string): boolean {
  if (client.guilds?.cache.has(guildId)) return true;
  const shards = client.options?.shards;
  const ids = client.shard?.ids ?? (Array.isArray(shards) ? (shards as number[]) : null);
  const count = client.shard?.count ?? client.options?.shardCount;
  if (!ids || !count) return true;
  return ids.includes(ShardClientUtil.shardIdForGuildId(guildId, count));
}

export async function runBot(options: RunBotOptions): Promise<RunningBot> {
  const { engine, db, log } = options;
  let watcher: CorpusWatcher | null = null;
  let bot: Bot | null = null;
  let intake: IntakeDesk | null = null;
  try {
    const firstSeen = await recordFirstSeen(db, engine.articles().map((a) => a.id));
    if (firstSeen.length > 0) log.info({ articles: firstSeen.length }, 'digest: recorded articles seen for the first time');
    const handler = options.shared ? options.shared.handler(storyChangeHandler(engine)) : storyChangeHandler(engine);
    watcher = await watchCorpus(options.corpusDir, handler, {
      ...options.watch,
      // The watcher does not wait: a failed write is logged (the article then counts as new from its date).
      recordFirstSeen: (id, at) =>
        void recordFirstSeen(db, [id], at).catch((err: unknown) => log.error({ err, articleId: id }, 'digest: could not record when an article was first seen')),
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
    intake = options.intake ? intakeDesk(options, options.intake, () => bot?.client ?? null) : null;
    bot = await startBot({ ...options, digest, intake: intake ?? undefined });
    await intake?.start();
    options.shared?.start();
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
    return running(bot, digest, watcher, intake, digestStarted, options);
  } catch (error) {
    await intake?.stop().catch(() => {});
    await watcher?.close().catch(() => {});
    await options.shared?.stop().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
}

function intakeDesk(options: RunBotOptions, intake: RunIntakeOptions, client: () => Bot['client'] | null): IntakeDesk {
  return new IntakeDesk({
    db: options.db,
    corpusDir: options.corpusDir,
    story: options.engine,
    fetcher: new Fetcher({ allowHosts: new Set(intake.fetchAllowHosts), ...intake.fetcher }),
    editorGuildIds: intake.editorGuildIds,
    pollMinutes: intake.pollMinutes,
    poll: intake.poll ?? true,
    feedLeaseMs: intake.feedLeaseMs,
    client,
    log: options.log,
    previewTimeoutMs: intake.previewTimeoutMs,
  });
}

function running(
  bot: Bot,
  digest: DigestScheduler<DigestMessage>,
  watcher: CorpusWatcher,
  intake: IntakeDesk | null,
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
    intake,
    digestStarted,
    stop(graceMs) {
      stopping ??= (async () => {
        digest.stop();
        // A digest being posted is given a moment; if it is cut off, its 'sending' row is resolved at the next start.
        await step('digest', () => Promise.race([digest.idle(), sleep(options.digestGraceMs ?? 2_000, undefined, { ref: false })]));
        // A poll under way finishes (each item is recorded before it is processed, so a cut one resumes at the next start).
        await step('intake', () => Promise.race([intake?.stop(), sleep(options.digestGraceMs ?? 2_000, undefined, { ref: false })]));
        await step('corpus watcher', () => watcher.close());
        await step('shared corpus', () => options.shared?.stop());
        await step('Discord client', () => bot.stop(graceMs));
        await step('database', () => db.close());
      })();
      return stopping;
    },
  };
}
