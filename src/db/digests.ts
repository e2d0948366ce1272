// The digest log: one row per server per local day. The row is written as 'sending' before the
// message goes out and gets the message id after, so a restart can tell "maybe sent" from "not sent".
//
// Several hosts may share the database (and, while servers move between shards, two may think they hold the same
// server). A day is claimed by one host at a time: the claim is one statement on the (guild, day) primary key, and a
// 'sending' row names the host that claimed it (`claimed_by`). Another host resumes it only once the claim is older
// than DIGEST_CLAIM_LEASE_MS (its claimer died mid-send); no digest is posted without its claim.
import type { Db } from './open.js';

/**
 * - sending: intent recorded, outcome unknown (a crash here is resolved at the next start)
 * - sent: posted, `messageId` set
 * - skipped: nothing new and the server chose to skip such days
 * - failed: the last attempt failed (retried while the day lasts)
 * - missed: an older day found unresolved at start; never posted late, so there is no flood
 */
export type DigestRunStatus = 'sending' | 'sent' | 'skipped' | 'failed' | 'missed';

/**
 * How long a 'sending' claim of another host is left alone. A post takes seconds; one still 'sending' after this is
 * taken as its host having died, and is resumed with the same nonce (Discord deduplicates it for a few minutes).
 */
export const DIGEST_CLAIM_LEASE_MS = 2 * 60_000;

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
  /** The host (Store.hostId) whose claim this is; null for rows written before hosts were recorded. */
  claimedBy: string | null;
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
  claimed_by: string | null;
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
    attempts: Number(r.attempts),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    claimedBy: r.claimed_by,
  };
}

export async function getDigestRecord(db: Db, guildId: string, localDate: string): Promise<DigestRecord | null> {
  const row = await db.get<Row>('SELECT * FROM digests WHERE guild_id = ? AND local_date = ?', [guildId, localDate]);
  return row ? fromRow(row) : null;
}

/** Finished days end the "new articles" window of the next digest. */
export async function lastCompletedDigest(db: Db, guildId: string): Promise<DigestRecord | null> {
  const row = await db.get<Row>(
    `SELECT * FROM digests WHERE guild_id = ? AND status IN ('sent', 'skipped') ORDER BY local_date DESC LIMIT 1`,
    [guildId],
  );
  return row ? fromRow(row) : null;
}

export async function lastSentDigest(db: Db, guildId: string): Promise<DigestRecord | null> {
  const row = await db.get<Row>(`SELECT * FROM digests WHERE guild_id = ? AND status = 'sent' ORDER BY local_date DESC LIMIT 1`, [guildId]);
  return row ? fromRow(row) : null;
}

/** Rows left 'sending' or 'failed' by an earlier run, before `localDate` (days that are over). */
export async function unresolvedBefore(db: Db, guildId: string, localDate: string): Promise<DigestRecord[]> {
  const rows = await db.all<Row>(
    `SELECT * FROM digests WHERE guild_id = ? AND local_date < ? AND status IN ('sending', 'failed') ORDER BY local_date`,
    [guildId, localDate],
  );
  return rows.map(fromRow);
}

/**
 * Whether `record` is a 'sending' claim another host holds now: it must be left to that host. Rows without a host
 * (written before hosts were recorded, by a single host since restarted) are nobody's.
 */
export function heldByAnotherHost(record: DigestRecord, hostId: string, now: Date, leaseMs: number = DIGEST_CLAIM_LEASE_MS): boolean {
  return (
    record.status === 'sending' &&
    record.claimedBy !== null &&
    record.claimedBy !== hostId &&
    Date.parse(record.updatedAt) > now.getTime() - leaseMs
  );
}

export interface DigestIntent {
  guildId: string;
  localDate: string;
  channelId: string;
  nonce: string;
  since: string | null;
  until: string;
}

export type ClaimResult =
  | { kind: 'done'; record: DigestRecord }
  | { kind: 'claimed'; record: DigestRecord; resumed: boolean }
  /** Another host claimed the day less than a lease ago and may be posting it now: do not post; look again later. */
  | { kind: 'busy'; record: DigestRecord };

/**
 * Records the intent to post (guild, day) before anything is sent, as this host (`db.hostId`). A day already sent,
 * skipped or missed is 'done'. A 'failed' row, a 'sending' row of this host, or a 'sending' row of another host older
 * than `leaseMs` is resumed with its own nonce and window, so a retry sends the same message Discord can deduplicate;
 * a younger 'sending' row of another host is 'busy'.
 *
 * The claim is a single statement (an upsert on the (guild, day) primary key whose update is conditional), so it is
 * atomic on both back ends: of two hosts claiming at once, Postgres makes the second wait for the first's row and
 * re-check the condition, and SQLite runs one statement at a time. (A multi-statement transaction would hold
 * SQLite's write lock across awaits, and another connection of the same process would block on it.)
 */
export async function claimDigest(
  db: Db,
  intent: DigestIntent,
  now: Date = new Date(),
  leaseMs: number = DIGEST_CLAIM_LEASE_MS,
): Promise<ClaimResult> {
  // On a resume, a failed day goes to the channel set now (the old one may be deleted); a 'sending' one may already
  // be in its channel, so it stays there. Nonce and window are always the row's own.
  const claimed = await db.get<Row>(
    `INSERT INTO digests AS d (guild_id, local_date, channel_id, nonce, status, since, until, attempts, created_at, updated_at, claimed_by)
     VALUES (@guildId, @localDate, @channelId, @nonce, 'sending', @since, @until, 1, @now, @now, @host)
     ON CONFLICT (guild_id, local_date) DO UPDATE SET
       status = 'sending',
       channel_id = CASE WHEN d.status = 'failed' THEN excluded.channel_id ELSE d.channel_id END,
       attempts = d.attempts + 1,
       updated_at = excluded.updated_at,
       claimed_by = excluded.claimed_by
     WHERE d.status = 'failed'
        OR (d.status = 'sending' AND (d.claimed_by IS NULL OR d.claimed_by = @host OR d.updated_at <= @staleBefore))
     RETURNING *`,
    {
      guildId: intent.guildId,
      localDate: intent.localDate,
      channelId: intent.channelId,
      nonce: intent.nonce,
      since: intent.since,
      until: intent.until,
      now: now.toISOString(),
      host: db.hostId,
      staleBefore: new Date(now.getTime() - leaseMs).toISOString(),
    },
  );
  // A fresh row has attempts 1; a resumed one at least 2.
  if (claimed) return { kind: 'claimed', record: fromRow(claimed), resumed: Number(claimed.attempts) > 1 };
  const existing = await getDigestRecord(db, intent.guildId, intent.localDate);
  if (!existing) throw new Error(`storydesk: the digest claim for guild ${intent.guildId} on ${intent.localDate} found no row`);
  if (existing.status === 'sent' || existing.status === 'skipped' || existing.status === 'missed') return { kind: 'done', record: existing };
  // Held by another host (or it changed since the claim was refused): this host looks again later.
  return { kind: 'busy', record: existing };
}

/**
 * Sets a day's outcome where `condition` allows it; true if it did. Throws when the day was never claimed; false
 * when the row is in a state this change must not overwrite (another host resolved or took it over meanwhile).
 */
async function setStatus(
  db: Db,
  guildId: string,
  localDate: string,
  status: DigestRunStatus,
  messageId: string | null,
  now: Date,
  condition: string = 'TRUE',
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  const result = await db.run(
    `UPDATE digests SET status = @status, message_id = COALESCE(@messageId, message_id), updated_at = @now
     WHERE guild_id = @guildId AND local_date = @localDate AND (${condition})`,
    { status, messageId, now: now.toISOString(), guildId, localDate, ...extra },
  );
  if (result.changes > 0) return true;
  const row = await db.get<{ status: string }>('SELECT status FROM digests WHERE guild_id = ? AND local_date = ?', [guildId, localDate]);
  if (!row) throw new Error(`storydesk: no digest row for guild ${guildId} on ${localDate}; expected a recorded intent`);
  return false;
}

/** Only this host's claim (or a row without a host) may end in 'skipped' or 'failed'. */
const OWN_SENDING = `status = 'sending' AND (claimed_by IS NULL OR claimed_by = @host)`;

/** A message is in the channel: recorded whatever the row said. */
export async function markSent(db: Db, guildId: string, localDate: string, messageId: string, now: Date = new Date()): Promise<boolean> {
  return setStatus(db, guildId, localDate, 'sent', messageId, now);
}

/** False (nothing changed) when the row is no longer this host's 'sending' claim. */
export async function markSkipped(db: Db, guildId: string, localDate: string, now: Date = new Date()): Promise<boolean> {
  return setStatus(db, guildId, localDate, 'skipped', null, now, OWN_SENDING, { host: db.hostId });
}

/** False (nothing changed) when the row is no longer this host's 'sending' claim, e.g. another host posted it. */
export async function markFailed(db: Db, guildId: string, localDate: string, now: Date = new Date()): Promise<boolean> {
  return setStatus(db, guildId, localDate, 'failed', null, now, OWN_SENDING, { host: db.hostId });
}

/**
 * Closes an unresolved older day; false (nothing changed) when it is done already or another host's claim on it is
 * younger than `leaseMs` (that host may be posting it now).
 */
export async function markMissed(
  db: Db,
  guildId: string,
  localDate: string,
  now: Date = new Date(),
  leaseMs: number = DIGEST_CLAIM_LEASE_MS,
): Promise<boolean> {
  return setStatus(
    db,
    guildId,
    localDate,
    'missed',
    null,
    now,
    `status = 'failed' OR (status = 'sending' AND (claimed_by IS NULL OR claimed_by = @host OR updated_at <= @staleBefore))`,
    { host: db.hostId, staleBefore: new Date(now.getTime() - leaseMs).toISOString() },
  );
}
