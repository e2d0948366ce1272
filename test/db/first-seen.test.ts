import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { firstSeenTimes, recordFirstSeen } from '../../src/db/first-seen.js';
import { backends } from '../helpers/stores.js';

describe.each(backends)('article first-seen times on $name', (backend) => {
  let db: Db;
  beforeEach(async () => {
    if (!backend.skip) db = await backend.open();
  });
  afterEach(async () => {
    if (!backend.skip) await db.close();
  });

  it.skipIf(backend.skip)('records the first time only; later sightings keep it', async () => {
    expect(await recordFirstSeen(db, ['a.md', 'b.md'], new Date('2024-03-01T08:00:00Z'))).toEqual(['a.md', 'b.md']);
    expect(await recordFirstSeen(db, ['b.md', 'c.md', 'c.md'], new Date('2024-03-02T08:00:00Z'))).toEqual(['c.md']);
    expect(await recordFirstSeen(db, [])).toEqual([]);
    expect(await firstSeenTimes(db)).toEqual(
      new Map([
        ['a.md', '2024-03-01T08:00:00.000Z'],
        ['b.md', '2024-03-01T08:00:00.000Z'],
        ['c.md', '2024-03-02T08:00:00.000Z'],
      ]),
    );
  });

  it.skipIf(backend.skip)('records a whole corpus at once, in the order given', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => `a${String(i).padStart(3, '0')}.md`).reverse();
    await recordFirstSeen(db, ['a100.md'], new Date('2024-03-01T08:00:00Z'));
    const added = await recordFirstSeen(db, ids, new Date('2024-03-02T08:00:00Z'));
    expect(added).toEqual(ids.filter((id) => id !== 'a100.md'));
    const times = await firstSeenTimes(db);
    expect(times.size).toBe(450);
    expect(times.get('a100.md')).toBe('2024-03-01T08:00:00.000Z');
    expect(times.get('a000.md')).toBe('2024-03-02T08:00:00.000Z');
  });
});
