// Following feeds: each feed is polled every FEED_POLL_MINUTES (with jitter), conditionally, politely (robots.txt,
// Retry-After), backing off on failure up to 6 h and pausing after 3 days of failures. Every item is recorded before
// anything is done with it, so each is processed exactly once across restarts, and an item still in the feed after
// downtime is processed then. An item about the story (its `match` expression, else the story's own names; the title
// and summary first, then the fetched article) is added (mode auto) or queued as a review card (mode review);
// a near copy of an article of the story is recorded on it as `also`.
import { claimItem, dueFeeds, findFeedByUrl, getFeed, insertFeed, knownItems, listFeeds, markItemsSeen, nextPollTime, pendingItems, recordPollFailure, recordPollSuccess, removeFeed as removeFeedIn, retryItemLater, settleItem, type FeedItemInput, type FeedMode, type FeedRecord, type ItemOutcome } from '../db/feeds.js';
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
  private timer: unknown = null;
  private running = false;
  private ticking: Promise<unknown> = Promise.resolve();

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
    const existing = this.followedAs(url);
    if (existing) return fail(`already following ${existing.url} (feed ${existing.id})`);
    const now = this.now();
    const feed = insertFeed(
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
      const seen = markItemsSeen(this.db, feed.id, parsed.items.map(itemInput), now);
      return { ok: true, source, feed: getFeed(this.db, feed.id) ?? feed, discoveredFrom, seen, items: [] };
    }
    const items = await this.processItems(feed, parsed.items);
    return { ok: true, source, feed: getFeed(this.db, feed.id) ?? feed, discoveredFrom, seen: 0, items };
  }

  /** Stops following a feed (by id or URL); false when no such feed is followed. */
  removeFeed(idOrUrl: number | string): FeedRecord | null {
    const feed = this.findFeed_(idOrUrl);
    if (!feed) return null;
    removeFeedIn(this.db, feed.id);
    return feed;
  }

  /** Every feed followed, with its state. */
  feeds(): FeedRecord[] {
    return listFeeds(this.db);
  }

  /** A followed feed by id, by URL, or by the URL of the page it was found on. */
  feed(idOrUrl: number | string): FeedRecord | null {
    return this.findFeed_(idOrUrl);
  }

  // ── polling ──

  /** Polls every feed once now, paused ones too (a poll that works lifts the pause). */
  async pollAll(): Promise<FeedPollReport[]> {
    const reports: FeedPollReport[] = [];
    for (const feed of listFeeds(this.db)) reports.push(await this.pollFeed(feed.id));
    return reports;
  }

  /** Polls the feeds that are due (not paused). */
  async pollDue(): Promise<FeedPollReport[]> {
    const reports: FeedPollReport[] = [];
    for (const feed of dueFeeds(this.db, this.now())) reports.push(await this.pollFeed(feed.id));
    return reports;
  }

  /** Polls one feed now (one poll at a time per feed: a second call shares the first's result). */
  pollFeed(id: number): Promise<FeedPollReport> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const poll = this.pollOnce(id).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, poll);
    return poll;
  }

  /** Polls due feeds from now on, waking when the next one is due (at least every minute, to see new feeds). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Resolves when the poll under way (started by the schedule) has finished and the next one is scheduled. */
  async idle(): Promise<void> {
    await this.ticking.catch(() => undefined);
  }

  /** Stops polling; resolves when a poll under way has finished. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    await this.ticking.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.ticking = this.pollDue()
        .catch((error: unknown) => this.log('error', `intake: polling failed: ${(error as Error).message}`))
        .finally(() => {
          const next = nextPollTime(this.db);
          const wait =
            next === null ? 60_000 : Math.min(60_000, Math.max(1_000, next.getTime() - this.clock.now()));
          this.schedule(wait);
        });
    }, ms);
  }

  private async pollOnce(id: number): Promise<FeedPollReport> {
    const feed = getFeed(this.db, id);
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
    if (!getFeed(this.db, id)) return { feed, status: 'gone', error: null, items: [] };
    const updated = recordPollSuccess(
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
    const items = await this.processItems(updated, parsed?.items ?? []);
    return {
      feed: getFeed(this.db, id) ?? updated,
      status: result.status === 'ok' ? 'ok' : 'not-modified',
      error: null,
      items,
    };
  }

  /** One more failure: back off exponentially (Retry-After respected), and pause a feed failing for too long. */
  private failed(
    feed: FeedRecord,
    status: PollStatus,
    error: string,
    retryAfterMs: number | null,
  ): FeedPollReport {
    const now = this.now();
    const wait = Math.max(backoffMs(this.intervalMs, feed.failures + 1), retryAfterMs ?? 0);
    const pause = shouldPause(
      feed.failingSince ? Date.parse(feed.failingSince) : now.getTime(),
      now.getTime(),
    );
    const updated = recordPollFailure(this.db, feed.id, { error, nextPollAt: this.after(wait), pause }, now);
    if (pause && !feed.pausedAt)
      this.log('warn', `intake: ${feed.url} has failed since ${updated.failingSince}; paused (${error})`);
    else this.log('warn', `intake: ${error}; next try in ${seconds(wait)}`);
    return { feed: updated, status, error, items: [] };
  }

  // ── items ──

  /** Processes the feed's unfinished items, then its new ones (oldest first), each recorded before it is processed. */
  private async processItems(feed: FeedRecord, items: readonly FeedItem[]): Promise<ItemReport[]> {
    const filter = this.filterFor(feed);
    const reports: ItemReport[] = [];
    for (const pending of pendingItems(this.db, feed.id)) {
      reports.push(
        await this.processItem(feed, filter, {
          id: pending.itemId,
          title: pending.title,
          link: pending.link,
          summary: pending.summary,
          date: null,
        }),
      );
    }
    const known = knownItems(
      this.db,
      feed.id,
      items.map((i) => i.id),
    );
    for (const item of oldestFirst(items.filter((i) => !known.has(i.id)))) {
      if (!getFeed(this.db, feed.id)) break; // removed meanwhile
      if (!claimItem(this.db, feed.id, itemInput(item), this.now())) continue;
      reports.push(await this.processItem(feed, filter, itemInput(item)));
    }
    return reports;
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

  private async processItem(feed: FeedRecord, filter: StoryFilter, item: FeedItemInput): Promise<ItemReport> {
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
    const settle = (
      outcome: 'added' | 'skipped' | 'copy',
      reason: string,
      articleId: string | null = null,
    ): ItemReport => {
      settleItem(this.db, feed.id, item.id, { outcome, reason, articleId }, this.now());
      return report(outcome, reason, articleId);
    };
    const first = itemPasses(filter, item);
    if (!item.link)
      return settle('skipped', first.passed ? 'the item has no link to the article' : first.reason);
    const preview = await this.service.preview(item.link, { via: viaFeed(feed.url), robots: true });
    if (!preview.ok) {
      if (preview.duplicateOf) return settle('skipped', preview.error, preview.duplicateOf.id);
      if (preview.temporary) {
        const attempts = retryItemLater(this.db, feed.id, item.id, preview.error, this.now());
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
    const card = queueCard(
      this.db,
      { feedId: feed.id, itemId: item.id, article: cardArticle(preview, item.link), reason: verdict.reason },
      this.now(),
    );
    this.log('info', `intake: queued for review: ${preview.article.title} (${feed.url}; ${verdict.reason})`);
    await this.notify(() => this.onCard?.(card));
    return report('queued', verdict.reason, null, card.id);
  }

  private async addFromFeed(
    feed: FeedRecord,
    item: FeedItemInput,
    preview: Preview,
    why: string,
    settle: (outcome: 'added' | 'skipped' | 'copy', reason: string, articleId?: string | null) => ItemReport,
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
      const result = settle('added', why, added.id);
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
      const attempts = retryItemLater(this.db, feed.id, item.id, added.error, this.now());
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
  pendingCards(): ReviewCard[] {
    return pendingCardsIn(this.db);
  }

  card(id: number): ReviewCard | null {
    return getCard(this.db, id);
  }

  /** Approves a card: its article is added (or, as a near copy, recorded on the article it copies). */
  async approve(cardId: number, decidedBy: string): Promise<DecisionResult> {
    const card = decideCard(this.db, cardId, 'approved', decidedBy, this.now());
    if (!card) return this.undecidable(cardId);
    const added = await this.service.add(previewOf(card));
    const now = this.now();
    if (added.ok && added.kind === 'added') {
      const settled = settleApproved(
        this.db,
        cardId,
        { outcome: 'added', reason: `approved by ${decidedBy}`, articleId: added.id },
        now,
      )!;
      const feed = getFeed(this.db, card.feedId);
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
      const settled = settleApproved(
        this.db,
        cardId,
        { outcome: 'copy', reason: message, articleId: added.id },
        now,
      )!;
      return { ok: true, card: settled, outcome: 'copy', articleId: added.id, message };
    }
    if (added.duplicateOf) {
      const settled = settleApproved(
        this.db,
        cardId,
        { outcome: 'skipped', reason: added.error, articleId: added.duplicateOf.id },
        now,
      )!;
      return {
        ok: true,
        card: settled,
        outcome: 'duplicate',
        articleId: added.duplicateOf.id,
        message: added.error,
      };
    }
    reopenCard(this.db, cardId, now);
    return { ok: false, error: added.error, card: getCard(this.db, cardId) };
  }

  /** Rejects a card: recorded, and its item never comes back. */
  reject(cardId: number, decidedBy: string): DecisionResult {
    const card = decideCard(this.db, cardId, 'rejected', decidedBy, this.now());
    if (!card) return this.undecidable(cardId);
    this.log('info', `intake: ${decidedBy} rejected ${card.article.title}`);
    return {
      ok: true,
      card: getCard(this.db, cardId)!,
      outcome: 'rejected',
      articleId: null,
      message: `rejected by ${decidedBy}`,
    };
  }

  private undecidable(cardId: number): DecisionResult {
    const card = getCard(this.db, cardId);
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

  private followedAs(url: string): FeedRecord | null {
    const key = safeUrlKey(url);
    return (
      findFeedByUrl(this.db, url) ??
      listFeeds(this.db).find((f) => key !== null && safeUrlKey(f.url) === key) ??
      null
    );
  }

  private findFeed_(idOrUrl: number | string): FeedRecord | null {
    const id = typeof idOrUrl === 'number' ? idOrUrl : /^\d+$/.test(idOrUrl.trim()) ? Number(idOrUrl) : null;
    if (id !== null) return getFeed(this.db, id);
    const key = safeUrlKey(String(idOrUrl));
    if (key === null) return null;
    return (
      listFeeds(this.db).find(
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
