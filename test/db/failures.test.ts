import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { lastFailure, recordFailure } from '../../src/db/failures.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
let db: Db;
afterEach(() => db?.close());

describe('digest failures', () => {
  it('returns the latest failure per server and keeps servers apart', () => {
    db = openDatabase(path.join(tmp(), 'storydesk.db'));
    expect(lastFailure(db, 'g1')).toBeNull();
    recordFailure(db, { guildId: 'g1', localDate: '2024-03-01', code: '50013', message: 'missing permissions' }, new Date('2024-03-01T09:00:00Z'));
    recordFailure(db, { guildId: 'g2', localDate: '2024-03-01', code: null, message: 'socket hang up' }, new Date('2024-03-01T09:01:00Z'));
    recordFailure(db, { guildId: 'g1', localDate: '2024-03-02', code: '10003', message: 'unknown channel' }, new Date('2024-03-02T09:00:00Z'));
    expect(lastFailure(db, 'g1')).toEqual({
      guildId: 'g1',
      localDate: '2024-03-02',
      code: '10003',
      message: 'unknown channel',
      at: '2024-03-02T09:00:00.000Z',
    });
    expect(lastFailure(db, 'g2')?.message).toBe('socket hang up');
  });

  it('keeps only the last 50 failures of a server', () => {
    db = openDatabase(path.join(tmp(), 'storydesk.db'));
    for (let i = 0; i < 60; i++) recordFailure(db, { guildId: 'g1', localDate: null, code: null, message: `f${i}` });
    recordFailure(db, { guildId: 'g2', localDate: null, code: null, message: 'other' });
    const count = (g: string) => db.prepare('SELECT COUNT(*) FROM failures WHERE guild_id = ?').pluck().get(g);
    expect(count('g1')).toBe(50);
    expect(count('g2')).toBe(1);
    expect(lastFailure(db, 'g1')?.message).toBe('f59');
  });
});
