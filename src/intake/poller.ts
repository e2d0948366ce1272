// Following feeds: each feed is polled every FEED_POLL_MINUTES (with jitter), conditionally, politely (robots.txt,
// Retry-After), backing off on failure up to 6 h and pausing after 3 days of failures. Every item is recorded before
// anything is done with it, so each is processed exactly once across restarts, and an item still in the feed after
// downtime is processed then. What becomes of an item is feed-items.ts's; the review queue's decisions are
// review-queue.ts's; finding the feed a URL names is find-feed.ts's.
//
// Several hosts may share one database (Postgres): every host may run a poller, but only the one holding the
// 'feed-poller' lease (poller-lease.ts) polls on its schedule, and it stops taking items the moment it loses it. When
// the holder dies another takes over once the lease expires (within one lease period). Claims, not the lease, keep
// each item processed once: a new item is claimed by one INSERT, an item left pending is retried only under a per-item
// lease, so two pollers that both believe they hold the lease (or a person's `feed poll` meanwhile) still never
// process one item twice.
import { randomBytes } from 'node:crypto';
import { dueFeeds, findFeedByUrl, getFeed, insertFeed, listFeeds, markItemsSeen, nextPollTime, recordPollCut, recordPollFailure, recordPollSuccess, removeFeed as removeFeedIn, type FeedMode, type FeedRecord } from '../db/feeds.js';
import type { ReviewCard } from '../db/review.js';
import type { Db } from '../db/open.js';
import { FeedError, parseFeed, type ParsedFeed } from './feed.js';
import { FeedItems, itemInput, type AddedArticle, type ItemReport, type StoryNames } from './feed-items.js';
import { FetchError, seconds } from './fetch-error.js';
import type { FetchResult } from './fetch-result.js';
import { FilterSyntaxError, storyFilter } from './filter.js';
import { findFeed, type FeedFetcher } from './find-feed.js';
import { PollerLease, type PollerLog, type Timers } from './poller-lease.js';
import { ReviewQueue, type DecisionResult } from './review-queue.js';
import { oneLine, safeUrlKey, unprefixed, type IntakeService } from './service.js';
import { backoffMs, pollIntervalMs, shouldPause, withJitter } from './schedule.js';

export {
  FEED_POLL_MINUTES_DEFAULT,
  FEED_POLL_MINUTES_MIN,
  MAX_BACKOFF_MS,
  PAUSE_AFTER_MS,
} from './schedule.js';
export { FEED_LEASE_NAME, FEED_LEASE_SECONDS_DEFAULT, type Timers } from './poller-lease.js';
export {
  ITEM_CLAIM_MS,
  MAX_ITEM_ATTEMPTS,
  storyNames,
  type AddedArticle,
  type ItemReport,
  type StoryNames,
} from './feed-items.js';
export type { FeedFetcher } from './find-feed.js';
export type { DecisionResult } from './review-queue.js';

export interface PollerOptions {
  db: Db;
  service: IntakeService;
  fetcher: FeedFetcher;
  story: StoryNames;
  /** Minutes between polls; below FEED_POLL_MINUTES_MIN counts as the minimum. Default 15. */
  pollMinutes?: number;
  /** Milliseconds since the epoch; injected in tests. */
  clock?: { now(): number };
  /** 0 ≤ x < 1, for jitter; injected in tests. */
  random?: () => number;
  /** For `start()`; injected in tests. */
  timers?: Timers;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** The feed-poller lease's period in ms (FEED_LEASE_SECONDS); renewed every third of it. Default 30 s. */
  leaseMs?: number;
  /** A card was queued: the Discord side posts it (`cardsToPost`, `claimCardPost`, `markCardPosted`). */
  onCard?: (card: ReviewCard) => void | Promise<void>;
  /** An article was added from a feed (auto mode or an approved card): the Discord side may announce it. */
  onAdded?: (added: AddedArticle) => void | Promise<void>;
}

export interface AddFeedOptions {
  /** The story filter expression; empty or absent: the default "names the story" test. */
  match?: string | null;
  /** Default review. */
  mode?: FeedMode;
  /** Process the feed's current items now, instead of only marking them seen. */
  backfill?: boolean;
  /** `discord:<guild>/<user>` or `cli`. */
  addedBy: string;
}

export type AddFeedResult =
  | {
      ok: true;
      source: string;
      feed: FeedRecord;
      /** The page the feed was found on, when the URL given was a page. */
      discoveredFrom: string | null;
      /** Items marked seen (not processed); 0 with backfill. */
      seen: number;
      /** With backfill: what became of each item. */
      items: ItemReport[];
    }
  | { ok: false; source: string; error: string };

export type PollStatus = 'ok' | 'not-modified' | 'failed' | 'retry-later' | 'gone';

export interface FeedPollReport {
  feed: FeedRecord;
  status: PollStatus;
  /** One line, for a failed poll; null otherwise. */
  error: string | null;
  /** What became of each new (or still pending) item. */
  items: ItemReport[];
}

export class FeedPoller {
  private readonly db: Db;
  private readonly fetcher: FeedFetcher;
  private readonly intervalMs: number;
  private readonly clock: { now(): number };
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly log: PollerLog;
  private readonly inFlight = new Map<number, Promise<FeedPollReport>>();
  /** The feed-poller lease: this host polls on its schedule only while it holds it. */
  private readonly lease: PollerLease;
  /** What becomes of each item read. */
  private readonly items: FeedItems;
  /** The review queue's decisions. */
  private readonly reviews: ReviewQueue;
  private timer: unknown = null;
  /** When the pending poll wake-up is due (ms), to bring it forward on taking the lease over. */
  private timerDue = 0;
  private running = false;
  private ticking: Promise<unknown> = Promise.resolve();

  constructor(options: PollerOptions) {
    this.db = options.db;
    this.fetcher = options.fetcher;
    this.intervalMs = pollIntervalMs(options.pollMinutes);
    this.clock = options.clock ?? { now: () => Date.now() };
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    };
    this.log = options.log ?? (() => {});
    const now = () => this.now();
    this.lease = new PollerLease({
      db: this.db,
      leaseMs: options.leaseMs,
      clock: this.clock,
      timers: this.timers,
      log: this.log,
      onTaken: () => this.wakeNow(),
    });
    this.items = new FeedItems({
      db: this.db,
      service: options.service,
      story: options.story,
      // Who holds an item's claim: this poller object (unique per process start).
      holder: `${this.db.hostId}#${randomBytes(3).toString('hex')}`,
      now,
      log: this.log,
      onCard: options.onCard,
      onAdded: options.onAdded,
    });
    this.reviews = new ReviewQueue({ db: this.db, service: options.service, now, log: this.log, onAdded: options.onAdded });
  }

  // ── following feeds ──

  /**
   * Follows a feed: fetches `input` (a feed, or a page whose advertised feed is used), reads it, records it, and marks
   * its current items seen (or, with backfill, processes them now). Never throws for bad input.
   */
  async addFeed(input: string, options: AddFeedOptions): Promise<AddFeedResult> {
    const source = input;
    const fail = (error: string): AddFeedResult => ({ ok: false, source, error: oneLine(error) });
    const match = options.match?.trim() ? options.match.trim() : null;
    if (match) {
      try {
        storyFilter(match, []);
      } catch (error) {
        if (error instanceof FilterSyntaxError) return fail(unprefixed(error.message));
        throw error;
      }
    }
    const mode = options.mode ?? 'review';
    if (mode !== 'review' && mode !== 'auto')
      return fail(`mode must be review or auto, not "${String(mode)}"`);
    const found = await findFeed(this.fetcher, input.trim());
    if (!found.ok) return fail(found.error);
    const { url, parsed, etag, lastModified, discoveredFrom } = found;
    const existing = await this.followedAs(url);
    if (existing) return fail(`already following ${existing.url} (feed ${existing.id})`);
    const now = this.now();
    const feed = await insertFeed(
      this.db,
      {
        url,
        title: parsed.title || null,
        pageUrl: discoveredFrom,
        match,
        mode,
        addedBy: options.addedBy,
        etag,
        lastModified,
        nextPollAt: this.after(this.intervalMs),
      },
      now,
    );
    this.log('info', `intake: following ${url} (feed ${feed.id}, ${mode}${match ? `, match ${match}` : ''})`);
    if (!options.backfill) {
      const seen = await markItemsSeen(this.db, feed.id, parsed.items.map(itemInput), now);
      return { ok: true, source, feed: (await getFeed(this.db, feed.id)) ?? feed, discoveredFrom, seen, items: [] };
    }
    const { reports: items } = await this.items.process(feed, parsed.items, ALWAYS);
    return { ok: true, source, feed: (await getFeed(this.db, feed.id)) ?? feed, discoveredFrom, seen: 0, items };
  }

  /** Stops following a feed (by id or URL); false when no such feed is followed. */
  async removeFeed(idOrUrl: number | string): Promise<FeedRecord | null> {
    const feed = await this.findFeed_(idOrUrl);
    if (!feed) return null;
    await removeFeedIn(this.db, feed.id);
    return feed;
  }

  /** Every feed followed, with its state. */
  feeds(): Promise<FeedRecord[]> {
    return listFeeds(this.db);
  }

  /** A followed feed by id, by URL, or by the URL of the page it was found on. */
  feed(idOrUrl: number | string): Promise<FeedRecord | null> {
    return this.findFeed_(idOrUrl);
  }

  // ── polling ──

  /**
   * Polls every feed once now, paused ones too (a poll that works lifts the pause). Asked for by a person: it does
   * not wait for the lease (the items' claims still keep each item processed once).
   */
  async pollAll(): Promise<FeedPollReport[]> {
    const reports: FeedPollReport[] = [];
    for (const feed of await listFeeds(this.db)) reports.push(await this.pollFeed(feed.id));
    return reports;
  }

  /** Polls the feeds that are due (not paused), now, lease or not. */
  pollDue(): Promise<FeedPollReport[]> {
    return this.pollDueWhile(ALWAYS);
  }

  /** Polls one feed now (one poll at a time per feed: a second call shares the first's result). */
  pollFeed(id: number): Promise<FeedPollReport> {
    return this.pollFeedWhile(id, ALWAYS);
  }

  private async pollDueWhile(mayWork: () => boolean): Promise<FeedPollReport[]> {
    const reports: FeedPollReport[] = [];
    for (const feed of await dueFeeds(this.db, this.now())) {
      if (!mayWork()) break;
      reports.push(await this.pollFeedWhile(feed.id, mayWork));
    }
    return reports;
  }

  private pollFeedWhile(id: number, mayWork: () => boolean): Promise<FeedPollReport> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const poll = this.pollOnce(id, mayWork).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, poll);
    return poll;
  }

  /**
   * Polls due feeds from now on while this host holds the feed-poller lease, waking when the next one is due (at
   * least every minute, to see new feeds); takes and renews the lease every third of its period.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.lease.start();
    this.schedule(0);
  }

  /** Whether this poller holds the feed-poller lease now (and so polls on its schedule). */
  holdsLease(): boolean {
    return this.running && this.lease.holds();
  }

  /** Resolves when the poll under way (started by the schedule) has finished and the next one is scheduled. */
  async idle(): Promise<void> {
    await this.lease.settled();
    await this.ticking.catch(() => undefined);
  }

  /** Stops polling and renewing; resolves when a poll under way has finished, with the lease given up. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.lease.stop();
    await this.lease.settled();
    await this.ticking.catch(() => undefined);
    await this.lease.release();
  }

  /** On taking the lease over: poll now rather than at the next wake-up (up to a minute away). */
  private wakeNow(): void {
    if (this.timer === null || this.timerDue <= this.clock.now()) return;
    this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.timerDue = this.clock.now() + ms;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.ticking = this.tick()
        .catch((error: unknown) => this.log('error', `intake: polling failed: ${(error as Error).message}`))
        .then(() => this.nextWait())
        .then((wait) => this.schedule(wait));
    }, ms);
  }

  /** A scheduled poll: only while this host holds the lease, and it stops taking items the moment it no longer does. */
  private async tick(): Promise<void> {
    await this.lease.settled();
    if (!this.holdsLease()) return;
    await this.pollDueWhile(() => this.holdsLease());
  }

  private async nextWait(): Promise<number> {
    if (!this.running) return 60_000;
    try {
      const next = await nextPollTime(this.db);
      return next === null ? 60_000 : Math.min(60_000, Math.max(1_000, next.getTime() - this.clock.now()));
    } catch (error) {
      this.log('error', `intake: could not read when the next feed is due: ${(error as Error).message}`);
      return 60_000;
    }
  }

  private async pollOnce(id: number, mayWork: () => boolean): Promise<FeedPollReport> {
    const feed = await getFeed(this.db, id);
    if (!feed) throw new Error(`storydesk: no feed with id ${id}`);
    let result: FetchResult;
    try {
      result = await this.fetcher.fetchFeed(feed.url, {
        etag: feed.etag,
        lastModified: feed.lastModified,
        robots: true,
      });
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      return this.failed(feed, 'failed', unprefixed(error.message), null);
    }
    if (result.status === 'retry-later')
      return this.failed(feed, 'retry-later', unprefixed(result.message), result.retryAfterMs);
    let parsed: ParsedFeed | null = null;
    if (result.status === 'ok') {
      try {
        parsed = parseFeed(result.text, result.url);
      } catch (error) {
        if (!(error instanceof FeedError)) throw error;
        return this.failed(feed, 'failed', unprefixed(error.message), null);
      }
    }
    if (!(await getFeed(this.db, id))) return { feed, status: 'gone', error: null, items: [] };
    const updated = await recordPollSuccess(
      this.db,
      id,
      {
        etag: result.etag,
        lastModified: result.lastModified,
        title: parsed?.title || null,
        nextPollAt: this.after(this.intervalMs),
      },
      this.now(),
    );
    if (feed.pausedAt) this.log('info', `intake: ${feed.url} works again; no longer paused`);
    const { reports: items, cut } = await this.items.process(updated, parsed?.items ?? [], mayWork);
    if (cut) {
      await recordPollCut(this.db, id, this.now());
      this.log('info', `intake: stopped taking ${feed.url}'s items (this host no longer holds the lease); the next poll reads it whole`);
    }
    return {
      feed: (await getFeed(this.db, id)) ?? updated,
      status: result.status === 'ok' ? 'ok' : 'not-modified',
      error: null,
      items,
    };
  }

  /** One more failure: back off exponentially (Retry-After respected), and pause a feed failing for too long. */
  private async failed(
    feed: FeedRecord,
    status: PollStatus,
    error: string,
    retryAfterMs: number | null,
  ): Promise<FeedPollReport> {
    const now = this.now();
    const wait = Math.max(backoffMs(this.intervalMs, feed.failures + 1), retryAfterMs ?? 0);
    const pause = shouldPause(
      feed.failingSince ? Date.parse(feed.failingSince) : now.getTime(),
      now.getTime(),
    );
    const updated = await recordPollFailure(this.db, feed.id, { error, nextPollAt: this.after(wait), pause }, now);
    if (pause && !feed.pausedAt)
      this.log('warn', `intake: ${feed.url} has failed since ${updated.failingSince}; paused (${error})`);
    else this.log('warn', `intake: ${error}; next try in ${seconds(wait)}`);
    return { feed: updated, status, error, items: [] };
  }

  // ── the review queue ──

  /** Cards awaiting a decision, oldest first. */
  pendingCards(): Promise<ReviewCard[]> {
    return this.reviews.pendingCards();
  }

  card(id: number): Promise<ReviewCard | null> {
    return this.reviews.card(id);
  }

  /** Approves a card: its article is added (or, as a near copy, recorded on the article it copies). */
  approve(cardId: number, decidedBy: string): Promise<DecisionResult> {
    return this.reviews.approve(cardId, decidedBy);
  }

  /** Rejects a card: recorded, and its item never comes back. */
  reject(cardId: number, decidedBy: string): Promise<DecisionResult> {
    return this.reviews.reject(cardId, decidedBy);
  }

  // ── helpers ──

  private async followedAs(url: string): Promise<FeedRecord | null> {
    const key = safeUrlKey(url);
    return (
      (await findFeedByUrl(this.db, url)) ??
      (await listFeeds(this.db)).find((f) => key !== null && safeUrlKey(f.url) === key) ??
      null
    );
  }

  private async findFeed_(idOrUrl: number | string): Promise<FeedRecord | null> {
    const id = typeof idOrUrl === 'number' ? idOrUrl : /^\d+$/.test(idOrUrl.trim()) ? Number(idOrUrl) : null;
    if (id !== null) return getFeed(this.db, id);
    const key = safeUrlKey(String(idOrUrl));
    if (key === null) return null;
    return (
      (await listFeeds(this.db)).find(
        (f) => safeUrlKey(f.url) === key || (f.pageUrl !== null && safeUrlKey(f.pageUrl) === key),
      ) ?? null
    );
  }

  private now(): Date {
    return new Date(this.clock.now());
  }

  /** `ms` from now, with jitter. */
  private after(ms: number): Date {
    return new Date(this.clock.now() + withJitter(ms, this.random));
  }
}

const ALWAYS = (): boolean => true;
