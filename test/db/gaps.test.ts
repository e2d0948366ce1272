// What members couldn't get answered: questions and votes in the database (no user ids), on both back ends, grouped
// for /story gaps, deleted after 30 days; a member's presses on two hosts at once leave one vote, never an error.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  castVote,
  gapRecords,
  groupGaps,
  keepGapsPruned,
  listGaps,
  pruneGapRecords,
  questionKey,
  recordQuestion,
  similarity,
  voteSalt,
  voterHash,
  type GapRecord,
} from '../../src/db/gaps.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { backends } from '../helpers/stores.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

const DAY = 86_400_000;
const now = new Date('2024-03-20T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const ALICE = '111111111111111111';
const BOB = '222222222222222222';

describe('the vote salt in a SQLite file', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it('is made once and kept across a reopen', async () => {
    const file = path.join(tmp(), 'storydesk.db');
    db = await openDatabase(file);
    const salt = await voteSalt(db);
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    await db.close();
    db = await openDatabase(file);
    expect(await voteSalt(db)).toBe(salt);
  });
});

describe.each(backends)('questions and votes on $name', (backend) => {
  let db: Db;
  const others: Db[] = [];
  beforeEach(async () => {
    if (!backend.skip) db = await backend.open();
  });
  afterEach(async () => {
    vi.useRealTimers();
    for (const other of others.splice(0)) await other.close();
    if (!backend.skip) await db.close();
  });
  /** Another host on the same database (Postgres); SQLite is one host, one connection: the same store. */
  const anotherHost = async (): Promise<Db> => {
    if (db.dialect === 'sqlite') return db;
    const other = await backend.openAnother();
    others.push(other);
    return other;
  };
  const questions = async () => (await db.all<{ question: string }>('SELECT question FROM asked_questions ORDER BY id')).map((r) => r.question);

  describe('the vote salt and the voters’ hashes', () => {
    it.skipIf(backend.skip)('makes the salt once; a vote stores no user id', async () => {
      const salt = await voteSalt(db);
      expect(salt).toMatch(/^[0-9a-f]{64}$/);
      expect(await voteSalt(db)).toBe(salt);
      const id = await recordQuestion(db, { question: 'Who was behind the attack?', guildId: 'g1', outcome: 'answered', at: now });
      await castVote(db, { questionId: id, userId: ALICE, vote: 'down', at: now });
      const rows = await db.all<Record<string, unknown>>('SELECT * FROM answer_votes');
      expect(rows).toEqual([{ question_id: id, voter: voterHash(salt, id, ALICE), vote: -1, voted_at: now.toISOString() }]);
      expect(JSON.stringify(await db.all('SELECT * FROM asked_questions'))).not.toContain(ALICE);
      expect(JSON.stringify(rows)).not.toContain(ALICE);
      // The same member's hash differs from one answer to the next: their votes can't be linked.
      expect(voterHash(salt, 1, ALICE)).not.toBe(voterHash(salt, 2, ALICE));
    });

    it.skipIf(backend.skip)('is one salt for every host, however many make it at once', async () => {
      const hosts = [db, await anotherHost(), await anotherHost()];
      const salts = await Promise.all(hosts.flatMap((h) => [voteSalt(h), voteSalt(h)]));
      expect(new Set(salts).size).toBe(1);
      expect(await db.all(`SELECT value FROM meta WHERE key = 'vote_salt'`)).toEqual([{ value: salts[0] }]);
    });
  });

  describe('recordQuestion', () => {
    it.skipIf(backend.skip)('gives each question its own id, in order, on every host', async () => {
      const other = await anotherHost();
      const ids = await Promise.all(
        Array.from({ length: 6 }, (_, i) => recordQuestion(i % 2 ? other : db, { question: `Question ${i}?`, guildId: null, outcome: 'abstained', at: now })),
      );
      expect(new Set(ids).size).toBe(6);
      for (const id of ids) expect(Number.isInteger(id) && id > 0).toBe(true);
      const a = await recordQuestion(db, { question: 'Later?', guildId: 'g1', outcome: 'answered', at: now });
      expect(a).toBeGreaterThan(Math.max(...ids));
    });
  });

  describe('castVote', () => {
    it.skipIf(backend.skip)('one vote per member per answer: the other button switches it, the same button again takes it back', async () => {
      const id = await recordQuestion(db, { question: 'When did Albania join NATO?', guildId: 'g1', outcome: 'answered', at: now });
      const votes = async () => (await gapRecords(db, { since: daysAgo(7) })).map((r) => [r.up, r.down]);
      expect(await castVote(db, { questionId: id, userId: ALICE, vote: 'down' })).toBe('down');
      expect(await castVote(db, { questionId: id, userId: ALICE, vote: 'down' })).toBeNull();
      expect(await castVote(db, { questionId: id, userId: ALICE, vote: 'up' })).toBe('up');
      expect(await castVote(db, { questionId: id, userId: ALICE, vote: 'down' })).toBe('down');
      expect(await votes()).toEqual([[0, 1]]);
      expect(await castVote(db, { questionId: id, userId: BOB, vote: 'up' })).toBe('up');
      // One 👎 and one 👍: not voted down.
      expect(await votes()).toEqual([]);
      expect(await castVote(db, { questionId: 999, userId: ALICE, vote: 'up' })).toBe('gone');
    });

    it.skipIf(backend.skip)('a member’s 👎 and 👍 on two hosts at once: both applied, one after the other, leaving one vote row and no error', async () => {
      const other = await anotherHost();
      for (let round = 0; round < 5; round++) {
        const id = await recordQuestion(db, { question: `Round ${round}?`, guildId: 'g1', outcome: 'answered', at: now });
        const results = await Promise.all([
          castVote(db, { questionId: id, userId: ALICE, vote: 'down' }),
          castVote(other, { questionId: id, userId: ALICE, vote: 'up' }),
        ]);
        // Whichever came first was recorded, the other switched it: each member's reply names its own button.
        expect(results).toEqual(['down', 'up']);
        const rows = await db.all<{ vote: number }>('SELECT vote FROM answer_votes WHERE question_id = ?', [id]);
        expect(rows).toHaveLength(1);
        expect([-1, 1]).toContain(rows[0]!.vote);
      }
    });

    it.skipIf(backend.skip)('the same button on two hosts at once: the second press reads the first, so it takes the vote back, as one after the other', async () => {
      const other = await anotherHost();
      for (let round = 0; round < 5; round++) {
        const id = await recordQuestion(db, { question: `Round ${round}?`, guildId: 'g1', outcome: 'answered', at: now });
        const results = await Promise.all([
          castVote(db, { questionId: id, userId: ALICE, vote: 'down' }),
          castVote(other, { questionId: id, userId: ALICE, vote: 'down' }),
        ]);
        // Never two "you voted 👎" for one stored vote, nor a key violation: one recorded it, the other took it back.
        expect(results.map(String).sort()).toEqual(['down', 'null']);
        expect(await db.all('SELECT vote FROM answer_votes WHERE question_id = ?', [id])).toEqual([]);
      }
    });

    it.skipIf(backend.skip)('many members voting on one answer from two hosts at once: one row each', async () => {
      const other = await anotherHost();
      const id = await recordQuestion(db, { question: 'What is the MEK?', guildId: 'g1', outcome: 'answered', at: now });
      const members = Array.from({ length: 12 }, (_, i) => String(100000000000000000n + BigInt(i)));
      const results = await Promise.all(members.map((userId, i) => castVote(i % 2 ? other : db, { questionId: id, userId, vote: i % 3 ? 'down' : 'up' })));
      expect(results).toEqual(members.map((_, i) => (i % 3 ? 'down' : 'up')));
      expect(await gapRecords(db, { since: daysAgo(7) })).toEqual([
        { question: 'What is the MEK?', guildId: 'g1', outcome: 'answered', askedAt: now.toISOString(), up: 4, down: 8 },
      ]);
    });
  });

  describe('gapRecords', () => {
    it.skipIf(backend.skip)('lists the questions abstained on or voted down (more 👎 than 👍) in the window and the server asked for, newest first', async () => {
      const q = (question: string, outcome: 'answered' | 'abstained', days: number, guildId: string | null = 'g1') =>
        recordQuestion(db, { question, guildId, outcome, at: daysAgo(days) });
      await q('Old question?', 'abstained', 8);
      await q('When did Albania join the EU?', 'abstained', 2);
      const liked = await q('Who attacked Albania?', 'answered', 1);
      const disliked = await q('What is the MEK?', 'answered', 1);
      const even = await q('Who is Lapid?', 'answered', 1);
      await q('Other server?', 'abstained', 1, 'g2');
      await q('In a DM?', 'abstained', 1.5, null);
      await castVote(db, { questionId: liked, userId: ALICE, vote: 'up' });
      await castVote(db, { questionId: disliked, userId: ALICE, vote: 'down' });
      await castVote(db, { questionId: disliked, userId: BOB, vote: 'down' });
      await castVote(db, { questionId: even, userId: ALICE, vote: 'down' });
      await castVote(db, { questionId: even, userId: BOB, vote: 'up' });
      const records = await gapRecords(db, { since: daysAgo(7), guildId: 'g1' });
      expect(records).toEqual<GapRecord[]>([
        { question: 'What is the MEK?', guildId: 'g1', outcome: 'answered', askedAt: daysAgo(1).toISOString(), up: 0, down: 2 },
        { question: 'When did Albania join the EU?', guildId: 'g1', outcome: 'abstained', askedAt: daysAgo(2).toISOString(), up: 0, down: 0 },
      ]);
      expect((await gapRecords(db, { since: daysAgo(7) })).map((r) => r.question)).toEqual([
        'Other server?',
        'What is the MEK?',
        'In a DM?',
        'When did Albania join the EU?',
      ]);
      expect((await gapRecords(db, { since: daysAgo(7), guildId: null })).map((r) => r.question)).toHaveLength(4);
    });

    it.skipIf(backend.skip)('listGaps looks at the last 7 days', async () => {
      await recordQuestion(db, { question: 'Eight days ago?', guildId: 'g1', outcome: 'abstained', at: daysAgo(8) });
      await recordQuestion(db, { question: 'Six days ago?', guildId: 'g1', outcome: 'abstained', at: daysAgo(6) });
      expect((await listGaps(db, { now, guildId: 'g1' })).map((g) => g.example)).toEqual(['Six days ago?']);
    });
  });

  describe('retention', () => {
    it.skipIf(backend.skip)('deletes questions and their votes 30 days after they were asked', async () => {
      const old = await recordQuestion(db, { question: 'Thirty-one days ago?', guildId: 'g1', outcome: 'answered', at: daysAgo(31) });
      await recordQuestion(db, { question: 'Twenty-nine days ago?', guildId: 'g1', outcome: 'abstained', at: daysAgo(29) });
      await castVote(db, { questionId: old, userId: ALICE, vote: 'down' });
      expect(await pruneGapRecords(db, now)).toBe(1);
      expect(await questions()).toEqual(['Twenty-nine days ago?']);
      expect(await db.get('SELECT COUNT(*) AS n FROM answer_votes')).toEqual({ n: 0 });
      expect(await pruneGapRecords(db, now)).toBe(0);
    });

    /**
     * The database, counting the prune rounds (each is one DELETE, called as the round starts), keeping the last one's
     * promise, and failing them while `state.fail`. (Not vi.waitFor: with fake timers it moves the clock itself.)
     */
    interface Watch {
      rounds: number;
      fail: boolean;
      last?: Promise<unknown>;
    }
    const settled = async (state: Watch) => {
      await state.last?.catch(() => {});
      await new Promise((resolve) => setImmediate(resolve)); // the round's own handling of the result
    };
    const watched = (state: Watch): Db =>
      new Proxy(db, {
        get: (target, key) => {
          if (key === 'run') {
            return (sql: string, params?: unknown[]) => {
              state.rounds++;
              state.last = state.fail ? Promise.reject(new Error('connection lost')) : target.run(sql, params);
              return state.last;
            };
          }
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });

    it.skipIf(backend.skip)('prunes at start and then daily', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      let clock = now;
      await recordQuestion(db, { question: 'Old?', guildId: 'g1', outcome: 'abstained', at: daysAgo(31) });
      await recordQuestion(db, { question: 'Recent?', guildId: 'g1', outcome: 'abstained', at: daysAgo(29.5) });
      const state = { rounds: 0, fail: false };
      const keeper = keepGapsPruned(watched(state), { now: () => clock });
      expect(state.rounds).toBe(1);
      await settled(state);
      expect(await questions()).toEqual(['Recent?']);
      // A day later 'Recent?' is 30.5 days old: deleted by the next round, not before.
      clock = new Date(now.getTime() + DAY);
      await vi.advanceTimersByTimeAsync(DAY - 1);
      expect(state.rounds).toBe(1);
      expect(await questions()).toEqual(['Recent?']);
      await vi.advanceTimersByTimeAsync(1);
      expect(state.rounds).toBe(2);
      await keeper.stop(); // waits for the round in progress
      expect(await questions()).toEqual([]);
      await vi.advanceTimersByTimeAsync(2 * DAY);
      expect(state.rounds).toBe(2);
    });

    it.skipIf(backend.skip)('reports a database error, never throws it, and tries again at the next round', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      await recordQuestion(db, { question: 'Old?', guildId: 'g1', outcome: 'abstained', at: daysAgo(31) });
      const state = { rounds: 0, fail: true };
      const errors: unknown[] = [];
      const keeper = keepGapsPruned(watched(state), { now: () => now, everyMs: 1000, onError: (e) => errors.push(e) });
      expect(state.rounds).toBe(1);
      await settled(state);
      expect(errors).toHaveLength(1);
      expect((errors[0] as Error).message).toBe('connection lost');
      expect(await questions()).toEqual(['Old?']);
      state.fail = false;
      await vi.advanceTimersByTimeAsync(1000);
      expect(state.rounds).toBe(2);
      await keeper.stop();
      expect(await questions()).toEqual([]);
      expect(errors).toHaveLength(1);
    });

    it.skipIf(backend.skip)('does not crash when the error handler itself throws', async () => {
      const state = { rounds: 0, fail: true };
      const keeper = keepGapsPruned(watched(state), {
        onError: () => {
          throw new Error('the logger failed');
        },
      });
      await expect(keeper.stop()).resolves.toBeUndefined();
      expect(state.rounds).toBe(1);
    });
  });
});

describe('groupGaps', () => {
  it('reads questions alike when they differ in case, punctuation, stop words and word endings only', () => {
    expect(questionKey('When did Albania JOIN the EU??')).toEqual(new Set(['albania', 'join', 'eu']));
    expect(similarity(questionKey('When did Albania join the EU?'), questionKey('when has albania joined the eu'))).toBe(1);
    expect(similarity(questionKey('When did Albania join the EU?'), questionKey('When did Serbia join the EU?'))).toBe(0.5);
  });

  it('groups near-identical questions (similarity ≥ 0.8), most asked first, each with its names, count, last time and wordings', () => {
    const at = (days: number) => daysAgo(days).toISOString();
    const records: GapRecord[] = [
      { question: 'When did Albania join the EU?', guildId: 'g1', outcome: 'abstained', askedAt: at(3), up: 0, down: 0 },
      { question: 'when did albania join the eu', guildId: 'g1', outcome: 'abstained', askedAt: at(1), up: 0, down: 0 },
      { question: 'When did Albania join the EU?', guildId: 'g1', outcome: 'abstained', askedAt: at(2), up: 0, down: 0 },
      { question: 'What is the MEK?', guildId: 'g1', outcome: 'answered', askedAt: at(0.5), up: 0, down: 1 },
      { question: 'When did Serbia join the EU?', guildId: 'g1', outcome: 'abstained', askedAt: at(4), up: 0, down: 0 },
    ];
    const names: Record<string, string[]> = { 'When did Albania join the EU?': ['Albania'], 'What is the MEK?': ["People's Mujahideen of Iran"] };
    expect(groupGaps(records, (q) => names[q] ?? [])).toEqual([
      { count: 3, example: 'When did Albania join the EU?', names: ['Albania'], lastAsked: at(1), abstained: 3, votedDown: 0, variants: ['when did albania join the eu'] },
      { count: 1, example: 'What is the MEK?', names: ["People's Mujahideen of Iran"], lastAsked: at(0.5), abstained: 0, votedDown: 1, variants: [] },
      { count: 1, example: 'When did Serbia join the EU?', names: [], lastAsked: at(4), abstained: 1, votedDown: 0, variants: [] },
    ]);
  });

  it('of wordings asked as often, shows one written as a question, else the latest', () => {
    const at = (days: number) => daysAgo(days).toISOString();
    const record = (question: string, days: number): GapRecord => ({ question, guildId: 'g1', outcome: 'abstained', askedAt: at(days), up: 0, down: 0 });
    expect(groupGaps([record('When did Albania join the EU?', 2), record('when has albania joined the eu', 1)])[0]!.example).toBe('When did Albania join the EU?');
    expect(groupGaps([record('albania join eu', 2), record('albania joined eu', 1)])[0]!.example).toBe('albania joined eu');
  });
});
