// Paged lists' state: which command a list's Previous/Next buttons page through, with which options, at which page,
// for whom, and until when. Small, and kept in the database (SQLite or Postgres) so that the buttons still work after a
// restart, and on another host: a button pressed on a message one host sent may reach another. Rows are deleted once
// they expire; nothing else is kept about the person who ran the command.
import type { Sql } from './sql.js';

export interface PageSession {
  /** The id the buttons carry (short, random). */
  id: string;
  /** The slash command whose pages these are, e.g. `timeline`. */
  command: string;
  /** The command's options as it read them (a /timeline filter, a /who name); re-read to render the pages again. */
  options: Record<string, string>;
  /** 0-based. */
  page: number;
  /** The Discord user whose message (or private copy) this is: only they page it in place. */
  ownerId: string;
  /** ISO time after which the buttons no longer work. */
  expiresAt: string;
}

interface Row {
  id: string;
  command: string;
  options: string;
  page: number;
  owner_id: string;
  expires_at: string;
}

function fromRow(row: Row): PageSession {
  return { id: row.id, command: row.command, options: parseOptions(row.options), page: row.page, ownerId: row.owner_id, expiresAt: row.expires_at };
}

/** Options are stored as a JSON object of strings; anything else in the column reads as no options. */
function parseOptions(json: string): Record<string, string> {
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** Records a new session (or replaces one with the same id). */
export async function savePageSession(db: Sql, session: PageSession, now: Date = new Date()): Promise<void> {
  await db.run(
    `INSERT INTO page_sessions (id, command, options, page, owner_id, expires_at, created_at)
     VALUES (@id, @command, @options, @page, @ownerId, @expiresAt, @createdAt)
     ON CONFLICT (id) DO UPDATE SET command = excluded.command, options = excluded.options, page = excluded.page,
       owner_id = excluded.owner_id, expires_at = excluded.expires_at`,
    {
      id: session.id,
      command: session.command,
      options: JSON.stringify(session.options),
      page: session.page,
      ownerId: session.ownerId,
      expiresAt: session.expiresAt,
      createdAt: now.toISOString(),
    },
  );
}

/** The session, or null when there is none or it has expired by `now`. */
export async function getPageSession(db: Sql, id: string, now: Date = new Date()): Promise<PageSession | null> {
  const row = await db.get<Row>('SELECT id, command, options, page, owner_id, expires_at FROM page_sessions WHERE id = ? AND expires_at > ?', [id, now.toISOString()]);
  return row ? fromRow(row) : null;
}

/** Remembers the page the owner turned to; false when the session is gone. */
export async function setSessionPage(db: Sql, id: string, page: number): Promise<boolean> {
  return (await db.run('UPDATE page_sessions SET page = ? WHERE id = ?', [page, id])).changes > 0;
}

export async function deletePageSession(db: Sql, id: string): Promise<boolean> {
  return (await db.run('DELETE FROM page_sessions WHERE id = ?', [id])).changes > 0;
}

/** Deletes every session expired by `now`; returns how many. */
export async function pruneExpiredPageSessions(db: Sql, now: Date = new Date()): Promise<number> {
  return (await db.run('DELETE FROM page_sessions WHERE expires_at <= ?', [now.toISOString()])).changes;
}
