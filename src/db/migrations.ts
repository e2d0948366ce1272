// Versioned schema migrations. `PRAGMA user_version` holds the last applied version; each
// migration runs in its own transaction, so a crash mid-way leaves the previous version intact.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: never edit a migration that has shipped, add the next version instead. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'digest settings, digests posted, failures, article first-seen times',
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      -- One row per server that turned the digest on (enabled = 0 after /digest off).
      CREATE TABLE guild_settings (
        guild_id   TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL,
        time       TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        timezone   TEXT NOT NULL,
        enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        skip_empty INTEGER NOT NULL DEFAULT 0 CHECK (skip_empty IN (0, 1)),
        updated_at TEXT NOT NULL
      );
      -- One row per server per local day: the intent is written before sending, the message id after.
      -- since/until bound the "new articles" window, so a retried send rebuilds the same content.
      CREATE TABLE digests (
        guild_id   TEXT NOT NULL,
        local_date TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        nonce      TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'skipped', 'failed', 'missed')),
        since      TEXT,
        until      TEXT NOT NULL,
        message_id TEXT,
        attempts   INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (guild_id, local_date)
      );
      CREATE TABLE failures (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id   TEXT NOT NULL,
        local_date TEXT,
        code       TEXT,
        message    TEXT NOT NULL,
        at         TEXT NOT NULL
      );
      CREATE INDEX failures_by_guild ON failures (guild_id, id);
      CREATE TABLE article_first_seen (
        article_id TEXT PRIMARY KEY,
        first_seen TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'a digest channel that is permanently broken is recorded, and the digest waits for /digest set',
    sql: `
      ALTER TABLE guild_settings ADD COLUMN broken_at TEXT;
      ALTER TABLE guild_settings ADD COLUMN broken_reason TEXT;
    `,
  },
  {
    version: 3,
    name: 'intake: feeds followed, each feed item once, review cards and where they were posted, intake channels',
    sql: `
      -- A feed the story follows. next_poll_at, failures and failing_since drive polling and backoff; a feed that
      -- has failed for days gets paused_at (and keeps last_error) until it is polled successfully again.
      CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        url           TEXT NOT NULL UNIQUE,
        title         TEXT,
        page_url      TEXT,
        match_expr    TEXT,
        mode          TEXT NOT NULL CHECK (mode IN ('review', 'auto')),
        added_by      TEXT NOT NULL,
        added_at      TEXT NOT NULL,
        etag          TEXT,
        last_modified TEXT,
        last_poll_at  TEXT,
        last_ok_at    TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        failing_since TEXT,
        next_poll_at  TEXT,
        paused_at     TEXT,
        last_error    TEXT,
        items_taken   INTEGER NOT NULL DEFAULT 0
      );
      -- Every item of a feed, recorded before anything is done with it ('pending'), so each is processed once.
      CREATE TABLE feed_items (
        feed_id       INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        item_id       TEXT NOT NULL,
        title         TEXT NOT NULL,
        link          TEXT,
        summary       TEXT NOT NULL DEFAULT '',
        published_at  TEXT,
        first_seen_at TEXT NOT NULL,
        outcome       TEXT NOT NULL CHECK (outcome IN ('pending', 'seen', 'added', 'queued', 'rejected', 'skipped', 'copy')),
        reason        TEXT,
        article_id    TEXT,
        attempts      INTEGER NOT NULL DEFAULT 0,
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (feed_id, item_id)
      );
      CREATE INDEX feed_items_pending ON feed_items (feed_id) WHERE outcome = 'pending';
      -- An item that awaits a moderator's decision, with the article as it will be added.
      CREATE TABLE review_cards (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        feed_id    INTEGER NOT NULL,
        item_id    TEXT NOT NULL,
        article    TEXT NOT NULL,
        reason     TEXT NOT NULL,
        state      TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
        decided_by TEXT,
        decided_at TEXT,
        article_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (feed_id, item_id),
        FOREIGN KEY (feed_id, item_id) REFERENCES feed_items (feed_id, item_id) ON DELETE CASCADE
      );
      -- Where a card was posted, one row per server: written as 'posting' before the message is sent.
      CREATE TABLE review_posts (
        card_id    INTEGER NOT NULL REFERENCES review_cards (id) ON DELETE CASCADE,
        guild_id   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        nonce      TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('posting', 'posted', 'failed')),
        message_id TEXT,
        attempts   INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (card_id, guild_id)
      );
      -- Per server: where review cards go and where added articles are announced.
      CREATE TABLE intake_settings (
        guild_id          TEXT PRIMARY KEY,
        review_channel_id TEXT,
        notify_channel_id TEXT,
        updated_at        TEXT NOT NULL
      );
      -- Each added article announced once per server: written as 'posting' before the message is sent.
      CREATE TABLE intake_notices (
        article_id TEXT NOT NULL,
        guild_id   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        nonce      TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('posting', 'posted', 'failed')),
        message_id TEXT,
        attempts   INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (article_id, guild_id)
      );
    `,
  },
  {
    version: 4,
    name: 'paged lists: the command, options, page, owner and expiry behind each list\'s buttons, so they work after a restart',
    sql: `
      CREATE TABLE page_sessions (
        id         TEXT PRIMARY KEY,
        command    TEXT NOT NULL,
        options    TEXT NOT NULL,
        page       INTEGER NOT NULL DEFAULT 0 CHECK (page >= 0),
        owner_id   TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX page_sessions_by_expiry ON page_sessions (expires_at);
    `,
  },
  {
    version: 5,
    name: 'what members could not get answered: each question asked (text, server, time, outcome) and the votes on its answer, under a salted hash',
    sql: `
      -- One row per question asked with /ask or a mention (no user id): deleted 30 days after it was asked.
      CREATE TABLE asked_questions (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id TEXT,
        question TEXT NOT NULL,
        outcome  TEXT NOT NULL CHECK (outcome IN ('answered', 'abstained')),
        asked_at TEXT NOT NULL
      );
      CREATE INDEX asked_questions_by_time ON asked_questions (asked_at);
      -- One vote per member per answer: voter is sha256 of a salt kept in meta (vote_salt), the question's id and the
      -- member's id, so it can't be turned back into the member, nor linked to their votes on other answers.
      CREATE TABLE answer_votes (
        question_id INTEGER NOT NULL REFERENCES asked_questions (id) ON DELETE CASCADE,
        voter       TEXT NOT NULL,
        vote        INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        voted_at    TEXT NOT NULL,
        PRIMARY KEY (question_id, voter)
      );
    `,
  },
];

export const LATEST_VERSION = migrations.at(-1)?.version ?? 0;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the database's version; returns the versions applied. */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): number[] {
  const current = schemaVersion(db);
  const latest = list.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `storydesk: database schema version ${current} is newer than this storydesk knows (${latest}); upgrade storydesk or use another DATABASE_PATH`,
    );
  }
  const applied: number[] = [];
  for (const migration of list) {
    if (migration.version <= current) continue;
    const ran = db.transaction(() => {
      // Shards share the file: another process may have applied it while this one waited for the lock.
      if (schemaVersion(db) >= migration.version) return false;
      db.exec(migration.sql);
      // PRAGMA does not take bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
      return true;
    }).immediate();
    if (ran) applied.push(migration.version);
  }
  return applied;
}
