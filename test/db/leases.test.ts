// One holder at a time, on both back ends: a lease is free, renewed by its holder, refused to another until it
// expires, taken over after, and given up at a clean stop.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLease, getLease, releaseLease } from '../../src/db/leases.js';
import type { Db } from '../../src/db/open.js';
import { backends } from '../helpers/stores.js';

describe.each(backends)('leases on $name', (backend) => {
  let db: Db;
  beforeEach(async () => {
    if (!backend.skip) db = await backend.open();
  });
  afterEach(async () => {
    if (!backend.skip) await db.close();
  });
  const t0 = new Date('2026-12-07T10:00:00.000Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it.skipIf(backend.skip)('is held by one host until it expires, then taken over', async () => {
    expect(await acquireLease(db, 'feeds', 'A', 30_000, t0)).toBe(true);
    expect(await acquireLease(db, 'feeds', 'B', 30_000, at(1000))).toBe(false);
    expect(await acquireLease(db, 'feeds', 'A', 30_000, at(10_000))).toBe(true); // renewed to 40 s
    expect(await acquireLease(db, 'feeds', 'B', 30_000, at(35_000))).toBe(false);
    expect(await acquireLease(db, 'feeds', 'B', 30_000, at(40_000))).toBe(true);
    expect(await getLease(db, 'feeds')).toEqual({ name: 'feeds', holder: 'B', acquiredAt: at(40_000).toISOString(), expiresAt: at(70_000).toISOString() });
    expect(await acquireLease(db, 'feeds', 'A', 30_000, at(41_000))).toBe(false);
  });

  it.skipIf(backend.skip)('is given up at a clean stop, only by its holder', async () => {
    await acquireLease(db, 'feeds', 'A', 30_000, t0);
    expect(await releaseLease(db, 'feeds', 'B')).toBe(false);
    expect(await releaseLease(db, 'feeds', 'A')).toBe(true);
    expect(await acquireLease(db, 'feeds', 'B', 30_000, at(1))).toBe(true);
  });

  it.skipIf(backend.skip)('goes to exactly one of many hosts racing for it', async () => {
    const hosts = Array.from({ length: 8 }, (_, i) => `H${i}`);
    const won = await Promise.all(hosts.map((h) => acquireLease(db, 'race', h, 30_000, t0)));
    expect(won.filter(Boolean)).toHaveLength(1);
  });
});
