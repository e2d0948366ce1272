// Intake state: the feeds the story follows and every item each feed has listed (recorded before anything is done with
// it, so each item is processed once, across restarts). The review queue is in review.ts, each server's intake
// channels in intake-settings.ts. Written once for both back ends (src/db/sql.ts): claiming an item is one INSERT whose
// `changes` decides, so two hosts polling one feed at once can never both process an item.
import type { Sql } from './sql.js';

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
export async function insertFeed(db: Sql, feed: NewFeed, now: Date = new Date()): Promise<FeedRecord> {
  const iso = now.toISOString();
  const row = await db.get<{ id: number }>(
    `INSERT INTO feeds (url, title, page_url, match_expr, mode, added_by, added_at, etag, last_modified, last_poll_at, last_ok_at, next_poll_at)
     VALUES (@url, @title, @pageUrl, @match, @mode, @addedBy, @now, @etag, @lastModified, @now, @now, @nextPollAt)
     RETURNING id`,
    {
      url: feed.url,
      title: feed.title,
      pageUrl: feed.pageUrl,
      match: feed.match,
      mode: feed.mode,
      addedBy: feed.addedBy,
      etag: feed.etag,
      lastModified: feed.lastModified,
      now: iso,
      nextPollAt: feed.nextPollAt.toISOString(),
    },
  );
  return mustGetFeed(db, Number(row!.id));
}

export async function getFeed(db: Sql, id: number): Promise<FeedRecord | null> {
  const row = await db.get<FeedRow>('SELECT * FROM feeds WHERE id = ?', [id]);
  return row ? feedFromRow(row) : null;
}

export async function findFeedByUrl(db: Sql, url: string): Promise<FeedRecord | null> {
  const row = await db.get<FeedRow>('SELECT * FROM feeds WHERE url = ?', [url]);
  return row ? feedFromRow(row) : null;
}

/** Every feed, in the order they were added. */
export async function listFeeds(db: Sql): Promise<FeedRecord[]> {
  return (await db.all<FeedRow>('SELECT * FROM feeds ORDER BY id')).map(feedFromRow);
}

/** Feeds to poll at `now`: not paused, and due. */
export async function dueFeeds(db: Sql, now: Date): Promise<FeedRecord[]> {
  const rows = await db.all<FeedRow>(
    `SELECT * FROM feeds WHERE paused_at IS NULL AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY next_poll_at, id`,
    [now.toISOString()],
  );
  return rows.map(feedFromRow);
}

/** When the next feed is due (paused feeds aside); null when none is followed. */
export async function nextPollTime(db: Sql): Promise<Date | null> {
  const row = await db.get<{ next: string | null }>(
    `SELECT MIN(COALESCE(next_poll_at, '')) AS next FROM feeds WHERE paused_at IS NULL`,
  );
  if (row?.next === null || row?.next === undefined) return null;
  return row.next === '' ? new Date(0) : new Date(row.next);
}

/** Stops following a feed; its items, cards and their posts go with it. False when there was none. */
export async function removeFeed(db: Sql, id: number): Promise<boolean> {
  return (await db.run('DELETE FROM feeds WHERE id = ?', [id])).changes > 0;
}

export interface PollSuccess {
  etag: string | null;
  lastModified: string | null;
  /** The feed's title when it gave one; null keeps the one recorded. */
  title: string | null;
  nextPollAt: Date;
}

/** A poll that worked (a 304 too): failures cleared, a pause lifted, the validators for the next conditional GET kept. */
export async function recordPollSuccess(db: Sql, id: number, poll: PollSuccess, now: Date = new Date()): Promise<FeedRecord> {
  const iso = now.toISOString();
  await db.run(
    `UPDATE feeds SET etag = @etag, last_modified = @lastModified, title = COALESCE(@title, title), last_poll_at = @now,
       last_ok_at = @now, failures = 0, failing_since = NULL, paused_at = NULL, last_error = NULL, next_poll_at = @next
     WHERE id = @id`,
    { etag: poll.etag, lastModified: poll.lastModified, title: poll.title, id, now: iso, next: poll.nextPollAt.toISOString() },
  );
  return mustGetFeed(db, id);
}

/**
 * A poll cut short (its host lost the feed-poller lease before taking every new item): the validators are dropped and
 * the feed is due now, so that the next poll, on whichever host, reads the whole feed again (a 304 would hide the
 * items left) and soon.
 */
export async function recordPollCut(db: Sql, id: number, now: Date = new Date()): Promise<void> {
  await db.run('UPDATE feeds SET etag = NULL, last_modified = NULL, next_poll_at = ? WHERE id = ?', [now.toISOString(), id]);
}

export interface PollFailure {
  /** One line for people: what failed and why. */
  error: string;
  nextPollAt: Date;
  /** Pause the feed (it has failed for too long); it is polled again only when asked to. */
  pause: boolean;
}

/** A poll that failed: one more failure, the time the failures began kept, the error kept for `/feed list`. */
export async function recordPollFailure(db: Sql, id: number, failure: PollFailure, now: Date = new Date()): Promise<FeedRecord> {
  const iso = now.toISOString();
  await db.run(
    `UPDATE feeds SET last_poll_at = @now, failures = failures + 1, failing_since = COALESCE(failing_since, @now),
       last_error = @error, next_poll_at = @next, paused_at = CASE WHEN @pause = 1 THEN COALESCE(paused_at, @now) ELSE paused_at END
     WHERE id = @id`,
    {
      id,
      now: iso,
      error: failure.error,
      next: failure.nextPollAt.toISOString(),
      pause: failure.pause ? 1 : 0,
    },
  );
  return mustGetFeed(db, id);
}

/** The moderator changed the feed's filter or mode. */
export async function updateFeedFilter(
  db: Sql,
  id: number,
  change: { match?: string | null; mode?: FeedMode },
): Promise<FeedRecord | null> {
  const feed = await getFeed(db, id);
  if (!feed) return null;
  await db.run('UPDATE feeds SET match_expr = ?, mode = ? WHERE id = ?', [
    change.match === undefined ? feed.match : change.match,
    change.mode ?? feed.mode,
    id,
  ]);
  return getFeed(db, id);
}

async function mustGetFeed(db: Sql, id: number): Promise<FeedRecord> {
  const feed = await getFeed(db, id);
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

/** One INSERT: true only for the caller whose row went in (a unique key on (feed_id, item_id) decides). */
async function insertItem(sql: Sql, feedId: number, item: FeedItemInput, outcome: ItemOutcome, iso: string): Promise<boolean> {
  const result = await sql.run(
    `INSERT INTO feed_items (feed_id, item_id, title, link, summary, published_at, first_seen_at, outcome, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, item_id) DO NOTHING`,
    [feedId, item.id, item.title, item.link, item.summary, item.date?.toISOString() ?? null, iso, outcome, iso],
  );
  return result.changes > 0;
}

/** Records items as seen without processing them (a feed's items when it is added); returns how many were new. */
export async function markItemsSeen(db: Sql, feedId: number, items: readonly FeedItemInput[], now: Date = new Date()): Promise<number> {
  const iso = now.toISOString();
  return db.transaction(async (tx) => {
    let inserted = 0;
    for (const item of items) if (await insertItem(tx, feedId, item, 'seen', iso)) inserted++;
    return inserted;
  });
}

/**
 * Records an item as 'pending' before it is processed. True when it is new (the caller processes it); false when
 * it was recorded before, whatever its outcome. One INSERT … ON CONFLICT DO NOTHING: of two hosts claiming the same
 * item at once, exactly one gets true.
 */
export async function claimItem(db: Sql, feedId: number, item: FeedItemInput, now: Date = new Date()): Promise<boolean> {
  return insertItem(db, feedId, item, 'pending', now.toISOString());
}

const KNOWN_CHUNK = 200;

/** Which of `itemIds` the feed has recorded. */
export async function knownItems(db: Sql, feedId: number, itemIds: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  const unique = [...new Set(itemIds)];
  for (let i = 0; i < unique.length; i += KNOWN_CHUNK) {
    const chunk = unique.slice(i, i + KNOWN_CHUNK);
    const rows = await db.all<{ item_id: string }>(
      `SELECT item_id FROM feed_items WHERE feed_id = ? AND item_id IN (${chunk.map(() => '?').join(', ')})`,
      [feedId, ...chunk],
    );
    for (const row of rows) known.add(row.item_id);
  }
  return known;
}

export async function getItem(db: Sql, feedId: number, itemId: string): Promise<FeedItemRecord | null> {
  const row = await db.get<ItemRow>('SELECT * FROM feed_items WHERE feed_id = ? AND item_id = ?', [feedId, itemId]);
  return row ? itemFromRow(row) : null;
}

/** Items recorded but not finished (a crash, a temporary failure), oldest first: processed again at the next poll. */
export async function pendingItems(db: Sql, feedId: number): Promise<FeedItemRecord[]> {
  const rows = await db.all<ItemRow>(
    `SELECT * FROM feed_items WHERE feed_id = ? AND outcome = 'pending' ORDER BY first_seen_at, item_id`,
    [feedId],
  );
  return rows.map(itemFromRow);
}

/** A feed's items, most recently changed first (for listings and tests). */
export async function listItems(db: Sql, feedId: number): Promise<FeedItemRecord[]> {
  const rows = await db.all<ItemRow>(
    'SELECT * FROM feed_items WHERE feed_id = ? ORDER BY updated_at DESC, first_seen_at DESC, item_id DESC',
    [feedId],
  );
  return rows.map(itemFromRow);
}

export interface ItemSettlement {
  outcome: Exclude<ItemOutcome, 'pending' | 'seen' | 'queued'>;
  reason: string | null;
  articleId?: string | null;
}

/** `settleItem`'s statements on the `Sql` given (a transaction's, when called inside one). */
export async function settleItemIn(sql: Sql, feedId: number, itemId: string, settlement: ItemSettlement, now: Date): Promise<void> {
  const changed = (
    await sql.run(`UPDATE feed_items SET outcome = ?, reason = ?, article_id = ?, updated_at = ? WHERE feed_id = ? AND item_id = ?`, [
      settlement.outcome,
      settlement.reason,
      settlement.articleId ?? null,
      now.toISOString(),
      feedId,
      itemId,
    ])
  ).changes;
  if (changed > 0 && settlement.outcome === 'added') await sql.run('UPDATE feeds SET items_taken = items_taken + 1 WHERE id = ?', [feedId]);
}

/** The item's outcome; an item that became an article counts as taken by its feed. */
export async function settleItem(db: Sql, feedId: number, itemId: string, settlement: ItemSettlement, now: Date = new Date()): Promise<void> {
  await db.transaction((tx) => settleItemIn(tx, feedId, itemId, settlement, now));
}

/** A temporary failure: the item stays pending, to be tried again; returns the attempts so far. */
export async function retryItemLater(db: Sql, feedId: number, itemId: string, reason: string, now: Date = new Date()): Promise<number> {
  const row = await db.get<{ attempts: number }>(
    `UPDATE feed_items SET attempts = attempts + 1, reason = ?, updated_at = ? WHERE feed_id = ? AND item_id = ? RETURNING attempts`,
    [reason, now.toISOString(), feedId, itemId],
  );
  return row?.attempts ?? 0;
}
