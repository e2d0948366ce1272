// Intake state: the feeds the story follows, every item each feed has listed (recorded before anything is done with
// it, so each item is processed once, across restarts), the review queue and where its cards were posted, and each
// server's intake channels. Cards and announcements are recorded as 'posting' before they are sent (as digests are),
// so a restart never posts one twice.
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

// ── the review queue ─────────────────────────────────────────────────────────────────────────────────────

/** The article a card shows and, when approved, adds: as extracted from the item's page. */
export interface CardArticle {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  paragraphs: string[];
  /** Things to know before adding it (date guessed, looks cut off). */
  warnings: string[];
  /** The item's link, as the feed gave it. */
  source: string;
  /** The URL the page came from, after redirects. */
  fetchedUrl: string | null;
}

export type CardState = 'pending' | 'approved' | 'rejected';

export interface ReviewCard {
  id: number;
  feedId: number;
  itemId: string;
  /** The feed's URL, for the card's footer. */
  feedUrl: string;
  article: CardArticle;
  /** Why the item matched the story filter. */
  reason: string;
  state: CardState;
  /** `discord:<guild>/<user>`, `cli`, …; null while pending. */
  decidedBy: string | null;
  decidedAt: string | null;
  /** The article it became (approved), or the one it duplicated. */
  articleId: string | null;
  createdAt: string;
  updatedAt: string;
}

interface CardRow {
  id: number;
  feed_id: number;
  item_id: string;
  feed_url: string;
  article: string;
  reason: string;
  state: CardState;
  decided_by: string | null;
  decided_at: string | null;
  article_id: string | null;
  created_at: string;
  updated_at: string;
}

function cardFromRow(r: CardRow): ReviewCard {
  return {
    id: r.id,
    feedId: r.feed_id,
    itemId: r.item_id,
    feedUrl: r.feed_url,
    article: JSON.parse(r.article) as CardArticle,
    reason: r.reason,
    state: r.state,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    articleId: r.article_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const CARD_SELECT = 'SELECT c.*, f.url AS feed_url FROM review_cards c JOIN feeds f ON f.id = c.feed_id';

/** Queues an item for review: the card, and the item marked 'queued', in one transaction. */
export function queueCard(
  db: Db,
  card: { feedId: number; itemId: string; article: CardArticle; reason: string },
  now: Date = new Date(),
): ReviewCard {
  const iso = now.toISOString();
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO review_cards (feed_id, item_id, article, reason, state, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (feed_id, item_id) DO NOTHING`,
    ).run(card.feedId, card.itemId, JSON.stringify(card.article), card.reason, iso, iso);
    db.prepare(
      `UPDATE feed_items SET outcome = 'queued', reason = ?, updated_at = ? WHERE feed_id = ? AND item_id = ?`,
    ).run(card.reason, iso, card.feedId, card.itemId);
    return cardFromRow(
      db
        .prepare<[number, string], CardRow>(`${CARD_SELECT} WHERE c.feed_id = ? AND c.item_id = ?`)
        .get(card.feedId, card.itemId)!,
    );
  })();
}

export function getCard(db: Db, id: number): ReviewCard | null {
  const row = db.prepare<[number], CardRow>(`${CARD_SELECT} WHERE c.id = ?`).get(id);
  return row ? cardFromRow(row) : null;
}

/** Cards awaiting a decision, oldest first. */
export function pendingCards(db: Db): ReviewCard[] {
  return db
    .prepare<[], CardRow>(`${CARD_SELECT} WHERE c.state = 'pending' ORDER BY c.id`)
    .all()
    .map(cardFromRow);
}

/**
 * Decides a pending card: approved or rejected, by whom. Null when the card is gone or was decided already (two
 * moderators clicked at once: the first decision wins). Rejecting settles its item as 'rejected' in the same
 * transaction; an approval's item is settled by the caller once the article is written (`settleApproved`).
 */
export function decideCard(
  db: Db,
  id: number,
  state: Exclude<CardState, 'pending'>,
  decidedBy: string,
  now: Date = new Date(),
): ReviewCard | null {
  const iso = now.toISOString();
  return db
    .transaction(() => {
      const changed = db
        .prepare(
          `UPDATE review_cards SET state = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ? AND state = 'pending'`,
        )
        .run(state, decidedBy, iso, iso, id).changes;
      if (changed === 0) return null;
      const card = getCard(db, id)!;
      if (state === 'rejected') {
        db.prepare(
          `UPDATE feed_items SET outcome = 'rejected', reason = ?, updated_at = ? WHERE feed_id = ? AND item_id = ?`,
        ).run(`rejected by ${decidedBy}`, iso, card.feedId, card.itemId);
      }
      return card;
    })
    .immediate();
}

/** An approved card's outcome: the article it added (or the one it turned out to duplicate), and its item settled. */
export function settleApproved(
  db: Db,
  id: number,
  settlement: ItemSettlement,
  now: Date = new Date(),
): ReviewCard | null {
  const card = getCard(db, id);
  if (!card) return null;
  db.transaction(() => {
    db.prepare('UPDATE review_cards SET article_id = ?, updated_at = ? WHERE id = ?').run(
      settlement.articleId ?? null,
      now.toISOString(),
      id,
    );
    settleItem(db, card.feedId, card.itemId, settlement, now);
  })();
  return getCard(db, id);
}

/** An approval whose article could not be written (a full disk): the card awaits a decision again. */
export function reopenCard(db: Db, id: number, now: Date = new Date()): void {
  db.prepare(
    `UPDATE review_cards SET state = 'pending', decided_by = NULL, decided_at = NULL, updated_at = ? WHERE id = ?`,
  ).run(now.toISOString(), id);
}

// ── posts: where a card or an announcement went, recorded before it is sent ─────────────────────────────

export type PostStatus = 'posting' | 'posted' | 'failed';

export interface PostRecord {
  guildId: string;
  channelId: string;
  nonce: string;
  status: PostStatus;
  messageId: string | null;
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

interface PostRow {
  guild_id: string;
  channel_id: string;
  nonce: string;
  status: PostStatus;
  message_id: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
}

function postFromRow(r: PostRow): PostRecord {
  return {
    guildId: r.guild_id,
    channelId: r.channel_id,
    nonce: r.nonce,
    status: r.status,
    messageId: r.message_id,
    attempts: r.attempts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * - done: posted already; never post again
 * - claimed: post it now, with the record's nonce (resumed: an earlier attempt may have reached Discord, so a
 *   message with this nonce may exist; a failed attempt goes to the channel given now)
 */
export type PostClaim =
  { kind: 'done'; post: PostRecord } | { kind: 'claimed'; post: PostRecord; resumed: boolean };

type PostTable = { table: 'review_posts'; key: 'card_id' } | { table: 'intake_notices'; key: 'article_id' };

function claimPost(
  db: Db,
  where: PostTable,
  keyValue: number | string,
  post: { guildId: string; channelId: string; nonce: string },
  now: Date,
): PostClaim {
  const iso = now.toISOString();
  const select = db.prepare<[number | string, string], PostRow>(
    `SELECT * FROM ${where.table} WHERE ${where.key} = ? AND guild_id = ?`,
  );
  return db
    .transaction((): PostClaim => {
      const existing = select.get(keyValue, post.guildId);
      if (existing?.status === 'posted') return { kind: 'done', post: postFromRow(existing) };
      if (existing) {
        const channel = existing.status === 'failed' ? post.channelId : existing.channel_id;
        db.prepare(
          `UPDATE ${where.table} SET status = 'posting', channel_id = ?, attempts = attempts + 1, updated_at = ? WHERE ${where.key} = ? AND guild_id = ?`,
        ).run(channel, iso, keyValue, post.guildId);
        return { kind: 'claimed', post: postFromRow(select.get(keyValue, post.guildId)!), resumed: true };
      }
      db.prepare(
        `INSERT INTO ${where.table} (${where.key}, guild_id, channel_id, nonce, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'posting', ?, ?)`,
      ).run(keyValue, post.guildId, post.channelId, post.nonce, iso, iso);
      return { kind: 'claimed', post: postFromRow(select.get(keyValue, post.guildId)!), resumed: false };
    })
    .immediate();
}

function setPost(
  db: Db,
  where: PostTable,
  keyValue: number | string,
  guildId: string,
  status: PostStatus,
  messageId: string | null,
  now: Date,
): void {
  const changed = db
    .prepare(
      `UPDATE ${where.table} SET status = ?, message_id = COALESCE(?, message_id), updated_at = ? WHERE ${where.key} = ? AND guild_id = ?`,
    )
    .run(status, messageId, now.toISOString(), keyValue, guildId).changes;
  if (changed === 0)
    throw new Error(
      `storydesk: no ${where.table} row for ${keyValue} in guild ${guildId}; expected a claimed post`,
    );
}

const CARD_POSTS: PostTable = { table: 'review_posts', key: 'card_id' };
const NOTICES: PostTable = { table: 'intake_notices', key: 'article_id' };

/** Pending cards not yet posted (or whose post failed) in this server, oldest first. */
export function cardsToPost(db: Db, guildId: string): ReviewCard[] {
  return db
    .prepare<[string], CardRow>(
      `${CARD_SELECT} WHERE c.state = 'pending' AND NOT EXISTS
         (SELECT 1 FROM review_posts p WHERE p.card_id = c.id AND p.guild_id = ? AND p.status IN ('posting', 'posted'))
       ORDER BY c.id`,
    )
    .all(guildId)
    .map(cardFromRow);
}

/** Cards left 'posting' by an earlier run in this server (maybe sent): resume them with their nonce. */
export function cardPostsInDoubt(db: Db, guildId: string): { card: ReviewCard; post: PostRecord }[] {
  const rows = db
    .prepare<[string], PostRow & { card_id: number }>(
      `SELECT * FROM review_posts WHERE guild_id = ? AND status = 'posting'`,
    )
    .all(guildId);
  return rows.flatMap((row) => {
    const card = getCard(db, row.card_id);
    return card ? [{ card, post: postFromRow(row) }] : [];
  });
}

/** Records, before sending, that the card is being posted in this server. */
export function claimCardPost(
  db: Db,
  cardId: number,
  post: { guildId: string; channelId: string; nonce: string },
  now: Date = new Date(),
): PostClaim {
  return claimPost(db, CARD_POSTS, cardId, post, now);
}

export function markCardPosted(
  db: Db,
  cardId: number,
  guildId: string,
  messageId: string,
  now: Date = new Date(),
): void {
  setPost(db, CARD_POSTS, cardId, guildId, 'posted', messageId, now);
}

export function markCardPostFailed(db: Db, cardId: number, guildId: string, now: Date = new Date()): void {
  setPost(db, CARD_POSTS, cardId, guildId, 'failed', null, now);
}

/** Where a card was posted (to edit those messages once it is decided). */
export function cardPosts(db: Db, cardId: number): PostRecord[] {
  return db
    .prepare<[number], PostRow>('SELECT * FROM review_posts WHERE card_id = ? ORDER BY guild_id')
    .all(cardId)
    .map(postFromRow);
}

/** Records, before sending, that an added article is being announced in this server. */
export function claimNotice(
  db: Db,
  articleId: string,
  post: { guildId: string; channelId: string; nonce: string },
  now: Date = new Date(),
): PostClaim {
  return claimPost(db, NOTICES, articleId, post, now);
}

export function markNoticePosted(
  db: Db,
  articleId: string,
  guildId: string,
  messageId: string,
  now: Date = new Date(),
): void {
  setPost(db, NOTICES, articleId, guildId, 'posted', messageId, now);
}

export function markNoticeFailed(db: Db, articleId: string, guildId: string, now: Date = new Date()): void {
  setPost(db, NOTICES, articleId, guildId, 'failed', null, now);
}

// ── each server's intake channels ────────────────────────────────────────────────────────────────────────

export interface IntakeSettings {
  guildId: string;
  /** Where review cards are posted; null: not set. */
  reviewChannelId: string | null;
  /** Where each added article is announced; null: not announced. */
  notifyChannelId: string | null;
  updatedAt: string;
}

interface SettingsRow {
  guild_id: string;
  review_channel_id: string | null;
  notify_channel_id: string | null;
  updated_at: string;
}

function settingsFromRow(r: SettingsRow): IntakeSettings {
  return {
    guildId: r.guild_id,
    reviewChannelId: r.review_channel_id,
    notifyChannelId: r.notify_channel_id,
    updatedAt: r.updated_at,
  };
}

export function getIntakeSettings(db: Db, guildId: string): IntakeSettings | null {
  const row = db
    .prepare<[string], SettingsRow>('SELECT * FROM intake_settings WHERE guild_id = ?')
    .get(guildId);
  return row ? settingsFromRow(row) : null;
}

export function listIntakeSettings(db: Db): IntakeSettings[] {
  return db
    .prepare<[], SettingsRow>('SELECT * FROM intake_settings ORDER BY guild_id')
    .all()
    .map(settingsFromRow);
}

/** Sets (or with null, clears) a server's review or announcement channel; the other is kept. */
export function setIntakeChannel(
  db: Db,
  guildId: string,
  which: 'review' | 'notify',
  channelId: string | null,
  now: Date = new Date(),
): IntakeSettings {
  const column = which === 'review' ? 'review_channel_id' : 'notify_channel_id';
  db.prepare(
    `INSERT INTO intake_settings (guild_id, ${column}, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (guild_id) DO UPDATE SET ${column} = excluded.${column}, updated_at = excluded.updated_at`,
  ).run(guildId, channelId, now.toISOString());
  return getIntakeSettings(db, guildId)!;
}
