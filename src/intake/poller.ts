// Following feeds: each feed is polled every FEED_POLL_MINUTES (with jitter), conditionally, politely (robots.txt,
// Retry-After), backing off on failure up to 6 h and pausing after 3 days of failures. Every item is recorded before
// anything is done with it, so each is processed exactly once across restarts, and an item still in the feed after
// downtime is processed then. An item about the story (its `match` expression, else the story's own names; the title
// and summary first, then the fetched article) is added (mode auto) or queued as a review card (mode review);
// a near copy of an article of the story is recorded on it as `also`.
//
// Several hosts may share one database (Postgres): every host may run a poller, but only the one holding the
// 'feed-poller' lease polls on its schedule; it renews the lease every third of its period, stops taking items the
// moment it loses it, and gives it up at stop. When the holder dies another takes over once the lease expires (within
// one lease period). Claims, not the lease, keep each item processed once: a new item is claimed by one INSERT, an
// item left pending is retried only under a per-item lease, so two pollers that both believe they hold the lease
// (or a person's `feed poll` meanwhile) still never process one item twice.
import { randomBytes } from 'node:crypto';
import { acquireLease, getLease, releaseLease } from '../db/leases.js';
import { claimItem, dueFeeds, findFeedByUrl, getFeed, getItem, insertFeed, knownItems, listFeeds, markItemsSeen, nextPollTime, pendingItems, recordPollCut, recordPollFailure, recordPollSuccess, removeFeed as removeFeedIn, retryItemLater, settleItem, type FeedItemInput, type FeedMode, type FeedRecord, type ItemOutcome } from '../db/feeds.js';
import { decideCard, getCard, pendingCards as pendingCardsIn, queueCard, reopenCard, settleApproved, type CardArticle, type ReviewCard } from '../db/review.js';
import type { Db } from '../db/open.js';
import type { Entity } from '../model/types.js';
import { viaFeed } from './article-file.js';
import { discoverFeeds, FeedError, oldestFirst, parseFeed, type FeedItem, type ParsedFeed } from './feed.js';
import { FetchError, seconds } from './fetch-error.js';
import type { FetchRequest, FetchResult } from './fetch-result.js';
import {
  FilterSyntaxError,
  itemPasses,
  itemPassesWithBody,
  storyFilter,
  type StoryFilter,
  type StoryName,
} from './filter.js';
import { oneLine, safeUrlKey, unprefixed, type IntakeService, type PageFetcher, type Preview, type PreviewResult } from './service.js';
import { backoffMs, pollIntervalMs, shouldPause, withJitter } from './schedule.js';

export {
  FEED_POLL_MINUTES_DEFAULT,
  FEED_POLL_MINUTES_MIN,
  MAX_BACKOFF_MS,
  PAUSE_AFTER_MS,
} from './schedule.js';

/** An item whose page fails this many times (timeouts, 5xx) is skipped. */
export const MAX_ITEM_ATTEMPTS = 5;

/** The lease that lets one host at a time poll on its schedule. */
export const FEED_LEASE_NAME = 'feed-poller';
/** FEED_LEASE_SECONDS' default: the lease's period; its holder renews it every third of that. */
export const FEED_LEASE_SECONDS_DEFAULT = 30;
/**
 * How long a poller may work on one item before another may retry it (the item's own lease): far longer than a page
 * fetch (20 s at most) and an article write take, so only a poller that died mid-item loses it.
 */
export const ITEM_CLAIM_MS = 10 * 60_000;

/** What the poller fetches with: a Fetcher satisfies this. */
export interface FeedFetcher extends PageFetcher {
  fetch(input: string, request?: FetchRequest): Promise<FetchResult>;
  fetchFeed(input: string, request?: Omit<FetchRequest, 'accept'>): Promise<FetchResult>;
}

/** Where the default filter's names come from: the story's people, organisations and places, most mentioned first. */
export interface StoryNames {
  who(): readonly Entity[];
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AddedArticle {
  feed: FeedRecord;
  id: string;
  file: string;
  title: string;
  url: string | null;
}

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

export interface ItemReport {
  feedId: number;
  id: string;
  title: string;
  link: string | null;
  outcome: ItemOutcome;
  /** Why, for people. */
  reason: string | null;
  /** The article it became, the one it copies or duplicates; null otherwise. */
  articleId: string | null;
  /** The card, for a queued item. */
  cardId: number | null;
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

export type DecisionResult =
  | {
      ok: true;
      card: ReviewCard;
      /** approve: `added` (a new article), `copy` (recorded on the article it copies) or `duplicate` (already in the story). */
      outcome: 'added' | 'copy' | 'duplicate' | 'rejected';
      /** The article added, copied or duplicated. */
      articleId: string | null;
      message: string;
    }
  | { ok: false; error: string; card: ReviewCard | null };

export class FeedPoller {
  private readonly db: Db;
  private readonly service: IntakeService;
  private readonly fetcher: FeedFetcher;
  private readonly story: StoryNames;
  private readonly intervalMs: number;
  private readonly clock: { now(): number };
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly log: NonNullable<PollerOptions['log']>;
  private readonly onCard: PollerOptions['onCard'];
  private readonly onAdded: PollerOptions['onAdded'];
  private readonly inFlight = new Map<number, Promise<FeedPollReport>>();
  private readonly leaseMs: number;
  /** Who holds an item's claim: this poller object (unique per process start). */
  private readonly itemHolder: string;
  private timer: unknown = null;
  /** When the pending poll wake-up is due (ms), to bring it forward on taking the lease over. */
  private timerDue = 0;
  private running = false;
  private ticking: Promise<unknown> = Promise.resolve();
  private leaseTimer: unknown = null;
  private renewing: Promise<void> = Promise.resolve();
  private leaseHeld = false;
  /** Until when (this poller's clock) the lease it holds is valid, whether or not a renewal is under way. */
  private leaseUntil = 0;

  constructor(options: PollerOptions) {
    this.db = options.db;
    this.service = options.service;
    this.fetcher = options.fetcher;
    this.story = options.story;
    this.intervalMs = pollIntervalMs(options.pollMinutes);
    this.clock = options.clock ?? { now: () => Date.now() };
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    };
    this.log = options.log ?? (() => {});
    this.onCard = options.onCard;
    this.onAdded = options.onAdded;
    this.leaseMs = Math.max(3, options.leaseMs ?? FEED_LEASE_SECONDS_DEFAULT * 1000);
    this.itemHolder = `${this.db.hostId}#${randomBytes(3).toString('hex')}`;
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
    const found = await this.findFeed(input.trim());
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
    const { reports: items } = await this.processItems(feed, parsed.items, ALWAYS);
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
    this.renewLease();
    this.schedule(0);
  }

  /** Whether this poller holds the feed-poller lease now (and so polls on its schedule). */
  holdsLease(): boolean {
    return this.running && this.leaseHeld && this.clock.now() < this.leaseUntil;
  }

  /** Resolves when the poll under way (started by the schedule) has finished and the next one is scheduled. */
  async idle(): Promise<void> {
    await this.renewing;
    await this.ticking.catch(() => undefined);
  }

  /** Stops polling and renewing; resolves when a poll under way has finished, with the lease given up. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    if (this.leaseTimer !== null) this.timers.clearTimeout(this.leaseTimer);
    this.timer = null;
    this.leaseTimer = null;
    await this.renewing;
    await this.ticking.catch(() => undefined);
    if (!this.leaseHeld) return;
    this.leaseHeld = false;
    try {
      if (await releaseLease(this.db, FEED_LEASE_NAME, this.db.hostId))
        this.log('info', `intake: this host stopped polling feeds and gave up the ${FEED_LEASE_NAME} lease`);
    } catch (error) {
      this.log('warn', `intake: could not give up the ${FEED_LEASE_NAME} lease (it expires by itself): ${(error as Error).message}`);
    }
  }

  /** Takes or renews the lease now, then again in a third of its period (sooner when waiting for another's to expire). */
  private renewLease(): void {
    this.leaseTimer = null;
    if (!this.running) return;
    this.renewing = this.tryLease().then((wait) => {
      if (this.running) this.leaseTimer = this.timers.setTimeout(() => this.renewLease(), wait);
    });
  }

  /** One attempt at the lease; returns the wait until the next. Never throws. */
  private async tryLease(): Promise<number> {
    const renewEvery = Math.floor(this.leaseMs / 3);
    const now = this.clock.now();
    let held = false;
    let holder: string | null = null;
    let wait = renewEvery;
    try {
      held = await acquireLease(this.db, FEED_LEASE_NAME, this.db.hostId, this.leaseMs, new Date(now));
      if (!held) {
        const lease = await getLease(this.db, FEED_LEASE_NAME);
        holder = lease?.holder ?? null;
        // Try again the moment the holder's lease runs out, so a dead holder is replaced within one lease period.
        if (lease) wait = Math.max(1, Math.min(renewEvery, Date.parse(lease.expiresAt) - this.clock.now()));
      }
    } catch (error) {
      this.log('error', `intake: could not renew the ${FEED_LEASE_NAME} lease: ${(error as Error).message}`);
    }
    if (!this.running) {
      // Stopped meanwhile: stop() gives up what was just taken.
      this.leaseHeld = held;
      return wait;
    }
    if (held) {
      this.leaseUntil = now + this.leaseMs;
      if (!this.leaseHeld) {
        this.leaseHeld = true;
        this.log('info', `intake: this host polls the feeds now (it holds the ${FEED_LEASE_NAME} lease, ${this.leaseMs / 1000} s)`);
        this.wakeNow();
      }
    } else if (this.leaseHeld) {
      this.leaseHeld = false;
      this.log(
        'warn',
        holder
          ? `intake: the ${FEED_LEASE_NAME} lease went to ${holder}; this host stops polling feeds`
          : `intake: the ${FEED_LEASE_NAME} lease could not be renewed; this host stops polling feeds until it holds it again`,
      );
    }
    return wait;
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
    await this.renewing;
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
    const { reports: items, cut } = await this.processItems(updated, parsed?.items ?? [], mayWork);
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

  // ── items ──

  /**
   * Processes the feed's unfinished items, then its new ones (oldest first), each recorded before it is processed;
   * stops taking items as soon as `mayWork` says no (a scheduled poll whose host lost the lease): `cut`.
   */
  private async processItems(
    feed: FeedRecord,
    items: readonly FeedItem[],
    mayWork: () => boolean,
  ): Promise<{ reports: ItemReport[]; cut: boolean }> {
    const filter = this.filterFor(feed);
    const reports: ItemReport[] = [];
    for (const pending of await pendingItems(this.db, feed.id)) {
      if (!mayWork()) return { reports, cut: true };
      const report = await this.processClaimed(feed, filter, {
        id: pending.itemId,
        title: pending.title,
        link: pending.link,
        summary: pending.summary,
        date: null,
      });
      if (report) reports.push(report);
    }
    const known = await knownItems(
      this.db,
      feed.id,
      items.map((i) => i.id),
    );
    for (const item of oldestFirst(items.filter((i) => !known.has(i.id)))) {
      if (!mayWork()) return { reports, cut: true };
      if (!(await getFeed(this.db, feed.id))) break; // removed meanwhile
      // One INSERT: of two pollers claiming this item at once, one gets true.
      if (!(await claimItem(this.db, feed.id, itemInput(item), this.now()))) continue;
      const report = await this.processClaimed(feed, filter, itemInput(item));
      if (report) reports.push(report);
    }
    return { reports, cut: false };
  }

  /**
   * Processes a pending item under its own lease (taken by one statement, given up after), so that an item left
   * pending is retried by one poller at a time, never while another still works on it; null when another poller
   * holds it or has finished it meanwhile.
   */
  private async processClaimed(feed: FeedRecord, filter: StoryFilter, item: FeedItemInput): Promise<ItemReport | null> {
    const name = itemLeaseName(feed.id, item.id);
    // Still this poller's, and still pending: not taken over by another after this one stalled past ITEM_CLAIM_MS.
    const stillMine = async () =>
      (await acquireLease(this.db, name, this.itemHolder, ITEM_CLAIM_MS, this.now())) &&
      (await getItem(this.db, feed.id, item.id))?.outcome === 'pending';
    if (!(await stillMine())) return null;
    try {
      return await this.processItem(feed, filter, item, stillMine);
    } finally {
      await releaseLease(this.db, name, this.itemHolder).catch((error: unknown) =>
        this.log('warn', `intake: could not release the claim on an item (it expires by itself): ${(error as Error).message}`),
      );
    }
  }

  private filterFor(feed: FeedRecord): StoryFilter {
    try {
      return storyFilter(feed.match, storyNames(this.story));
    } catch (error) {
      if (!(error instanceof FilterSyntaxError)) throw error;
      // Recorded before the expression language changed: say so on each item rather than take everything.
      const reason = `the feed's filter no longer reads: ${unprefixed(error.message)}`;
      return { description: reason, test: () => ({ passed: false, reason }) };
    }
  }

  private async processItem(
    feed: FeedRecord,
    filter: StoryFilter,
    item: FeedItemInput,
    stillMine: () => Promise<boolean>,
  ): Promise<ItemReport | null> {
    const report = (
      outcome: ItemOutcome,
      reason: string | null,
      articleId: string | null = null,
      cardId: number | null = null,
    ): ItemReport => ({
      feedId: feed.id,
      id: item.id,
      title: item.title,
      link: item.link,
      outcome,
      reason,
      articleId,
      cardId,
    });
    const settle = async (
      outcome: 'added' | 'skipped' | 'copy',
      reason: string,
      articleId: string | null = null,
    ): Promise<ItemReport> => {
      await settleItem(this.db, feed.id, item.id, { outcome, reason, articleId }, this.now());
      return report(outcome, reason, articleId);
    };
    const first = itemPasses(filter, item);
    if (!item.link)
      return settle('skipped', first.passed ? 'the item has no link to the article' : first.reason);
    const preview = await this.service.preview(item.link, { via: viaFeed(feed.url), robots: true });
    // The page took long enough for this poller's claim to lapse, and another poller took the item over.
    if (!(await stillMine())) {
      this.log('warn', `intake: ${item.link} was taken over by another poller while its page was read; left to it`);
      return null;
    }
    if (!preview.ok) {
      if (preview.duplicateOf) return settle('skipped', preview.error, preview.duplicateOf.id);
      if (preview.temporary) {
        const attempts = await retryItemLater(this.db, feed.id, item.id, preview.error, this.now());
        if (attempts < MAX_ITEM_ATTEMPTS) return report('pending', `${preview.error} (will try again)`);
        return settle('skipped', `${preview.error} (gave up after ${attempts} tries)`);
      }
      return settle(
        'skipped',
        first.passed ? preview.error : `${first.reason}; the article could not be read: ${preview.error}`,
      );
    }
    const verdict = first.passed ? first : itemPassesWithBody(filter, item, preview.article.body);
    if (!verdict.passed) return settle('skipped', verdict.reason);
    if (preview.duplicateOf || feed.mode === 'auto')
      return this.addFromFeed(feed, item, preview, verdict.reason, settle, report);
    const card = await queueCard(
      this.db,
      { feedId: feed.id, itemId: item.id, article: cardArticle(preview, item.link), reason: verdict.reason },
      this.now(),
    );
    this.log('info', `intake: queued for review: ${preview.article.title} (${feed.url}; ${verdict.reason})`);
    // Every host's desk posts it in the servers its own client has.
    await this.notify(() => this.db.signals.notify('storydesk_cards', String(card.id)));
    await this.notify(() => this.onCard?.(card));
    return report('queued', verdict.reason, null, card.id);
  }

  private async addFromFeed(
    feed: FeedRecord,
    item: FeedItemInput,
    preview: Preview,
    why: string,
    settle: (outcome: 'added' | 'skipped' | 'copy', reason: string, articleId?: string | null) => Promise<ItemReport>,
    report: (outcome: ItemOutcome, reason: string | null) => ItemReport,
  ): Promise<ItemReport> {
    const added = await this.service.add(preview);
    if (added.ok && added.kind === 'copy')
      return settle(
        'copy',
        `a near copy of “${added.duplicateOf?.title ?? added.id}”: recorded on it as also`,
        added.id,
      );
    if (added.ok) {
      this.log('info', `intake: added ${added.id} from ${feed.url} (${why})`);
      const result = await settle('added', why, added.id);
      await this.notify(() =>
        this.onAdded?.({
          feed,
          id: added.id,
          file: added.file,
          title: preview.article.title,
          url: preview.article.url,
        }),
      );
      return result;
    }
    if (added.code === 'write') {
      const attempts = await retryItemLater(this.db, feed.id, item.id, added.error, this.now());
      if (attempts < MAX_ITEM_ATTEMPTS) return report('pending', `${added.error} (will try again)`);
    }
    return settle('skipped', added.error, added.duplicateOf?.id ?? null);
  }

  private async notify(hook: () => void | Promise<void>): Promise<void> {
    try {
      await hook();
    } catch (error) {
      this.log('error', `intake: a hook failed: ${(error as Error).message}`);
    }
  }

  // ── the review queue ──

  /** Cards awaiting a decision, oldest first. */
  pendingCards(): Promise<ReviewCard[]> {
    return pendingCardsIn(this.db);
  }

  card(id: number): Promise<ReviewCard | null> {
    return getCard(this.db, id);
  }

  /** Approves a card: its article is added (or, as a near copy, recorded on the article it copies). */
  async approve(cardId: number, decidedBy: string): Promise<DecisionResult> {
    const card = await decideCard(this.db, cardId, 'approved', decidedBy, this.now());
    if (!card) return this.undecidable(cardId);
    const added = await this.service.add(previewOf(card));
    const now = this.now();
    if (added.ok && added.kind === 'added') {
      const settled = (await settleApproved(
        this.db,
        cardId,
        { outcome: 'added', reason: `approved by ${decidedBy}`, articleId: added.id },
        now,
      ))!;
      const feed = await getFeed(this.db, card.feedId);
      if (feed)
        await this.notify(() =>
          this.onAdded?.({
            feed,
            id: added.id,
            file: added.file,
            title: card.article.title,
            url: card.article.url,
          }),
        );
      return { ok: true, card: settled, outcome: 'added', articleId: added.id, message: `added ${added.id}` };
    }
    if (added.ok) {
      const message = `a near copy of “${added.duplicateOf?.title ?? added.id}”: recorded on it as also`;
      const settled = (await settleApproved(
        this.db,
        cardId,
        { outcome: 'copy', reason: message, articleId: added.id },
        now,
      ))!;
      return { ok: true, card: settled, outcome: 'copy', articleId: added.id, message };
    }
    if (added.duplicateOf) {
      const settled = (await settleApproved(
        this.db,
        cardId,
        { outcome: 'skipped', reason: added.error, articleId: added.duplicateOf.id },
        now,
      ))!;
      return {
        ok: true,
        card: settled,
        outcome: 'duplicate',
        articleId: added.duplicateOf.id,
        message: added.error,
      };
    }
    await reopenCard(this.db, cardId, now);
    return { ok: false, error: added.error, card: await getCard(this.db, cardId) };
  }

  /** Rejects a card: recorded, and its item never comes back. */
  async reject(cardId: number, decidedBy: string): Promise<DecisionResult> {
    const card = await decideCard(this.db, cardId, 'rejected', decidedBy, this.now());
    if (!card) return this.undecidable(cardId);
    this.log('info', `intake: ${decidedBy} rejected ${card.article.title}`);
    return {
      ok: true,
      card: (await getCard(this.db, cardId))!,
      outcome: 'rejected',
      articleId: null,
      message: `rejected by ${decidedBy}`,
    };
  }

  private async undecidable(cardId: number): Promise<DecisionResult> {
    const card = await getCard(this.db, cardId);
    if (!card)
      return { ok: false, error: `no review card ${cardId} (its feed may have been removed)`, card: null };
    return {
      ok: false,
      error: `already ${card.state}${card.decidedBy ? ` by ${card.decidedBy}` : ''}`,
      card,
    };
  }

  // ── helpers ──

  /** Fetches what a person gave: a feed, or a page whose advertised feed is then fetched. */
  private async findFeed(
    input: string,
  ): Promise<
    | {
        ok: true;
        url: string;
        parsed: ParsedFeed;
        etag: string | null;
        lastModified: string | null;
        discoveredFrom: string | null;
      }
    | { ok: false; error: string }
  > {
    try {
      const first = await this.fetcher.fetch(input, { accept: 'page-or-feed', robots: false });
      if (first.status !== 'ok')
        return {
          ok: false,
          error:
            first.status === 'retry-later'
              ? unprefixed(first.message)
              : `cannot fetch ${input}: the server answered 304 Not Modified`,
        };
      let fetched = first;
      let discoveredFrom: string | null = null;
      if (first.kind === 'page') {
        const advertised = discoverFeeds(first.text, first.url);
        if (advertised.length === 0) {
          return {
            ok: false,
            error: `${first.url} is a web page that advertises no feed (no <link rel="alternate" type="application/rss+xml">); give the feed's own URL`,
          };
        }
        discoveredFrom = first.url;
        const feed = await this.fetcher.fetchFeed(advertised[0]!.url, { robots: false });
        if (feed.status !== 'ok')
          return {
            ok: false,
            error:
              feed.status === 'retry-later'
                ? unprefixed(feed.message)
                : `cannot fetch ${advertised[0]!.url}: the server answered 304 Not Modified`,
          };
        fetched = feed;
      }
      const parsed = parseFeed(fetched.text, fetched.url);
      return {
        ok: true,
        url: fetched.url,
        parsed,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        discoveredFrom,
      };
    } catch (error) {
      if (error instanceof FetchError || error instanceof FeedError)
        return { ok: false, error: unprefixed(error.message) };
      throw error;
    }
  }

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

/** The default filter's names: the story's entities, most mentioned first, with their aliases. */
export function storyNames(story: StoryNames): StoryName[] {
  return [...story.who()]
    .sort((a, b) => b.mentions - a.mentions)
    .map((e) => ({ name: e.name, aliases: e.aliases }));
}

const ALWAYS = (): boolean => true;

/** The lease that makes one poller at a time work on an item. */
function itemLeaseName(feedId: number, itemId: string): string {
  return `feed-item:${feedId}:${itemId}`;
}

function itemInput(item: FeedItem): FeedItemInput {
  return { id: item.id, title: item.title, link: item.link, summary: item.summary, date: item.date };
}

function cardArticle(preview: Preview, link: string): CardArticle {
  const { title, date, outlet, author, url, paragraphs } = preview.article;
  return {
    title,
    date,
    outlet,
    author,
    url,
    paragraphs,
    warnings: preview.warnings,
    source: link,
    fetchedUrl: preview.fetchedUrl,
  };
}

/** The preview a card was made from, to add it on approval. */
function previewOf(card: ReviewCard): PreviewResult {
  const { title, date, outlet, author, url, paragraphs, warnings, source, fetchedUrl } = card.article;
  const body = paragraphs.join('\n\n');
  return {
    ok: true,
    source,
    via: viaFeed(card.feedUrl),
    article: { title, date, outlet, author, url, body, paragraphs },
    fetchedUrl,
    words: body.split(/\s+/).filter(Boolean).length,
    warnings,
    duplicateOf: null,
  };
}
