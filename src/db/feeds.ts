// Intake state: the feeds the story follows and every item each feed has listed (recorded before anything is done with
// it, so each item is processed once, across restarts). The review queue is in review.ts, each server's intake
// channels in intake-settings.ts.
import type { Db } from './open.js';

export type FeedMode = 'review' | 'auto';

export interface FeedRecord {
  id: number;
  /** The feed's own URL (after discovery from a page). */
  url: string;
  /** The feed's title as it gives it; null until known. */
  title: string | null;
  /** The page the feed was found on, when the URL given was a page; null otherwise. */
  pageUrl: string | null;
  /** The story filter expression; null: the default "names the story" test. */
  match: string | null;
  mode: FeedMode;
  /** `discord:<guild>/<user>` or `cli`. */
  addedBy: string;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  lastPollAt: string | null;
  lastOkAt: string | null;
  /** Failed polls in a row. */
  failures: number;
  /** When the current run of failures began; null while the feed works. */
  failingSince: string | null;
  nextPollAt: string | null;
  /** Set when the feed was paused after failing for too long; null while it is polled. */
  pausedAt: string | null;
  lastError: string | null;
  /** Articles this feed has added to the story (approved cards included). */
  itemsTaken: number;
}

interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  page_url: string | null;
  match_expr: string | null;
  mode: FeedMode;
  added_by: string;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  last_poll_at: string | null;
  last_ok_at: string | null;
  failures: number;
  failing_since: string | null;
  next_poll_at: string | null;
  paused_at: string | null;
  last_error: string | null;
  items_taken: number;
}

function feedFromRow(r: FeedRow): FeedRecord {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    pageUrl: r.page_url,
    match: r.match_expr,
    mode: r.mode,
    addedBy: r.added_by,
    addedAt: r.added_at,
    etag: r.etag,
    lastModified: r.last_modified,
    lastPollAt: r.last_poll_at,
    lastOkAt: r.last_ok_at,
    failures: r.failures,
    failingSince: r.failing_since,
    nextPollAt: r.next_poll_at,
    pausedAt: r.paused_at,
    lastError: r.last_error,
    itemsTaken: r.items_taken,
  };
}

export interface NewFeed {
  url: string;
  title: string | null;
  pageUrl: string | null;
  match: string | null;
  mode: FeedMode;
  addedBy: string;
  etag: string | null;
  lastModified: string | null;
  nextPollAt: Date;
}

/** Records a feed that was just fetched and read; throws on a URL already followed (check `findFeedByUrl` first). */
export function insertFeed(db: Db, feed: NewFeed, now: Date = new Date()): FeedRecord {
  const iso = now.toISOString();
  const info = db
    .prepare(
      `INSERT INTO feeds (url, title, page_url, match_expr, mode, added_by, added_at, etag, last_modified, last_poll_at, last_ok_at, next_poll_at)
       VALUES (@url, @title, @pageUrl, @match, @mode, @addedBy, @now, @etag, @lastModified, @now, @now, @nextPollAt)`,
    )
    .run({ ...feed, now: iso, nextPollAt: feed.nextPollAt.toISOString() });
  return getFeed(db, Number(info.lastInsertRowid))!;
}

export function getFeed(db: Db, id: number): FeedRecord | null {
  const row = db.prepare<[number], FeedRow>('SELECT * FROM feeds WHERE id = ?').get(id);
  return row ? feedFromRow(row) : null;
}

export function findFeedByUrl(db: Db, url: string): FeedRecord | null {
  const row = db.prepare<[string], FeedRow>('SELECT * FROM feeds WHERE url = ?').get(url);
  return row ? feedFromRow(row) : null;
}

/** Every feed, in the order they were added. */
export function listFeeds(db: Db): FeedRecord[] {
  return db.prepare<[], FeedRow>('SELECT * FROM feeds ORDER BY id').all().map(feedFromRow);
}

/** Feeds to poll at `now`: not paused, and due. */
export function dueFeeds(db: Db, now: Date): FeedRecord[] {
  return db
    .prepare<[string], FeedRow>(
      `SELECT * FROM feeds WHERE paused_at IS NULL AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY next_poll_at, id`,
    )
    .all(now.toISOString())
    .map(feedFromRow);
}

/** When the next feed is due (paused feeds aside); null when none is followed. */
export function nextPollTime(db: Db): Date | null {
  const row = db
    .prepare<[], { next: string | null }>(
      `SELECT MIN(COALESCE(next_poll_at, '')) AS next FROM feeds WHERE paused_at IS NULL`,
    )
    .get();
  if (row?.next === null || row?.next === undefined) return null;
  return row.next === '' ? new Date(0) : new Date(row.next);
}

/** Stops following a feed; its items, cards and their posts go with it. False when there was none. */
export function removeFeed(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM feeds WHERE id = ?').run(id).changes > 0;
}

export interface PollSuccess {
  etag: string | null;
  lastModified: string | null;
  /** The feed's title when it gave one; null keeps the one recorded. */
  title: string | null;
  nextPollAt: Date;
}

/** A poll that worked (a 304 too): failures cleared, a pause lifted, the validators for the next conditional GET kept. */
export function recordPollSuccess(db: Db, id: number, poll: PollSuccess, now: Date = new Date()): FeedRecord {
  const iso = now.toISOString();
  db.prepare(
    `UPDATE feeds SET etag = @etag, last_modified = @lastModified, title = COALESCE(@title, title), last_poll_at = @now,
       last_ok_at = @now, failures = 0, failing_since = NULL, paused_at = NULL, last_error = NULL, next_poll_at = @next
     WHERE id = @id`,
  ).run({ ...poll, id, now: iso, next: poll.nextPollAt.toISOString() });
  return mustGetFeed(db, id);
}

export interface PollFailure {
  /** One line for people: what failed and why. */
  error: string;
  nextPollAt: Date;
  /** Pause the feed (it has failed for too long); it is polled again only when asked to. */
  pause: boolean;
}

/** A poll that failed: one more failure, the time the failures began kept, the error kept for `/feed list`. */
export function recordPollFailure(
  db: Db,
  id: number,
  failure: PollFailure,
  now: Date = new Date(),
): FeedRecord {
  const iso = now.toISOString();
  db.prepare(
    `UPDATE feeds SET last_poll_at = @now, failures = failures + 1, failing_since = COALESCE(failing_since, @now),
       last_error = @error, next_poll_at = @next, paused_at = CASE WHEN @pause THEN COALESCE(paused_at, @now) ELSE paused_at END
     WHERE id = @id`,
  ).run({
    id,
    now: iso,
    error: failure.error,
    next: failure.nextPollAt.toISOString(),
    pause: failure.pause ? 1 : 0,
  });
  return mustGetFeed(db, id);
}

/** The moderator changed the feed's filter or mode. */
export function updateFeedFilter(
  db: Db,
  id: number,
  change: { match?: string | null; mode?: FeedMode },
): FeedRecord | null {
  const feed = getFeed(db, id);
  if (!feed) return null;
  db.prepare('UPDATE feeds SET match_expr = ?, mode = ? WHERE id = ?').run(
    change.match === undefined ? feed.match : change.match,
    change.mode ?? feed.mode,
    id,
  );
  return getFeed(db, id);
}

function mustGetFeed(db: Db, id: number): FeedRecord {
  const feed = getFeed(db, id);
  if (!feed) throw new Error(`storydesk: no feed with id ${id}; it was removed`);
  return feed;
}

// ── items ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * - pending: recorded, being processed or to be retried (a crash or a temporary failure left it)
 * - seen: listed when the feed was added (no backfill): never processed
 * - added: became an article of the story
 * - queued: awaits review (a card)
 * - rejected: a moderator rejected its card; it never comes back
 * - skipped: not about the story, not an article, already in the story, or failed for good
 * - copy: a near copy of an article of the story, recorded as `also` on it
 */
export type ItemOutcome = 'pending' | 'seen' | 'added' | 'queued' | 'rejected' | 'skipped' | 'copy';

export interface FeedItemInput {
  /** The item's identity: guid, else link, else title and date. */
  id: string;
  title: string;
  link: string | null;
  summary: string;
  date: Date | null;
}

export interface FeedItemRecord {
  feedId: number;
  itemId: string;
  title: string;
  link: string | null;
  summary: string;
  publishedAt: string | null;
  firstSeenAt: string;
  outcome: ItemOutcome;
  /** Why it ended as it did, for people. */
  reason: string | null;
  /** The article it became, or the article it is a copy of. */
  articleId: string | null;
  /** Processing attempts that failed temporarily. */
  attempts: number;
  updatedAt: string;
}

interface ItemRow {
  feed_id: number;
  item_id: string;
  title: string;
  link: string | null;
  summary: string;
  published_at: string | null;
  first_seen_at: string;
  outcome: ItemOutcome;
  reason: string | null;
  article_id: string | null;
  attempts: number;
  updated_at: string;
}

function itemFromRow(r: ItemRow): FeedItemRecord {
  return {
    feedId: r.feed_id,
    itemId: r.item_id,
    title: r.title,
    link: r.link,
    summary: r.summary,
    publishedAt: r.published_at,
    firstSeenAt: r.first_seen_at,
    outcome: r.outcome,
    reason: r.reason,
    articleId: r.article_id,
    attempts: r.attempts,
    updatedAt: r.updated_at,
  };
}

function insertItem(db: Db, feedId: number, item: FeedItemInput, outcome: ItemOutcome, iso: string): boolean {
  return (
    db
      .prepare(
        `INSERT INTO feed_items (feed_id, item_id, title, link, summary, published_at, first_seen_at, outcome, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, item_id) DO NOTHING`,
      )
      .run(
        feedId,
        item.id,
        item.title,
        item.link,
        item.summary,
        item.date?.toISOString() ?? null,
        iso,
        outcome,
        iso,
      ).changes > 0
  );
}

/** Records items as seen without processing them (a feed's items when it is added); returns how many were new. */
export function markItemsSeen(
  db: Db,
  feedId: number,
  items: readonly FeedItemInput[],
  now: Date = new Date(),
): number {
  const iso = now.toISOString();
  return db.transaction(() => items.filter((item) => insertItem(db, feedId, item, 'seen', iso)).length)();
}

/**
 * Records an item as 'pending' before it is processed. True when it is new (the caller processes it); false when
 * it was recorded before, whatever its outcome.
 */
export function claimItem(db: Db, feedId: number, item: FeedItemInput, now: Date = new Date()): boolean {
  return insertItem(db, feedId, item, 'pending', now.toISOString());
}

/** Which of `itemIds` the feed has recorded. */
export function knownItems(db: Db, feedId: number, itemIds: readonly string[]): Set<string> {
  const known = new Set<string>();
  const select = db.prepare<[number, string], { item_id: string }>(
    'SELECT item_id FROM feed_items WHERE feed_id = ? AND item_id = ?',
  );
  for (const id of itemIds) if (select.get(feedId, id)) known.add(id);
  return known;
}

export function getItem(db: Db, feedId: number, itemId: string): FeedItemRecord | null {
  const row = db
    .prepare<[number, string], ItemRow>('SELECT * FROM feed_items WHERE feed_id = ? AND item_id = ?')
    .get(feedId, itemId);
  return row ? itemFromRow(row) : null;
}

/** Items recorded but not finished (a crash, a temporary failure), oldest first: processed again at the next poll. */
export function pendingItems(db: Db, feedId: number): FeedItemRecord[] {
  return db
    .prepare<[number], ItemRow>(
      `SELECT * FROM feed_items WHERE feed_id = ? AND outcome = 'pending' ORDER BY first_seen_at, rowid`,
    )
    .all(feedId)
    .map(itemFromRow);
}

/** A feed's items, most recently changed first (for listings and tests). */
export function listItems(db: Db, feedId: number): FeedItemRecord[] {
  return db
    .prepare<[number], ItemRow>(
      'SELECT * FROM feed_items WHERE feed_id = ? ORDER BY updated_at DESC, rowid DESC',
    )
    .all(feedId)
    .map(itemFromRow);
}

export interface ItemSettlement {
  outcome: Exclude<ItemOutcome, 'pending' | 'seen' | 'queued'>;
  reason: string | null;
  articleId?: string | null;
}

/** The item's outcome; an item that became an article counts as taken by its feed. */
export function settleItem(
  db: Db,
  feedId: number,
  itemId: string,
  settlement: ItemSettlement,
  now: Date = new Date(),
): void {
  db.transaction(() => {
    const changed = db
      .prepare(
        `UPDATE feed_items SET outcome = ?, reason = ?, article_id = ?, updated_at = ? WHERE feed_id = ? AND item_id = ?`,
      )
      .run(
        settlement.outcome,
        settlement.reason,
        settlement.articleId ?? null,
        now.toISOString(),
        feedId,
        itemId,
      ).changes;
    if (changed > 0 && settlement.outcome === 'added')
      db.prepare('UPDATE feeds SET items_taken = items_taken + 1 WHERE id = ?').run(feedId);
  })();
}

/** A temporary failure: the item stays pending, to be tried again; returns the attempts so far. */
export function retryItemLater(
  db: Db,
  feedId: number,
  itemId: string,
  reason: string,
  now: Date = new Date(),
): number {
  db.prepare(
    `UPDATE feed_items SET attempts = attempts + 1, reason = ?, updated_at = ? WHERE feed_id = ? AND item_id = ?`,
  ).run(reason, now.toISOString(), feedId, itemId);
  return getItem(db, feedId, itemId)?.attempts ?? 0;
}
