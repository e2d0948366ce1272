// The digest log: one row per server per local day. The row is written as 'sending' before the
// message goes out and gets the message id after, so a restart can tell "maybe sent" from "not sent".
import type { Db } from './open.js';

/**
 * - sending: intent recorded, outcome unknown (a crash here is resolved at the next start)
 * - sent: posted, `messageId` set
 * - skipped: nothing new and the server chose to skip such days
 * - failed: the last attempt failed (retried while the day lasts)
 * - missed: an older day found unresolved at start; never posted late, so there is no flood
 */
export type DigestRunStatus = 'sending' | 'sent' | 'skipped' | 'failed' | 'missed';

export interface DigestRecord {
  guildId: string;
  /** YYYY-MM-DD in the server's time zone. */
  localDate: string;
  channelId: string;
  nonce: string;
  status: DigestRunStatus;
  /** The "new articles" window: (since, until]. `since` null means no earlier digest. */
  since: string | null;
  until: string;
  messageId: string | null;
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  guild_id: string;
  local_date: string;
  channel_id: string;
  nonce: string;
  status: DigestRunStatus;
  since: string | null;
  until: string;
  message_id: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
}

function fromRow(r: Row): DigestRecord {
  return {
    guildId: r.guild_id,
    localDate: r.local_date,
    channelId: r.channel_id,
    nonce: r.nonce,
    status: r.status,
    since: r.since,
    until: r.until,
    messageId: r.message_id,
    attempts: r.attempts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getDigestRecord(db: Db, guildId: string, localDate: string): DigestRecord | null {
  const row = db.prepare<[string, string], Row>('SELECT * FROM digests WHERE guild_id = ? AND local_date = ?').get(guildId, localDate);
  return row ? fromRow(row) : null;
}

/** Finished days end the "new articles" window of the next digest. */
export function lastCompletedDigest(db: Db, guildId: string): DigestRecord | null {
  const row = db
    .prepare<[string], Row>(
      `SELECT * FROM digests WHERE guild_id = ? AND status IN ('sent', 'skipped') ORDER BY local_date DESC LIMIT 1`,
    )
    .get(guildId);
  return row ? fromRow(row) : null;
}

export function lastSentDigest(db: Db, guildId: string): DigestRecord | null {
  const row = db
    .prepare<[string], Row>(`SELECT * FROM digests WHERE guild_id = ? AND status = 'sent' ORDER BY local_date DESC LIMIT 1`)
    .get(guildId);
  return row ? fromRow(row) : null;
}

/** Rows left 'sending' or 'failed' by an earlier run, before `localDate` (days that are over). */
export function unresolvedBefore(db: Db, guildId: string, localDate: string): DigestRecord[] {
  return db
    .prepare<[string, string], Row>(
      `SELECT * FROM digests WHERE guild_id = ? AND local_date < ? AND status IN ('sending', 'failed') ORDER BY local_date`,
    )
    .all(guildId, localDate)
    .map(fromRow);
}

export interface DigestIntent {
  guildId: string;
  localDate: string;
  channelId: string;
  nonce: string;
  since: string | null;
  until: string;
}

export type ClaimResult = { kind: 'done'; record: DigestRecord } | { kind: 'claimed'; record: DigestRecord; resumed: boolean };

/**
 * Records the intent to post (guild, day) before anything is sent. A day already sent, skipped or
 * missed is 'done'. A 'sending' or 'failed' row is resumed with its own nonce, window and channel, so a
 * retry sends the same message Discord can deduplicate.
 */
export function claimDigest(db: Db, intent: DigestIntent, now: Date = new Date()): ClaimResult {
  const iso = now.toISOString();
  return db
    .transaction((): ClaimResult => {
      const existing = getDigestRecord(db, intent.guildId, intent.localDate);
      if (existing && (existing.status === 'sent' || existing.status === 'skipped' || existing.status === 'missed')) {
        return { kind: 'done', record: existing };
      }
      if (existing) {
        // A failed day goes to the channel set now (the old one may be deleted); a 'sending' one may
        // already be in its channel, so it stays there.
        const channel = existing.status === 'failed' ? intent.channelId : existing.channelId;
        db.prepare(
          `UPDATE digests SET status = 'sending', channel_id = ?, attempts = attempts + 1, updated_at = ? WHERE guild_id = ? AND local_date = ?`,
        ).run(channel, iso, intent.guildId, intent.localDate);
        return { kind: 'claimed', record: getDigestRecord(db, intent.guildId, intent.localDate)!, resumed: true };
      }
      db.prepare(
        `INSERT INTO digests (guild_id, local_date, channel_id, nonce, status, since, until, attempts, created_at, updated_at)
         VALUES (@guildId, @localDate, @channelId, @nonce, 'sending', @since, @until, 1, @now, @now)`,
      ).run({ ...intent, now: iso });
      return { kind: 'claimed', record: getDigestRecord(db, intent.guildId, intent.localDate)!, resumed: false };
    })
    .immediate();
}

function setStatus(db: Db, guildId: string, localDate: string, status: DigestRunStatus, messageId: string | null, now: Date): void {
  const result = db
    .prepare(
      `UPDATE digests SET status = ?, message_id = COALESCE(?, message_id), updated_at = ? WHERE guild_id = ? AND local_date = ?`,
    )
    .run(status, messageId, now.toISOString(), guildId, localDate);
  if (result.changes === 0) throw new Error(`storydesk: no digest row for guild ${guildId} on ${localDate}; expected a recorded intent`);
}

export function markSent(db: Db, guildId: string, localDate: string, messageId: string, now: Date = new Date()): void {
  setStatus(db, guildId, localDate, 'sent', messageId, now);
}

export function markSkipped(db: Db, guildId: string, localDate: string, now: Date = new Date()): void {
  setStatus(db, guildId, localDate, 'skipped', null, now);
}

export function markFailed(db: Db, guildId: string, localDate: string, now: Date = new Date()): void {
  setStatus(db, guildId, localDate, 'failed', null, now);
}

export function markMissed(db: Db, guildId: string, localDate: string, now: Date = new Date()): void {
  setStatus(db, guildId, localDate, 'missed', null, now);
}
