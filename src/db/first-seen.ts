// When storydesk first saw each article: the digest's "new since the last digest" is built from these.
import type { Db } from './open.js';

/** Ids per INSERT: a corpus of thousands is recorded in a few statements (round trips, on Postgres). */
const CHUNK = 200;

/** Records `at` for articles not seen before (a re-added or edited article keeps its first time); returns the newly seen ids. */
export async function recordFirstSeen(db: Db, articleIds: Iterable<string>, at: Date = new Date()): Promise<string[]> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return [];
  const iso = at.toISOString();
  const added = new Set<string>();
  await db.transaction(async (tx) => {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = await tx.all<{ article_id: string }>(
        `INSERT INTO article_first_seen (article_id, first_seen) VALUES ${chunk.map(() => '(?, ?)').join(', ')}
         ON CONFLICT (article_id) DO NOTHING RETURNING article_id`,
        chunk.flatMap((id) => [id, iso]),
      );
      for (const row of rows) added.add(row.article_id);
    }
  });
  return ids.filter((id) => added.has(id));
}

export async function firstSeenTimes(db: Db): Promise<Map<string, string>> {
  const rows = await db.all<{ article_id: string; first_seen: string }>('SELECT article_id, first_seen FROM article_first_seen');
  return new Map(rows.map((r) => [r.article_id, r.first_seen]));
}
