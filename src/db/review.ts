// The review queue: cards for feed items waiting for a moderator, and where each card or added-article announcement
// was posted. Both are recorded as 'posting' before they are sent (as digests are), so a restart never posts one twice;
// a claim is one conditional statement whose `changes` decides, so two hosts flushing one server at once post once.
import { settleItemIn, type ItemSettlement } from './feeds.js';
import type { Sql } from './sql.js';
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
export async function queueCard(
  db: Sql,
  card: { feedId: number; itemId: string; article: CardArticle; reason: string },
  now: Date = new Date(),
): Promise<ReviewCard> {
  const iso = now.toISOString();
  return db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO review_cards (feed_id, item_id, article, reason, state, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (feed_id, item_id) DO NOTHING`,
      [card.feedId, card.itemId, JSON.stringify(card.article), card.reason, iso, iso],
    );
    await tx.run(`UPDATE feed_items SET outcome = 'queued', reason = ?, updated_at = ? WHERE feed_id = ? AND item_id = ?`, [
      card.reason,
      iso,
      card.feedId,
      card.itemId,
    ]);
    return cardFromRow((await tx.get<CardRow>(`${CARD_SELECT} WHERE c.feed_id = ? AND c.item_id = ?`, [card.feedId, card.itemId]))!);
  });
}

export async function getCard(db: Sql, id: number): Promise<ReviewCard | null> {
  const row = await db.get<CardRow>(`${CARD_SELECT} WHERE c.id = ?`, [id]);
  return row ? cardFromRow(row) : null;
}

/** Cards awaiting a decision, oldest first. */
export async function pendingCards(db: Sql): Promise<ReviewCard[]> {
  return (await db.all<CardRow>(`${CARD_SELECT} WHERE c.state = 'pending' ORDER BY c.id`)).map(cardFromRow);
}

/**
 * Decides a pending card: approved or rejected, by whom. Null when the card is gone or was decided already (two
 * moderators clicked at once, on any hosts: the first decision wins, by a conditional UPDATE). Rejecting settles its
 * item as 'rejected' in the same transaction; an approval's item is settled by the caller once the article is
 * written (`settleApproved`).
 */
export async function decideCard(
  db: Sql,
  id: number,
  state: Exclude<CardState, 'pending'>,
  decidedBy: string,
  now: Date = new Date(),
): Promise<ReviewCard | null> {
  const iso = now.toISOString();
  return db.transaction(async (tx) => {
    const changed = (
      await tx.run(`UPDATE review_cards SET state = ?, decided_by = ?, decided_at = ?, updated_at = ? WHERE id = ? AND state = 'pending'`, [
        state,
        decidedBy,
        iso,
        iso,
        id,
      ])
    ).changes;
    if (changed === 0) return null;
    const card = (await getCard(tx, id))!;
    if (state === 'rejected') {
      await tx.run(`UPDATE feed_items SET outcome = 'rejected', reason = ?, updated_at = ? WHERE feed_id = ? AND item_id = ?`, [
        `rejected by ${decidedBy}`,
        iso,
        card.feedId,
        card.itemId,
      ]);
    }
    return card;
  });
}

/** An approved card's outcome: the article it added (or the one it turned out to duplicate), and its item settled. */
export async function settleApproved(db: Sql, id: number, settlement: ItemSettlement, now: Date = new Date()): Promise<ReviewCard | null> {
  const card = await getCard(db, id);
  if (!card) return null;
  await db.transaction(async (tx) => {
    await tx.run('UPDATE review_cards SET article_id = ?, updated_at = ? WHERE id = ?', [settlement.articleId ?? null, now.toISOString(), id]);
    await settleItemIn(tx, card.feedId, card.itemId, settlement, now);
  });
  return getCard(db, id);
}

/** An approval whose article could not be written (a full disk): the card awaits a decision again. */
export async function reopenCard(db: Sql, id: number, now: Date = new Date()): Promise<void> {
  await db.run(`UPDATE review_cards SET state = 'pending', decided_by = NULL, decided_at = NULL, updated_at = ? WHERE id = ?`, [
    now.toISOString(),
    id,
  ]);
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
 * How long a 'posting' claim belongs to whoever made it: sending one message takes seconds, so a claim older than
 * this was left by a process that died (or lost its connection) after claiming, and may be resumed by any host.
 */
export const POST_CLAIM_MS = 60_000;

/**
 * - done: posted already; never post again
 * - claimed: post it now, with the record's nonce (resumed: an earlier attempt may have reached Discord, so a
 *   message with this nonce may exist; a failed attempt goes to the channel given now)
 * - busy: another process (on this host or another) claimed it less than POST_CLAIM_MS ago and is posting it now;
 *   leave it (if that process dies, a later flush resumes it once the claim is stale)
 */
export type PostClaim =
  | { kind: 'done'; post: PostRecord }
  | { kind: 'claimed'; post: PostRecord; resumed: boolean }
  | { kind: 'busy'; post: PostRecord };

type PostTable = { table: 'review_posts'; key: 'card_id' } | { table: 'intake_notices'; key: 'article_id' };

/**
 * Claims a post with conditional statements, no read-then-write: a new claim is one INSERT … ON CONFLICT DO NOTHING;
 * taking over a failed post or a stale 'posting' one is one UPDATE … WHERE status … Of two hosts claiming at once,
 * exactly one sees `changes` = 1; the other is told `busy` (or `done`).
 */
async function claimPost(
  db: Sql,
  where: PostTable,
  keyValue: number | string,
  post: { guildId: string; channelId: string; nonce: string },
  now: Date,
): Promise<PostClaim> {
  const iso = now.toISOString();
  const inserted = await db.get<PostRow>(
    `INSERT INTO ${where.table} (${where.key}, guild_id, channel_id, nonce, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'posting', ?, ?)
     ON CONFLICT (${where.key}, guild_id) DO NOTHING RETURNING *`,
    [keyValue, post.guildId, post.channelId, post.nonce, iso, iso],
  );
  if (inserted) return { kind: 'claimed', post: postFromRow(inserted), resumed: false };
  const stale = new Date(now.getTime() - POST_CLAIM_MS).toISOString();
  const resumed = await db.get<PostRow>(
    `UPDATE ${where.table} SET status = 'posting', channel_id = CASE WHEN status = 'failed' THEN @channel ELSE channel_id END,
       attempts = attempts + 1, updated_at = @now
     WHERE ${where.key} = @key AND guild_id = @guild AND (status = 'failed' OR (status = 'posting' AND updated_at <= @stale))
     RETURNING *`,
    { channel: post.channelId, now: iso, key: keyValue, guild: post.guildId, stale },
  );
  if (resumed) return { kind: 'claimed', post: postFromRow(resumed), resumed: true };
  const existing = await db.get<PostRow>(`SELECT * FROM ${where.table} WHERE ${where.key} = ? AND guild_id = ?`, [keyValue, post.guildId]);
  if (!existing) return claimPost(db, where, keyValue, post, now); // deleted meanwhile (its card removed): try again
  return { kind: existing.status === 'posted' ? 'done' : 'busy', post: postFromRow(existing) };
}

async function setPost(
  db: Sql,
  where: PostTable,
  keyValue: number | string,
  guildId: string,
  status: PostStatus,
  messageId: string | null,
  now: Date,
): Promise<void> {
  const changed = (
    await db.run(`UPDATE ${where.table} SET status = ?, message_id = COALESCE(?, message_id), updated_at = ? WHERE ${where.key} = ? AND guild_id = ?`, [
      status,
      messageId,
      now.toISOString(),
      keyValue,
      guildId,
    ])
  ).changes;
  if (changed === 0) throw new Error(`storydesk: no ${where.table} row for ${keyValue} in guild ${guildId}; expected a claimed post`);
}

const CARD_POSTS: PostTable = { table: 'review_posts', key: 'card_id' };
const NOTICES: PostTable = { table: 'intake_notices', key: 'article_id' };

/** Pending cards not yet posted (or whose post failed) in this server, oldest first. */
export async function cardsToPost(db: Sql, guildId: string): Promise<ReviewCard[]> {
  const rows = await db.all<CardRow>(
    `${CARD_SELECT} WHERE c.state = 'pending' AND NOT EXISTS
       (SELECT 1 FROM review_posts p WHERE p.card_id = c.id AND p.guild_id = ? AND p.status IN ('posting', 'posted'))
     ORDER BY c.id`,
    [guildId],
  );
  return rows.map(cardFromRow);
}

/**
 * Cards left 'posting' in this server by a process that died before recording the message (maybe sent): claims
 * older than POST_CLAIM_MS, so a post another host is making right now is not taken for one. Resume them with
 * their nonce.
 */
export async function cardPostsInDoubt(db: Sql, guildId: string, now: Date = new Date()): Promise<{ card: ReviewCard; post: PostRecord }[]> {
  const stale = new Date(now.getTime() - POST_CLAIM_MS).toISOString();
  const rows = await db.all<PostRow & { card_id: number }>(
    `SELECT * FROM review_posts WHERE guild_id = ? AND status = 'posting' AND updated_at <= ? ORDER BY card_id`,
    [guildId, stale],
  );
  const found: { card: ReviewCard; post: PostRecord }[] = [];
  for (const row of rows) {
    const card = await getCard(db, row.card_id);
    if (card) found.push({ card, post: postFromRow(row) });
  }
  return found;
}

/** Records, before sending, that the card is being posted in this server. */
export function claimCardPost(
  db: Sql,
  cardId: number,
  post: { guildId: string; channelId: string; nonce: string },
  now: Date = new Date(),
): Promise<PostClaim> {
  return claimPost(db, CARD_POSTS, cardId, post, now);
}

export function markCardPosted(db: Sql, cardId: number, guildId: string, messageId: string, now: Date = new Date()): Promise<void> {
  return setPost(db, CARD_POSTS, cardId, guildId, 'posted', messageId, now);
}

export function markCardPostFailed(db: Sql, cardId: number, guildId: string, now: Date = new Date()): Promise<void> {
  return setPost(db, CARD_POSTS, cardId, guildId, 'failed', null, now);
}

/** Where a card was posted (to edit those messages once it is decided). */
export async function cardPosts(db: Sql, cardId: number): Promise<PostRecord[]> {
  return (await db.all<PostRow>('SELECT * FROM review_posts WHERE card_id = ? ORDER BY guild_id', [cardId])).map(postFromRow);
}

/** Records, before sending, that an added article is being announced in this server. */
export function claimNotice(
  db: Sql,
  articleId: string,
  post: { guildId: string; channelId: string; nonce: string },
  now: Date = new Date(),
): Promise<PostClaim> {
  return claimPost(db, NOTICES, articleId, post, now);
}

export function markNoticePosted(db: Sql, articleId: string, guildId: string, messageId: string, now: Date = new Date()): Promise<void> {
  return setPost(db, NOTICES, articleId, guildId, 'posted', messageId, now);
}

export function markNoticeFailed(db: Sql, articleId: string, guildId: string, now: Date = new Date()): Promise<void> {
  return setPost(db, NOTICES, articleId, guildId, 'failed', null, now);
}
