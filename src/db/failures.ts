// Failed digest posts per server (deleted channel, missing permission, Discord down), for logs and /digest status.
import type { Db } from './open.js';

export interface DigestFailure {
  guildId: string;
  localDate: string | null;
  /** Discord's error code ("10003", "50013") or another short code; null when unknown. */
  code: string | null;
  message: string;
  at: string;
}

/** Older failures are pruned: status shows the last one, logs hold the history. */
const KEEP_PER_GUILD = 50;

export async function recordFailure(db: Db, failure: Omit<DigestFailure, 'at'>, now: Date = new Date()): Promise<DigestFailure> {
  const row: DigestFailure = { guildId: failure.guildId, localDate: failure.localDate, code: failure.code, message: failure.message, at: now.toISOString() };
  await db.transaction(async (tx) => {
    await tx.run('INSERT INTO failures (guild_id, local_date, code, message, at) VALUES (@guildId, @localDate, @code, @message, @at)', { ...row });
    await tx.run(
      `DELETE FROM failures WHERE guild_id = ? AND id NOT IN
         (SELECT id FROM failures WHERE guild_id = ? ORDER BY id DESC LIMIT ${KEEP_PER_GUILD})`,
      [failure.guildId, failure.guildId],
    );
  });
  return row;
}

export async function lastFailure(db: Db, guildId: string): Promise<DigestFailure | null> {
  const row = await db.get<{ guild_id: string; local_date: string | null; code: string | null; message: string; at: string }>(
    'SELECT guild_id, local_date, code, message, at FROM failures WHERE guild_id = ? ORDER BY id DESC LIMIT 1',
    [guildId],
  );
  return row ? { guildId: row.guild_id, localDate: row.local_date, code: row.code, message: row.message, at: row.at } : null;
}
