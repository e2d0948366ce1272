// The story's articles in the shared database (DATABASE_URL): each article file's Markdown by its file name, so that
// an article added, edited or removed on one host reaches every other. `revision` grows with every change, so a host
// catches up on what it missed (a lost connection, a restart) by asking for the revisions after the last it applied.
import { createHash } from 'node:crypto';
import type { Sql } from './sql.js';

export interface ArticleRow {
  /** The file's name in CORPUS_DIR (its article id). */
  path: string;
  markdown: string;
  sha256: string;
  revision: number;
  /** When it was removed from the story; the row stays, so that every host learns of the removal. */
  removedAt: string | null;
  /** The host that made this change. */
  updatedBy: string;
  updatedAt: string;
}

interface Row {
  path: string;
  markdown: string;
  sha256: string;
  revision: number;
  removed_at: string | null;
  updated_by: string;
  updated_at: string;
}

function fromRow(r: Row): ArticleRow {
  return { path: r.path, markdown: r.markdown, sha256: r.sha256, revision: r.revision, removedAt: r.removed_at, updatedBy: r.updated_by, updatedAt: r.updated_at };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The next revision: a sequence on Postgres (concurrent writers never share one), the largest + 1 under SQLite's write lock. */
function nextRevision(sql: Sql): string {
  return sql.dialect === 'postgres' ? `nextval('article_revision')` : '(SELECT COALESCE(MAX(revision), 0) + 1 FROM articles)';
}

export type PublishResult = { changed: false; row: ArticleRow } | { changed: true; row: ArticleRow };

/**
 * Stores `markdown` as the article `path` (a new one, a new text, or one removed before and added again). The same
 * text again changes nothing, so a host writing what it received does not send it back.
 */
export async function publishArticle(sql: Sql, path: string, markdown: string, host: string, now: Date = new Date()): Promise<PublishResult> {
  return (await publishArticles(sql, [{ path, markdown }], host, now))[0]!;
}

/** publishArticle for many articles in one transaction (a host's first start publishes its whole folder). */
export async function publishArticles(
  sql: Sql,
  articles: ReadonlyArray<{ path: string; markdown: string }>,
  host: string,
  now: Date = new Date(),
): Promise<PublishResult[]> {
  return sql.transaction(async (tx) => {
    const results: PublishResult[] = [];
    for (const { path, markdown } of articles) {
      const hash = sha256(markdown);
      const current = await tx.get<Row>(`SELECT * FROM articles WHERE path = ?${tx.forUpdate}`, [path]);
      if (current && current.sha256 === hash && current.removed_at === null) {
        results.push({ changed: false, row: fromRow(current) });
        continue;
      }
      const row = await tx.get<Row>(
        `INSERT INTO articles (path, markdown, sha256, revision, removed_at, updated_by, updated_at)
         VALUES (@path, @markdown, @hash, ${nextRevision(tx)}, NULL, @host, @now)
         ON CONFLICT (path) DO UPDATE SET markdown = excluded.markdown, sha256 = excluded.sha256, revision = excluded.revision,
           removed_at = NULL, updated_by = excluded.updated_by, updated_at = excluded.updated_at
         RETURNING *`,
        { path, markdown, hash, host, now: now.toISOString() },
      );
      results.push({ changed: true, row: fromRow(row!) });
    }
    return results;
  });
}

/** Marks the article removed (its text is kept); null when there is no such article or it was removed already. */
export async function removeArticle(sql: Sql, path: string, host: string, now: Date = new Date()): Promise<ArticleRow | null> {
  return sql.transaction(async (tx) => {
    const current = await tx.get<Row>(`SELECT * FROM articles WHERE path = ?${tx.forUpdate}`, [path]);
    if (!current || current.removed_at !== null) return null;
    const row = await tx.get<Row>(
      `UPDATE articles SET removed_at = @now, revision = ${nextRevision(tx)}, updated_by = @host, updated_at = @now WHERE path = @path RETURNING *`,
      { path, host, now: now.toISOString() },
    );
    return fromRow(row!);
  });
}

/** Every change after `revision`, oldest first (the removed ones too). */
export async function articlesSince(sql: Sql, revision: number): Promise<ArticleRow[]> {
  return (await sql.all<Row>('SELECT * FROM articles WHERE revision > ? ORDER BY revision', [revision])).map(fromRow);
}

/** The articles named (those that exist), in one query per 200 names. */
export async function getArticles(sql: Sql, paths: readonly string[]): Promise<ArticleRow[]> {
  const rows: ArticleRow[] = [];
  for (let i = 0; i < paths.length; i += 200) {
    const chunk = paths.slice(i, i + 200);
    rows.push(...(await sql.all<Row>(`SELECT * FROM articles WHERE path IN (${chunk.map(() => '?').join(', ')})`, chunk)).map(fromRow));
  }
  return rows;
}

export async function getArticle(sql: Sql, path: string): Promise<ArticleRow | null> {
  const row = await sql.get<Row>('SELECT * FROM articles WHERE path = ?', [path]);
  return row ? fromRow(row) : null;
}
