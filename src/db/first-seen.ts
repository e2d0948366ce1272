// When storydesk first saw each article: the digest's "new since the last digest" is built from these.
import type { Db } from './open.js';

/** Records `at` for articles not seen before (a re-added or edited article keeps its first time); returns the newly seen ids. */
export function recordFirstSeen(db: Db, articleIds: Iterable<string>, at: Date = new Date()): string[] {
  const insert = db.prepare('INSERT INTO article_first_seen (article_id, first_seen) VALUES (?, ?) ON CONFLICT (article_id) DO NOTHING');
  const iso = at.toISOString();
  return db.transaction((ids: string[]) => ids.filter((id) => insert.run(id, iso).changes > 0))([...articleIds]);
}

export function firstSeenTimes(db: Db): Map<string, string> {
  const rows = db.prepare<[], { article_id: string; first_seen: string }>('SELECT article_id, first_seen FROM article_first_seen').all();
  return new Map(rows.map((r) => [r.article_id, r.first_seen]));
}
