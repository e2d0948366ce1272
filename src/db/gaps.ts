// What members couldn't get answered: each question asked with /ask or a mention (its text, server, time and whether
// it was answered) and the 👍/👎 votes on its answer, for moderators' /story gaps. No user id is stored: a vote is kept
// under a salted hash, only so that a member has one vote per answer. Everything is deleted 30 days after the question.
// Written once for both back ends: several hosts may record questions and votes in one Postgres database at once.
import { createHash, randomBytes } from 'node:crypto';
import { STOP_WORDS, termOf, wordTokens } from '../text/terms.js';
import type { Sql } from './sql.js';

export type QuestionOutcome = 'answered' | 'abstained';
export type Vote = 'up' | 'down';

/** How long questions and votes are kept. */
export const GAP_RETENTION_DAYS = 30;
/** The window /story gaps looks at. */
export const GAP_WINDOW_DAYS = 7;
/** Two questions whose word sets are at least this alike (shared / all, after normalising) are one group. */
export const GAP_SIMILARITY = 0.8;

const DAY_MS = 86_400_000;

/** Each database's salt once read: it never changes, so a vote costs no extra round trips for it. */
const salts = new WeakMap<Sql, string>();

/**
 * The salt of the voters' hashes: made once, at random, and kept in the meta table. Race-free across hosts: each
 * offers a salt and keeps none of its own; the first offer stored wins, and every host reads that one.
 */
export async function voteSalt(db: Sql): Promise<string> {
  const known = salts.get(db);
  if (known) return known;
  await db.run(`INSERT INTO meta (key, value) VALUES ('vote_salt', ?) ON CONFLICT (key) DO NOTHING`, [randomBytes(32).toString('hex')]);
  const row = await db.get<{ value: string }>(`SELECT value FROM meta WHERE key = 'vote_salt'`);
  if (!row) throw new Error('storydesk: the vote salt could not be stored');
  salts.set(db, row.value);
  return row.value;
}

/** Records a question asked (as the engine read it) and its outcome; returns its id, which its vote buttons carry. */
export async function recordQuestion(db: Sql, entry: { question: string; guildId: string | null; outcome: QuestionOutcome; at?: Date }): Promise<number> {
  const at = (entry.at ?? new Date()).toISOString();
  const row = await db.get<{ id: number }>('INSERT INTO asked_questions (guild_id, question, outcome, asked_at) VALUES (?, ?, ?, ?) RETURNING id', [
    entry.guildId,
    entry.question,
    entry.outcome,
    at,
  ]);
  return Number(row!.id);
}

/** The voter's key for one answer: no user id, and not the same across answers. */
export function voterHash(salt: string, questionId: number, userId: string): string {
  return createHash('sha256').update(`${salt}\u0000${questionId}\u0000${userId}`).digest('hex');
}

/**
 * A member's 👍 or 👎 on an answer. One vote per member per answer: the other button switches it, the same button
 * again takes it back. Returns the member's vote now (null: none), or 'gone' when the question is no longer kept.
 * The votes on one answer are applied one at a time, on every host: the question's row is locked (Postgres; SQLite's
 * transaction holds the write lock), so a press that reaches another host at the same moment reads this one's vote
 * and the member's reply says what is stored; the (question, voter) key and the upsert keep one row per member.
 */
export async function castVote(db: Sql, entry: { questionId: number; userId: string; vote: Vote; at?: Date }): Promise<Vote | null | 'gone'> {
  const at = (entry.at ?? new Date()).toISOString();
  const voter = voterHash(await voteSalt(db), entry.questionId, entry.userId);
  const value = entry.vote === 'up' ? 1 : -1;
  return db.transaction(async (tx): Promise<Vote | null | 'gone'> => {
    if (!(await tx.get(`SELECT id FROM asked_questions WHERE id = ?${tx.forUpdate}`, [entry.questionId]))) return 'gone';
    const current = await tx.get<{ vote: number }>('SELECT vote FROM answer_votes WHERE question_id = ? AND voter = ?', [entry.questionId, voter]);
    if (current?.vote === value) {
      await tx.run('DELETE FROM answer_votes WHERE question_id = ? AND voter = ?', [entry.questionId, voter]);
      return null;
    }
    await tx.run(
      `INSERT INTO answer_votes (question_id, voter, vote, voted_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (question_id, voter) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
      [entry.questionId, voter, value, at],
    );
    return entry.vote;
  });
}

/** A question that was abstained on or voted down, with its votes. */
export interface GapRecord {
  question: string;
  guildId: string | null;
  outcome: QuestionOutcome;
  askedAt: string;
  up: number;
  down: number;
}

/**
 * The questions asked since `since` (in the server `guildId`, or in all when it is null or absent) that the articles didn't answer, or whose answer got more
 * 👎 than 👍 (at least one), newest first.
 */
export async function gapRecords(db: Sql, options: { since: Date; guildId?: string | null }): Promise<GapRecord[]> {
  // Portable SQL: a CASE for SQLite's boolean sums, the sums repeated in HAVING (Postgres reads no output names
  // there), and the guild typed for Postgres, which can't tell a bare parameter's type from `IS NULL`.
  const rows = await db.all<{ question: string; guild_id: string | null; outcome: QuestionOutcome; asked_at: string; up: number; down: number }>(
    `SELECT q.question, q.guild_id, q.outcome, q.asked_at,
            COALESCE(SUM(CASE WHEN v.vote = 1 THEN 1 ELSE 0 END), 0) AS up,
            COALESCE(SUM(CASE WHEN v.vote = -1 THEN 1 ELSE 0 END), 0) AS down
     FROM asked_questions q LEFT JOIN answer_votes v ON v.question_id = q.id
     WHERE q.asked_at >= @since AND (CAST(@guild AS TEXT) IS NULL OR q.guild_id = CAST(@guild AS TEXT))
     GROUP BY q.id, q.question, q.guild_id, q.outcome, q.asked_at
     HAVING q.outcome = 'abstained'
         OR (SUM(CASE WHEN v.vote = -1 THEN 1 ELSE 0 END) > 0
             AND SUM(CASE WHEN v.vote = -1 THEN 1 ELSE 0 END) > SUM(CASE WHEN v.vote = 1 THEN 1 ELSE 0 END))
     ORDER BY q.asked_at DESC, q.id DESC`,
    { since: options.since.toISOString(), guild: options.guildId ?? null },
  );
  return rows.map((r) => ({ question: r.question, guildId: r.guild_id, outcome: r.outcome, askedAt: r.asked_at, up: Number(r.up), down: Number(r.down) }));
}

/** Near-identical questions, asked together. */
export interface GapGroup {
  /** How many times a question of the group was asked. */
  count: number;
  /** The group's most asked wording (of equals, one written as a question, then the latest). */
  example: string;
  /** What the group's questions (its first five wordings) name that is in the story (from the engine): which articles are missing. */
  names: string[];
  /** ISO time of the group's latest question. */
  lastAsked: string;
  /** How many were abstained on, and how many were answered but voted down. */
  abstained: number;
  votedDown: number;
  /** Its other wordings, most asked first. */
  variants: string[];
}

/** Written as a question: a capital letter first and a question mark last. */
function wellFormed(question: string): boolean {
  return /^\p{Lu}/u.test(question) && /\?$/.test(question.trim());
}

/** A question's words as a set for comparing: lower case, stemmed, without punctuation or stop words. */
export function questionKey(question: string): Set<string> {
  const key = new Set<string>();
  for (const token of wordTokens(question)) {
    const lower = token.toLowerCase();
    if (STOP_WORDS.has(lower)) continue;
    const term = termOf(lower);
    if (term) key.add(term);
  }
  return key;
}

/** Shared words over all words of two questions (1 for two questions of stop words only). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 1 : shared / all;
}

/**
 * Groups near-identical questions (similarity ≥ GAP_SIMILARITY to the group's first, newest, question), most asked
 * first, then the most recently asked. `namesOf` gives what a question names that is in the story.
 */
export function groupGaps(records: GapRecord[], namesOf: (question: string) => string[] = () => []): GapGroup[] {
  const groups: { key: Set<string>; records: GapRecord[] }[] = [];
  for (const r of [...records].sort((a, b) => b.askedAt.localeCompare(a.askedAt))) {
    const key = questionKey(r.question);
    const group = groups.find((g) => similarity(g.key, key) >= GAP_SIMILARITY);
    if (group) group.records.push(r);
    else groups.push({ key, records: [r] });
  }
  return groups
    .map((g) => {
      const wordings = new Map<string, number>();
      for (const r of g.records) wordings.set(r.question, (wordings.get(r.question) ?? 0) + 1);
      // Of wordings asked as often, one written as a question ("When did…?") first, then the latest (records are
      // newest first, and the sort keeps their order).
      const ranked = [...wordings].sort((a, b) => b[1] - a[1] || Number(wellFormed(b[0])) - Number(wellFormed(a[0]))).map(([w]) => w);
      const example = ranked[0]!;
      // Names from each wording (the first few): one typed in lower case may not show them.
      const names = [...new Set(ranked.slice(0, 5).flatMap((w) => namesOf(w)))];
      return {
        count: g.records.length,
        example,
        names,
        lastAsked: g.records[0]!.askedAt,
        abstained: g.records.filter((r) => r.outcome === 'abstained').length,
        votedDown: g.records.filter((r) => r.outcome === 'answered').length,
        variants: ranked.slice(1),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
}

/** The gaps of the last GAP_WINDOW_DAYS days before `now`, grouped (see gapRecords and groupGaps). */
export async function listGaps(
  db: Sql,
  options: { now?: Date; guildId?: string | null; namesOf?: (question: string) => string[] } = {},
): Promise<GapGroup[]> {
  const now = options.now ?? new Date();
  return groupGaps(await gapRecords(db, { since: new Date(now.getTime() - GAP_WINDOW_DAYS * DAY_MS), guildId: options.guildId }), options.namesOf);
}

/** Deletes the questions (and their votes) asked more than GAP_RETENTION_DAYS days before `now`; returns how many. */
export async function pruneGapRecords(db: Sql, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - GAP_RETENTION_DAYS * DAY_MS).toISOString();
  return (await db.run('DELETE FROM asked_questions WHERE asked_at < ?', [before])).changes;
}

/**
 * Keeps the records within their 30 days: prunes now, then every `everyMs` (default: daily). A database error goes to
 * `onError` and the next round tries again; nothing is thrown. Each host may run it: pruning twice deletes nothing
 * more. The timer doesn't keep the process alive; stop() ends it and waits for a round in progress.
 */
export function keepGapsPruned(
  db: Sql,
  options: { now?: () => Date; everyMs?: number; onError?: (error: unknown) => void } = {},
): { stop(): Promise<void> } {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  const prune = () => {
    // A round still running (a slow database) is not doubled.
    if (running) return;
    running = (async () => {
      try {
        await pruneGapRecords(db, now());
      } catch (error) {
        try {
          options.onError?.(error);
        } catch {
          // A failing logger must not become an unhandled rejection either.
        }
      } finally {
        running = null;
      }
    })();
  };
  prune();
  const timer = setInterval(prune, options.everyMs ?? DAY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
