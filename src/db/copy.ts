// Moving to several hosts: copies one storydesk database into another (an existing SQLite file into Postgres), table
// by table in the order their foreign keys need, keeping every row's values and ids. A row the target already has
// (the same key) is left as it is, so running the copy again changes nothing. Identity sequences are moved past the
// largest id copied, so the next feed or question gets a new id.
import type { Store } from './store.js';

/** Tables in foreign-key order, with their identity column when they have one. `leases` is not copied: it is live. */
export const COPIED_TABLES: ReadonlyArray<{ table: string; identity?: string }> = [
  { table: 'meta' },
  { table: 'guild_settings' },
  { table: 'digests' },
  { table: 'failures', identity: 'id' },
  { table: 'article_first_seen' },
  { table: 'feeds', identity: 'id' },
  { table: 'feed_items' },
  { table: 'review_cards', identity: 'id' },
  { table: 'review_posts' },
  { table: 'intake_settings' },
  { table: 'intake_notices' },
  { table: 'page_sessions' },
  { table: 'asked_questions', identity: 'id' },
  { table: 'answer_votes' },
  { table: 'articles' },
];

export interface TableCopy {
  table: string;
  /** Rows in the source. */
  rows: number;
  /** Rows written to the target. */
  copied: number;
  /** Rows the target had already (the same key): left as they were. */
  kept: number;
}

const BATCH = 500;

/** Copies every table of `from` into `to` (both migrated to the same version, which opening them does). */
export async function copyDatabase(from: Store, to: Store, onTable?: (copy: TableCopy) => void): Promise<TableCopy[]> {
  const results: TableCopy[] = [];
  for (const { table, identity } of COPIED_TABLES) {
    const rows = await from.all<Record<string, unknown>>(`SELECT * FROM ${table}${identity ? ` ORDER BY ${identity}` : ''}`);
    let copied = 0;
    await to.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += BATCH) {
        for (const row of rows.slice(i, i + BATCH)) {
          const columns = Object.keys(row);
          const { changes } = await tx.run(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ON CONFLICT DO NOTHING`,
            row,
          );
          copied += changes;
        }
      }
      if (identity && tx.dialect === 'postgres') {
        await tx.get(`SELECT setval(pg_get_serial_sequence('${table}', '${identity}'), GREATEST((SELECT COALESCE(MAX(${identity}), 0) FROM ${table}), 1))`);
      }
      if (table === 'articles' && tx.dialect === 'postgres') {
        await tx.get(`SELECT setval('article_revision', GREATEST((SELECT COALESCE(MAX(revision), 0) FROM articles), 1))`);
      }
    });
    const result = { table, rows: rows.length, copied, kept: rows.length - copied };
    results.push(result);
    onTable?.(result);
  }
  return results;
}
