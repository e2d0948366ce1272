// What members couldn't get answered: questions and votes in SQLite (no user ids), grouped for /story gaps, deleted
// after 30 days.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
let db: Db;
afterEach(() => {
  vi.useRealTimers();
  db?.close();
});

const DAY = 86_400_000;
const now = new Date('2024-03-20T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const ALICE = '111111111111111111';
const BOB = '222222222222222222';

function open(): Db {
  db = openDatabase(path.join(tmp(), 'storydesk.db'));
  return db;
}

describe('the vote salt and the voters’ hashes', () => {
  it('makes the salt once and keeps it across a reopen; a vote stores no user id', () => {
    const file = path.join(tmp(), 'storydesk.db');
    db = openDatabase(file);
    const salt = voteSalt(db);
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(voteSalt(db)).toBe(salt);
    const id = recordQuestion(db, { question: 'Who was behind the attack?', guildId: 'g1', outcome: 'answered', at: now });
    castVote(db, { questionId: id, userId: ALICE, vote: 'down', at: now });
    db.close();
    db = openDatabase(file);
    expect(voteSalt(db)).toBe(salt);
    const rows = db.prepare('SELECT * FROM answer_votes').all() as Record<string, unknown>[];
    expect(rows).toEqual([{ question_id: id, voter: voterHash(salt, id, ALICE), vote: -1, voted_at: now.toISOString() }]);
    expect(JSON.stringify(db.prepare('SELECT * FROM asked_questions').all())).not.toContain(ALICE);
    expect(JSON.stringify(rows)).not.toContain(ALICE);
    // The same member's hash differs from one answer to the next: their votes can't be linked.
    expect(voterHash(salt, 1, ALICE)).not.toBe(voterHash(salt, 2, ALICE));
  });
});

describe('castVote', () => {
  it('one vote per member per answer: the other button switches it, the same button again takes it back', () => {
    open();
    const id = recordQuestion(db, { question: 'When did Albania join NATO?', guildId: 'g1', outcome: 'answered', at: now });
    const votes = () => gapRecords(db, { since: daysAgo(7) }).map((r) => [r.up, r.down]);
    expect(castVote(db, { questionId: id, userId: ALICE, vote: 'down' })).toBe('down');
    expect(castVote(db, { questionId: id, userId: ALICE, vote: 'down' })).toBeNull();
    expect(castVote(db, { questionId: id, userId: ALICE, vote: 'up' })).toBe('up');
    expect(castVote(db, { questionId: id, userId: ALICE, vote: 'down' })).toBe('down');
    expect(votes()).toEqual([[0, 1]]);
    expect(castVote(db, { questionId: id, userId: BOB, vote: 'up' })).toBe('up');
    // One 👎 and one 👍: not voted down.
    expect(votes()).toEqual([]);
    expect(castVote(db, { questionId: 999, userId: ALICE, vote: 'up' })).toBe('gone');
  });
});

describe('gapRecords', () => {
  it('lists the questions abstained on or voted down (more 👎 than 👍) in the window and the server asked for, newest first', () => {
    open();
    const q = (question: string, outcome: 'answered' | 'abstained', days: number, guildId = 'g1') => recordQuestion(db, { question, guildId, outcome, at: daysAgo(days) });
    q('Old question?', 'abstained', 8);
    q('When did Albania join the EU?', 'abstained', 2);
    const liked = q('Who attacked Albania?', 'answered', 1);
    const disliked = q('What is the MEK?', 'answered', 1);
    q('Other server?', 'abstained', 1, 'g2');
    castVote(db, { questionId: liked, userId: ALICE, vote: 'up' });
    castVote(db, { questionId: disliked, userId: ALICE, vote: 'down' });
    castVote(db, { questionId: disliked, userId: BOB, vote: 'down' });
    const records = gapRecords(db, { since: daysAgo(7), guildId: 'g1' });
    expect(records).toEqual<GapRecord[]>([
      { question: 'What is the MEK?', guildId: 'g1', outcome: 'answered', askedAt: daysAgo(1).toISOString(), up: 0, down: 2 },
      { question: 'When did Albania join the EU?', guildId: 'g1', outcome: 'abstained', askedAt: daysAgo(2).toISOString(), up: 0, down: 0 },
    ]);
    expect(gapRecords(db, { since: daysAgo(7) }).map((r) => r.question)).toEqual(['Other server?', 'What is the MEK?', 'When did Albania join the EU?']);
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

  it('listGaps looks at the last 7 days', () => {
    open();
    recordQuestion(db, { question: 'Eight days ago?', guildId: 'g1', outcome: 'abstained', at: daysAgo(8) });
    recordQuestion(db, { question: 'Six days ago?', guildId: 'g1', outcome: 'abstained', at: daysAgo(6) });
    expect(listGaps(db, { now, guildId: 'g1' }).map((g) => g.example)).toEqual(['Six days ago?']);
  });
});

describe('retention', () => {
  it('deletes questions and their votes 30 days after they were asked', () => {
    open();
    const old = recordQuestion(db, { question: 'Thirty-one days ago?', guildId: 'g1', outcome: 'answered', at: daysAgo(31) });
    recordQuestion(db, { question: 'Twenty-nine days ago?', guildId: 'g1', outcome: 'abstained', at: daysAgo(29) });
    castVote(db, { questionId: old, userId: ALICE, vote: 'down' });
    expect(pruneGapRecords(db, now)).toBe(1);
    expect(db.prepare('SELECT question FROM asked_questions').all()).toEqual([{ question: 'Twenty-nine days ago?' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM answer_votes').get()).toEqual({ n: 0 });
  });

  it('prunes at start and then daily', () => {
    vi.useFakeTimers();
    open();
    let clock = now;
    recordQuestion(db, { question: 'Old?', guildId: 'g1', outcome: 'abstained', at: daysAgo(31) });
    recordQuestion(db, { question: 'Recent?', guildId: 'g1', outcome: 'abstained', at: daysAgo(29.5) });
    const keeper = keepGapsPruned(db, { now: () => clock });
    const left = () => (db.prepare('SELECT question FROM asked_questions').all() as { question: string }[]).map((r) => r.question);
    expect(left()).toEqual(['Recent?']);
    clock = new Date(now.getTime() + DAY);
    vi.advanceTimersByTime(DAY - 1);
    expect(left()).toEqual(['Recent?']);
    vi.advanceTimersByTime(1);
    expect(left()).toEqual([]);
    keeper.stop();
  });
});
