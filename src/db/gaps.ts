// What members couldn't get answered: each question asked with /ask or a mention (its text, server, time and whether
// it was answered) and the 👍/👎 votes on its answer, for moderators' /story gaps. No user id is stored: a vote is kept
// under a salted hash, only so that a member has one vote per answer. Everything is deleted 30 days after the question.
import { createHash, randomBytes } from 'node:crypto';
import { STOP_WORDS, termOf, wordTokens } from '../text/terms.js';
import type { Db } from './open.js';

export type QuestionOutcome = 'answered' | 'abstained';
export type Vote = 'up' | 'down';

/** How long questions and votes are kept. */
export const GAP_RETENTION_DAYS = 30;
/** The window /story gaps looks at. */
export const GAP_WINDOW_DAYS = 7;
/** Two questions whose word sets are at least this alike (shared / all, after normalising) are one group. */
export const GAP_SIMILARITY = 0.8;

const DAY_MS = 86_400_000;

/** The salt of the voters' hashes: made once, at random, and kept in the meta table. */
export function voteSalt(db: Db): string {
  db.prepare(`INSERT INTO meta (key, value) VALUES ('vote_salt', ?) ON CONFLICT (key) DO NOTHING`).run(randomBytes(32).toString('hex'));
  return db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'vote_salt'`).get()!.value;
}

/** Records a question asked (as the engine read it) and its outcome; returns its id, which its vote buttons carry. */
export function recordQuestion(db: Db, entry: { question: string; guildId: string | null; outcome: QuestionOutcome; at?: Date }): number {
  const at = (entry.at ?? new Date()).toISOString();
  const result = db.prepare('INSERT INTO asked_questions (guild_id, question, outcome, asked_at) VALUES (?, ?, ?, ?)').run(entry.guildId, entry.question, entry.outcome, at);
  return Number(result.lastInsertRowid);
}

/** The voter's key for one answer: no user id, and not the same across answers. */
export function voterHash(salt: string, questionId: number, userId: string): string {
  return createHash('sha256').update(`${salt}\u0000${questionId}\u0000${userId}`).digest('hex');
}

/**
 * A member's 👍 or 👎 on an answer. One vote per member per answer: the other button switches it, the same button
 * again takes it back. Returns the member's vote now (null: none), or 'gone' when the question is no longer kept.
 */
export function castVote(db: Db, entry: { questionId: number; userId: string; vote: Vote; at?: Date }): Vote | null | 'gone' {
  const at = (entry.at ?? new Date()).toISOString();
  return db.transaction((): Vote | null | 'gone' => {
    if (!db.prepare('SELECT 1 FROM asked_questions WHERE id = ?').get(entry.questionId)) return 'gone';
    const voter = voterHash(voteSalt(db), entry.questionId, entry.userId);
    const value = entry.vote === 'up' ? 1 : -1;
    const current = db.prepare<[number, string], { vote: number }>('SELECT vote FROM answer_votes WHERE question_id = ? AND voter = ?').get(entry.questionId, voter);
    if (current?.vote === value) {
      db.prepare('DELETE FROM answer_votes WHERE question_id = ? AND voter = ?').run(entry.questionId, voter);
      return null;
    }
    db.prepare(
      `INSERT INTO answer_votes (question_id, voter, vote, voted_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (question_id, voter) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
    ).run(entry.questionId, voter, value, at);
    return entry.vote;
  })();
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
export function gapRecords(db: Db, options: { since: Date; guildId?: string | null }): GapRecord[] {
  const rows = db
    .prepare<{ since: string; guild: string | null }, { question: string; guild_id: string | null; outcome: QuestionOutcome; asked_at: string; up: number; down: number }>(
      `SELECT q.question, q.guild_id, q.outcome, q.asked_at,
              COALESCE(SUM(v.vote = 1), 0) AS up, COALESCE(SUM(v.vote = -1), 0) AS down
       FROM asked_questions q LEFT JOIN answer_votes v ON v.question_id = q.id
       WHERE q.asked_at >= @since AND (@guild IS NULL OR q.guild_id = @guild)
       GROUP BY q.id
       HAVING q.outcome = 'abstained' OR (down > 0 AND down > up)
       ORDER BY q.asked_at DESC, q.id DESC`,
    )
    .all({ since: options.since.toISOString(), guild: options.guildId ?? null });
  return rows.map((r) => ({ question: r.question, guildId: r.guild_id, outcome: r.outcome, askedAt: r.asked_at, up: r.up, down: r.down }));
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
export function listGaps(db: Db, options: { now?: Date; guildId?: string | null; namesOf?: (question: string) => string[] } = {}): GapGroup[] {
  const now = options.now ?? new Date();
  return groupGaps(gapRecords(db, { since: new Date(now.getTime() - GAP_WINDOW_DAYS * DAY_MS), guildId: options.guildId }), options.namesOf);
}

/** Deletes the questions (and their votes) asked more than GAP_RETENTION_DAYS days before `now`; returns how many. */
export function pruneGapRecords(db: Db, now: Date = new Date()): number {
  const before = new Date(now.getTime() - GAP_RETENTION_DAYS * DAY_MS).toISOString();
  return db.prepare('DELETE FROM asked_questions WHERE asked_at < ?').run(before).changes;
}

/**
 * Keeps the records within their 30 days: prunes now, then every `everyMs` (default: daily). The timer doesn't keep
 * the process alive; stop() ends it.
 */
export function keepGapsPruned(db: Db, options: { now?: () => Date; everyMs?: number; onError?: (error: unknown) => void } = {}): { stop(): void } {
  const now = options.now ?? (() => new Date());
  const prune = () => {
    try {
      pruneGapRecords(db, now());
    } catch (error) {
      options.onError?.(error);
    }
  };
  prune();
  const timer = setInterval(prune, options.everyMs ?? DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
