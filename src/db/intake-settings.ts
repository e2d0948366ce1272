// Each server's intake channels: where review cards go and where added articles are announced.
import type { Sql } from './sql.js';
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

export async function getIntakeSettings(db: Sql, guildId: string): Promise<IntakeSettings | null> {
  const row = await db.get<SettingsRow>('SELECT * FROM intake_settings WHERE guild_id = ?', [guildId]);
  return row ? settingsFromRow(row) : null;
}

export async function listIntakeSettings(db: Sql): Promise<IntakeSettings[]> {
  return (await db.all<SettingsRow>('SELECT * FROM intake_settings ORDER BY guild_id')).map(settingsFromRow);
}

/** Sets (or with null, clears) a server's review or announcement channel; the other is kept. */
export async function setIntakeChannel(
  db: Sql,
  guildId: string,
  which: 'review' | 'notify',
  channelId: string | null,
  now: Date = new Date(),
): Promise<IntakeSettings> {
  const column = which === 'review' ? 'review_channel_id' : 'notify_channel_id';
  const row = await db.get<SettingsRow>(
    `INSERT INTO intake_settings (guild_id, ${column}, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (guild_id) DO UPDATE SET ${column} = excluded.${column}, updated_at = excluded.updated_at
     RETURNING *`,
    [guildId, channelId, now.toISOString()],
  );
  return settingsFromRow(row!);
}
