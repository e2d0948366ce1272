// The review queue: cards for feed items waiting for a moderator, and where each card or added-article announcement
// was posted. Both are recorded as 'posting' before they are sent (as digests are), so a restart never posts one twice.
import type { Db } from './open.js';
import { settleItem, type ItemSettlement } from './feeds.js';
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
