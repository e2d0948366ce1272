import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import {
  claimDigest,
  getDigestRecord,
  lastCompletedDigest,
  lastSentDigest,
  markFailed,
  markMissed,
  markSent,
  markSkipped,
  unresolvedBefore,
  type DigestIntent,
} from '../../src/db/digests.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
let db: Db;
afterEach(() => db?.close());

const intent = (localDate: string, over: Partial<DigestIntent> = {}): DigestIntent => ({
  guildId: 'g1',
  localDate,
  channelId: 'c1',
  nonce: `n-${localDate}`,
  since: null,
  until: `${localDate}T09:00:00.000Z`,
  ...over,
});

describe('the digest log', () => {
  it('claims a day once; a sent day is done, with its message id', () => {
    db = openDatabase(path.join(tmp(), 'storydesk.db'));
    const first = claimDigest(db, intent('2024-03-01'));
    expect(first).toMatchObject({ kind: 'claimed', resumed: false, record: { status: 'sending', attempts: 1, messageId: null } });
    markSent(db, 'g1', '2024-03-01', 'm1');
    const again = claimDigest(db, intent('2024-03-01', { until: '2024-03-01T10:00:00.000Z' }));
    expect(again).toMatchObject({ kind: 'done', record: { status: 'sent', messageId: 'm1', until: '2024-03-01T09:00:00.000Z' } });
  });

  it('resumes a day left sending with its own nonce, window and channel', () => {
    const file = path.join(tmp(), 'storydesk.db');
    db = openDatabase(file);
    claimDigest(db, intent('2024-03-01', { since: '2024-02-29T09:00:00.000Z' }));
    db.close();
    db = openDatabase(file);
    const resumed = claimDigest(db, intent('2024-03-01', { channelId: 'c2', nonce: 'other', since: null, until: '2024-03-01T11:00:00.000Z' }));
    expect(resumed).toMatchObject({
      kind: 'claimed',
      resumed: true,
      record: { channelId: 'c1', nonce: 'n-2024-03-01', since: '2024-02-29T09:00:00.000Z', until: '2024-03-01T09:00:00.000Z', attempts: 2 },
    });
  });

  it('moves a failed day to the channel set now (the old one may be gone)', () => {
    db = openDatabase(path.join(tmp(), 'storydesk.db'));
    claimDigest(db, intent('2024-03-01'));
    markFailed(db, 'g1', '2024-03-01');
    const retried = claimDigest(db, intent('2024-03-01', { channelId: 'c2' }));
    expect(retried).toMatchObject({ kind: 'claimed', resumed: true, record: { channelId: 'c2', status: 'sending', nonce: 'n-2024-03-01' } });
  });

  it('ends the next window at the last sent or skipped day, not at a missed or failed one', () => {
    db = openDatabase(path.join(tmp(), 'storydesk.db'));
    claimDigest(db, intent('2024-03-01'));
    markSent(db, 'g1', '2024-03-01', 'm1');
    claimDigest(db, intent('2024-03-02'));
    markSkipped(db, 'g1', '2024-03-02');
    claimDigest(db, intent('2024-03-03'));
    markMissed(db, 'g1', '2024-03-03');
    claimDigest(db, intent('2024-03-04'));
    markFailed(db, 'g1', '2024-03-04');
    expect(lastCompletedDigest(db, 'g1')?.localDate).toBe('2024-03-02');
    expect(lastSentDigest(db, 'g1')?.localDate).toBe('2024-03-01');
    expect(unresolvedBefore(db, 'g1', '2024-03-05').map((r) => r.localDate)).toEqual(['2024-03-04']);
    expect(claimDigest(db, intent('2024-03-03')).kind).toBe('done');
  });

  it('refuses to mark a day that was never claimed', () => {
    db = openDatabase(path.join(tmp(), 'storydesk.db'));
    expect(() => markSent(db, 'g1', '2024-03-09', 'm')).toThrow('storydesk: no digest row for guild g1 on 2024-03-09; expected a recorded intent');
    expect(getDigestRecord(db, 'g1', '2024-03-09')).toBeNull();
  });
});
