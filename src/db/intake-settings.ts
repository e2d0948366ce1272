// Each server's intake channels: where review cards go and where added articles are announced.
import type { Db } from './open.js';
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
