// The digest log on both back ends: one claim per (server, day), resumed with its own nonce and window, and, with
// several hosts on one database, claimed by exactly one of them: a fresh 'sending' claim of another host is left to
// it until the claim lease has passed.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import {
  claimDigest,
  DIGEST_CLAIM_LEASE_MS,
  getDigestRecord,
  lastCompletedDigest,
  lastSentDigest,
  markFailed,
  markMissed,
  markSent,
  markSkipped,
  unresolvedBefore,
  type ClaimResult,
  type DigestIntent,
} from '../../src/db/digests.js';
import { backends, type Backend } from '../helpers/stores.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

const intent = (localDate: string, over: Partial<DigestIntent> = {}): DigestIntent => ({
  guildId: 'g1',
  localDate,
  channelId: 'c1',
  nonce: `n-${localDate}`,
  since: null,
  until: `${localDate}T09:00:00.000Z`,
  ...over,
});

const t0 = new Date('2024-03-01T09:00:00.000Z');
const after = (ms: number) => new Date(t0.getTime() + ms);

describe.each(backends)('the digest log on $name', (backend) => {
  let db: Db;
  beforeEach(async () => {
    if (!backend.skip) db = await backend.open({ hostId: 'A' });
  });
  afterEach(async () => {
    if (!backend.skip) await db.close();
  });

  it.skipIf(backend.skip)('claims a day once, as this host; a sent day is done, with its message id', async () => {
    const first = await claimDigest(db, intent('2024-03-01'), t0);
    expect(first).toMatchObject({ kind: 'claimed', resumed: false, record: { status: 'sending', attempts: 1, messageId: null, claimedBy: 'A' } });
    expect(await markSent(db, 'g1', '2024-03-01', 'm1')).toBe(true);
    const again = await claimDigest(db, intent('2024-03-01', { until: '2024-03-01T10:00:00.000Z' }));
    expect(again).toMatchObject({ kind: 'done', record: { status: 'sent', messageId: 'm1', until: '2024-03-01T09:00:00.000Z' } });
  });

  it.skipIf(backend.skip)('resumes its own day left sending with its own nonce, window and channel', async () => {
    await claimDigest(db, intent('2024-03-01', { since: '2024-02-29T09:00:00.000Z' }), t0);
    const resumed = await claimDigest(db, intent('2024-03-01', { channelId: 'c2', nonce: 'other', since: null, until: '2024-03-01T11:00:00.000Z' }), after(1000));
    expect(resumed).toMatchObject({
      kind: 'claimed',
      resumed: true,
      record: { channelId: 'c1', nonce: 'n-2024-03-01', since: '2024-02-29T09:00:00.000Z', until: '2024-03-01T09:00:00.000Z', attempts: 2, claimedBy: 'A' },
    });
  });

  it.skipIf(backend.skip)('moves a failed day to the channel set now (the old one may be gone)', async () => {
    await claimDigest(db, intent('2024-03-01'));
    expect(await markFailed(db, 'g1', '2024-03-01')).toBe(true);
    const retried = await claimDigest(db, intent('2024-03-01', { channelId: 'c2' }));
    expect(retried).toMatchObject({ kind: 'claimed', resumed: true, record: { channelId: 'c2', status: 'sending', nonce: 'n-2024-03-01' } });
  });

  it.skipIf(backend.skip)('ends the next window at the last sent or skipped day, not at a missed or failed one', async () => {
    await claimDigest(db, intent('2024-03-01'));
    await markSent(db, 'g1', '2024-03-01', 'm1');
    await claimDigest(db, intent('2024-03-02'));
    await markSkipped(db, 'g1', '2024-03-02');
    await claimDigest(db, intent('2024-03-03'));
    await markMissed(db, 'g1', '2024-03-03');
    await claimDigest(db, intent('2024-03-04'));
    await markFailed(db, 'g1', '2024-03-04');
    expect((await lastCompletedDigest(db, 'g1'))?.localDate).toBe('2024-03-02');
    expect((await lastSentDigest(db, 'g1'))?.localDate).toBe('2024-03-01');
    expect((await unresolvedBefore(db, 'g1', '2024-03-05')).map((r) => r.localDate)).toEqual(['2024-03-04']);
    expect((await claimDigest(db, intent('2024-03-03'))).kind).toBe('done');
  });

  it.skipIf(backend.skip)('refuses to mark a day that was never claimed', async () => {
    await expect(markSent(db, 'g1', '2024-03-09', 'm')).rejects.toThrow('storydesk: no digest row for guild g1 on 2024-03-09; expected a recorded intent');
    expect(await getDigestRecord(db, 'g1', '2024-03-09')).toBeNull();
  });

  it.skipIf(backend.skip)('never turns a sent day back into a failed or skipped one', async () => {
    await claimDigest(db, intent('2024-03-01'));
    await markSent(db, 'g1', '2024-03-01', 'm1');
    expect(await markFailed(db, 'g1', '2024-03-01')).toBe(false);
    expect(await markSkipped(db, 'g1', '2024-03-01')).toBe(false);
    expect(await markMissed(db, 'g1', '2024-03-01')).toBe(false);
    expect(await getDigestRecord(db, 'g1', '2024-03-01')).toMatchObject({ status: 'sent', messageId: 'm1' });
  });
});

/** Two hosts on one database: Postgres through `openAnother`, SQLite as one file opened twice. */
function twoHosts(backend: Backend): { open(): Promise<[Db, Db]> } {
  return {
    async open() {
      if (backend.name === 'sqlite') {
        const file = path.join(tmp(), 'storydesk.db');
        const a = await openDatabase(file, { hostId: 'A' });
        return [a, await openDatabase(file, { hostId: 'B' })];
      }
      const a = await backend.open({ hostId: 'A' });
      return [a, await backend.openAnother({ hostId: 'B' })];
    },
  };
}

describe.each(backends)('two hosts claiming digests on $name', (backend) => {
  let a: Db;
  let b: Db;
  beforeEach(async () => {
    if (!backend.skip) [a, b] = await twoHosts(backend).open();
  });
  afterEach(async () => {
    if (backend.skip) return;
    // B first: on Postgres, A's close drops the database.
    await b.close();
    await a.close();
  });

  it.skipIf(backend.skip)('gives a day claimed by both at once to exactly one of them; the other neither throws nor claims', async () => {
    for (let i = 1; i <= 9; i++) {
      const day = `2024-03-0${i}`;
      const results: ClaimResult[] = await Promise.all([
        claimDigest(a, intent(day), t0),
        claimDigest(b, intent(day), t0),
        claimDigest(a, intent(day), t0),
        claimDigest(b, intent(day), t0),
      ]);
      const claimed = results.filter((r) => r.kind === 'claimed' && !r.resumed);
      expect(claimed, JSON.stringify(results)).toHaveLength(1);
      const winner = claimed[0]!.record.claimedBy!;
      // The winner's other call resumes its own claim (a single host runs one day at a time, so that is a retry);
      // the other host's calls are refused.
      for (const [i, r] of results.entries()) {
        const host = i % 2 === 0 ? 'A' : 'B';
        if (host === winner) expect(r.kind).toBe('claimed');
        else expect(r).toMatchObject({ kind: 'busy', record: { claimedBy: winner, status: 'sending' } });
      }
      expect(await getDigestRecord(a, 'g1', day)).toMatchObject({ status: 'sending', claimedBy: winner });
    }
  });

  it.skipIf(backend.skip)('gives a failed day being retried by both hosts at once to exactly one', async () => {
    await claimDigest(a, intent('2024-03-01'), t0);
    await markFailed(a, 'g1', '2024-03-01', t0);
    const results = await Promise.all([claimDigest(a, intent('2024-03-01'), after(60_000)), claimDigest(b, intent('2024-03-01'), after(60_000))]);
    expect(results.map((r) => r.kind).sort()).toEqual(['busy', 'claimed']);
  });

  it.skipIf(backend.skip)('leaves another host’s fresh sending claim alone, and resumes it once the lease has passed', async () => {
    const mine = await claimDigest(a, intent('2024-03-01', { since: '2024-02-29T09:00:00.000Z' }), t0);
    expect(mine.kind).toBe('claimed');
    const tooSoon = await claimDigest(b, intent('2024-03-01', { channelId: 'c2', nonce: 'other' }), after(DIGEST_CLAIM_LEASE_MS - 1));
    expect(tooSoon).toMatchObject({ kind: 'busy', record: { claimedBy: 'A', attempts: 1 } });
    // B may not close it as missed either, nor end it as failed or skipped.
    expect(await markMissed(b, 'g1', '2024-03-01', after(1000))).toBe(false);
    expect(await markFailed(b, 'g1', '2024-03-01', after(1000))).toBe(false);
    expect(await markSkipped(b, 'g1', '2024-03-01', after(1000))).toBe(false);
    expect(await getDigestRecord(b, 'g1', '2024-03-01')).toMatchObject({ status: 'sending', claimedBy: 'A', attempts: 1 });

    // A died mid-send: after the lease B takes the day over, with A's nonce, window and channel.
    const taken = await claimDigest(b, intent('2024-03-01', { channelId: 'c2', nonce: 'other' }), after(DIGEST_CLAIM_LEASE_MS));
    expect(taken).toMatchObject({
      kind: 'claimed',
      resumed: true,
      record: { claimedBy: 'B', channelId: 'c1', nonce: 'n-2024-03-01', since: '2024-02-29T09:00:00.000Z', attempts: 2 },
    });
    // Now A is the other host: it can't fail or resume what B holds (a shorter lease, as a test parameter).
    expect(await markFailed(a, 'g1', '2024-03-01')).toBe(false);
    expect((await claimDigest(a, intent('2024-03-01'), after(DIGEST_CLAIM_LEASE_MS + 5_000), 10_000)).kind).toBe('busy');
    expect((await claimDigest(a, intent('2024-03-01'), after(DIGEST_CLAIM_LEASE_MS + 10_000), 10_000)).kind).toBe('claimed');
  });

  it.skipIf(backend.skip)('lets any host close an older day another host left behind, but not one it claimed moments ago', async () => {
    await claimDigest(a, intent('2024-03-01'), t0);
    await claimDigest(a, intent('2024-03-02'), after(24 * 3600_000));
    const now = after(24 * 3600_000 + 30_000);
    expect(await markMissed(b, 'g1', '2024-03-01', now)).toBe(true);
    expect(await markMissed(b, 'g1', '2024-03-02', now)).toBe(false);
    expect((await unresolvedBefore(b, 'g1', '2024-03-03')).map((r) => [r.localDate, r.status])).toEqual([['2024-03-02', 'sending']]);
  });
});
