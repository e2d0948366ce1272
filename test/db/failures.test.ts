import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { lastFailure, recordFailure } from '../../src/db/failures.js';
import { backends } from '../helpers/stores.js';

describe.each(backends)('digest failures on $name', (backend) => {
  let db: Db;
  beforeEach(async () => {
    if (!backend.skip) db = await backend.open();
  });
  afterEach(async () => {
    if (!backend.skip) await db.close();
  });

  it.skipIf(backend.skip)('returns the latest failure per server and keeps servers apart', async () => {
    expect(await lastFailure(db, 'g1')).toBeNull();
    expect(
      await recordFailure(db, { guildId: 'g1', localDate: '2024-03-01', code: '50013', message: 'missing permissions' }, new Date('2024-03-01T09:00:00Z')),
    ).toEqual({ guildId: 'g1', localDate: '2024-03-01', code: '50013', message: 'missing permissions', at: '2024-03-01T09:00:00.000Z' });
    await recordFailure(db, { guildId: 'g2', localDate: '2024-03-01', code: null, message: 'socket hang up' }, new Date('2024-03-01T09:01:00Z'));
    await recordFailure(db, { guildId: 'g1', localDate: '2024-03-02', code: '10003', message: 'unknown channel' }, new Date('2024-03-02T09:00:00Z'));
    expect(await lastFailure(db, 'g1')).toEqual({
      guildId: 'g1',
      localDate: '2024-03-02',
      code: '10003',
      message: 'unknown channel',
      at: '2024-03-02T09:00:00.000Z',
    });
    expect((await lastFailure(db, 'g2'))?.message).toBe('socket hang up');
  });

  it.skipIf(backend.skip)('keeps only the last 50 failures of a server', async () => {
    for (let i = 0; i < 60; i++) await recordFailure(db, { guildId: 'g1', localDate: null, code: null, message: `f${i}` });
    await recordFailure(db, { guildId: 'g2', localDate: null, code: null, message: 'other' });
    const count = async (g: string) => (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM failures WHERE guild_id = ?', [g]))!.n;
    expect(await count('g1')).toBe(50);
    expect(await count('g2')).toBe(1);
    expect((await lastFailure(db, 'g1'))?.message).toBe('f59');
  });
});
