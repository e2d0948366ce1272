// Leases: a job that one host at a time may run (the feed poller), held by a host until it expires and renewed by
// its holder. Taking one is a single statement, so two hosts racing for it can't both win; a host that dies stops
// renewing and another takes over once the lease has expired (within one lease period).
import type { Sql } from './sql.js';

export interface Lease {
  name: string;
  holder: string;
  acquiredAt: string;
  expiresAt: string;
}

/**
 * Takes or renews `name` for `holder` until now + `ttlMs`; returns true when `holder` holds it afterwards (it was
 * free, expired, or already `holder`'s). A renewal keeps `acquiredAt`.
 */
export async function acquireLease(sql: Sql, name: string, holder: string, ttlMs: number, now: Date = new Date()): Promise<boolean> {
  const iso = now.toISOString();
  const expires = new Date(now.getTime() + ttlMs).toISOString();
  const row = await sql.get<{ holder: string }>(
    `INSERT INTO leases (name, holder, acquired_at, expires_at) VALUES (@name, @holder, @now, @expires)
     ON CONFLICT (name) DO UPDATE SET
       holder = excluded.holder,
       acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at ELSE excluded.acquired_at END,
       expires_at = excluded.expires_at
     WHERE leases.holder = excluded.holder OR leases.expires_at <= @now
     RETURNING holder`,
    { name, holder, now: iso, expires },
  );
  return row?.holder === holder;
}

/** Gives the lease up at once (a clean shutdown), so another host need not wait for it to expire. */
export async function releaseLease(sql: Sql, name: string, holder: string): Promise<boolean> {
  return (await sql.run('DELETE FROM leases WHERE name = ? AND holder = ?', [name, holder])).changes > 0;
}

export async function getLease(sql: Sql, name: string): Promise<Lease | null> {
  const row = await sql.get<{ name: string; holder: string; acquired_at: string; expires_at: string }>('SELECT * FROM leases WHERE name = ?', [name]);
  return row ? { name: row.name, holder: row.holder, acquiredAt: row.acquired_at, expiresAt: row.expires_at } : null;
}
