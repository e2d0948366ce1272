// A feed's items, once it has been read: the unfinished ones first, then the new ones oldest first, each recorded (one
// INSERT claims it) before anything is done with it, and each worked on under its own lease so that two pollers never
// process one item twice. An item about the story (its feed's `match` expression, else the story's own names; the
// title and summary first, then the fetched article) is added (mode auto) or queued as a review card (mode review); a
// near copy of an article of the story is recorded on it as `also`; a page that fails for now is retried later, up to
// MAX_ITEM_ATTEMPTS times.
import { acquireLease, releaseLease } from '../db/leases.js';
import { claimItem, getFeed, getItem, knownItems, pendingItems, retryItemLater, settleItem, type FeedItemInput, type FeedRecord, type ItemOutcome } from '../db/feeds.js';
import { queueCard, type CardArticle, type ReviewCard } from '../db/review.js';
import type { Db } from '../db/open.js';
import type { Entity } from '../model/types.js';
import { viaFeed } from './article-file.js';
import { oldestFirst, type FeedItem } from './feed.js';
import { FilterSyntaxError, itemPasses, itemPassesWithBody, storyFilter, type StoryFilter, type StoryName } from './filter.js';
import type { PollerLog } from './poller-lease.js';
import { unprefixed, type IntakeService, type Preview } from './service.js';

/** An item whose page fails this many times (timeouts, 5xx) is skipped. */
export const MAX_ITEM_ATTEMPTS = 5;

/**
 * How long a poller may work on one item before another may retry it (the item's own lease): far longer than a page
 * fetch (20 s at most) and an article write take, so only a poller that died mid-item loses it.
 */
export const ITEM_CLAIM_MS = 10 * 60_000;

/** Where the default filter's names come from: the story's people, organisations and places, most mentioned first. */
export interface StoryNames {
  who(): readonly Entity[];
}

export interface AddedArticle {
  feed: FeedRecord;
  id: string;
  file: string;
  title: string;
  url: string | null;
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

export interface FeedItemsOptions {
  db: Db;
  service: IntakeService;
  story: StoryNames;
  /** Who holds an item's claim: the poller (unique per process start). */
  holder: string;
  now: () => Date;
  log: PollerLog;
  /** A card was queued. */
  onCard?: (card: ReviewCard) => void | Promise<void>;
  /** An article was added from a feed. */
  onAdded?: (added: AddedArticle) => void | Promise<void>;
}

export class FeedItems {
  private readonly db: Db;
  private readonly service: IntakeService;
  private readonly story: StoryNames;
  private readonly holder: string;
  private readonly now: () => Date;
  private readonly log: PollerLog;
  private readonly onCard: FeedItemsOptions['onCard'];
  private readonly onAdded: FeedItemsOptions['onAdded'];

  constructor(options: FeedItemsOptions) {
    this.db = options.db;
    this.service = options.service;
    this.story = options.story;
    this.holder = options.holder;
    this.now = options.now;
    this.log = options.log;
    this.onCard = options.onCard;
    this.onAdded = options.onAdded;
  }

  /**
   * Processes the feed's unfinished items, then its new ones (oldest first), each recorded before it is processed;
   * stops taking items as soon as `mayWork` says no (a scheduled poll whose host lost the lease): `cut`.
   */
  async process(
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
      (await acquireLease(this.db, name, this.holder, ITEM_CLAIM_MS, this.now())) &&
      (await getItem(this.db, feed.id, item.id))?.outcome === 'pending';
    if (!(await stillMine())) return null;
    try {
      return await this.processItem(feed, filter, item, stillMine);
    } finally {
      await releaseLease(this.db, name, this.holder).catch((error: unknown) =>
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
    await runHook(this.log, () => this.db.signals.notify('storydesk_cards', String(card.id)));
    await runHook(this.log, () => this.onCard?.(card));
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
      await runHook(this.log, () =>
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
}

/** Runs a hook (a caller's callback, a signal); a failure is logged, never thrown. */
export async function runHook(log: PollerLog, hook: () => void | Promise<void>): Promise<void> {
  try {
    await hook();
  } catch (error) {
    log('error', `intake: a hook failed: ${(error as Error).message}`);
  }
}

/** The default filter's names: the story's entities, most mentioned first, with their aliases. */
export function storyNames(story: StoryNames): StoryName[] {
  return [...story.who()]
    .sort((a, b) => b.mentions - a.mentions)
    .map((e) => ({ name: e.name, aliases: e.aliases }));
}

/** What is recorded of a feed's item. */
export function itemInput(item: FeedItem): FeedItemInput {
  return { id: item.id, title: item.title, link: item.link, summary: item.summary, date: item.date };
}

/** The lease that makes one poller at a time work on an item. */
function itemLeaseName(feedId: number, itemId: string): string {
  return `feed-item:${feedId}:${itemId}`;
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
