// Each server's digest settings: where, when and in which time zone it is posted.
import type { Db } from './open.js';

export interface DigestSettings {
  guildId: string;
  channelId: string;
  /** HH:MM, 24-hour, in `timezone`. */
  time: string;
  /** A canonical IANA time zone, e.g. `Europe/Berlin`. */
  timezone: string;
  enabled: boolean;
  /** Skip a day with nothing new instead of posting "nothing new". */
  skipEmpty: boolean;
  /** ISO time of the last change; a schedule set after today's time does not trigger today's catch-up. */
  updatedAt: string;
  /**
   * When posting to the channel failed in a way retrying can't fix (deleted, no permission); null when it works.
   * A broken channel is not tried again until `/digest set` saves new settings.
   */
  brokenAt: string | null;
  brokenReason: string | null;
}

export interface DigestSettingsInput {
  guildId: string;
  channelId: string;
  time: string;
  timezone: string;
  skipEmpty?: boolean;
}

interface Row {
  guild_id: string;
  channel_id: string;
  time: string;
  timezone: string;
  enabled: number;
  skip_empty: number;
  updated_at: string;
  broken_at: string | null;
  broken_reason: string | null;
}

function fromRow(row: Row): DigestSettings {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    time: row.time,
    timezone: row.timezone,
    enabled: Number(row.enabled) === 1,
    skipEmpty: Number(row.skip_empty) === 1,
    updatedAt: row.updated_at,
    brokenAt: row.broken_at,
    brokenReason: row.broken_reason,
  };
}

export async function getSettings(db: Db, guildId: string): Promise<DigestSettings | null> {
  const row = await db.get<Row>('SELECT * FROM guild_settings WHERE guild_id = ?', [guildId]);
  return row ? fromRow(row) : null;
}

export async function listEnabledSettings(db: Db): Promise<DigestSettings[]> {
  const rows = await db.all<Row>('SELECT * FROM guild_settings WHERE enabled = 1 ORDER BY guild_id');
  return rows.map(fromRow);
}

/** Turns the digest on (or changes it) for a server. Validate time and zone before calling. */
export async function saveSettings(db: Db, input: DigestSettingsInput, now: Date = new Date()): Promise<DigestSettings> {
  const row = await db.get<Row>(
    `INSERT INTO guild_settings (guild_id, channel_id, time, timezone, enabled, skip_empty, updated_at)
     VALUES (@guildId, @channelId, @time, @timezone, 1, @skipEmpty, @updatedAt)
     ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time,
       timezone = excluded.timezone, enabled = 1, skip_empty = excluded.skip_empty, updated_at = excluded.updated_at,
       broken_at = NULL, broken_reason = NULL
     RETURNING *`,
    {
      guildId: input.guildId,
      channelId: input.channelId,
      time: input.time,
      timezone: input.timezone,
      skipEmpty: input.skipEmpty ? 1 : 0,
      updatedAt: now.toISOString(),
    },
  );
  return fromRow(row!);
}

/** Turns the digest off, keeping the settings for `/digest status`; false if it was never set. */
export async function disableDigest(db: Db, guildId: string, now: Date = new Date()): Promise<boolean> {
  const result = await db.run('UPDATE guild_settings SET enabled = 0, updated_at = ? WHERE guild_id = ?', [now.toISOString(), guildId]);
  return result.changes > 0;
}

/** Records that the digest channel can't take posts until a moderator acts; only for the channel still set. */
export async function markChannelBroken(db: Db, guildId: string, channelId: string, reason: string, now: Date = new Date()): Promise<void> {
  await db.run('UPDATE guild_settings SET broken_at = ?, broken_reason = ? WHERE guild_id = ? AND channel_id = ?', [
    now.toISOString(),
    reason,
    guildId,
    channelId,
  ]);
}
