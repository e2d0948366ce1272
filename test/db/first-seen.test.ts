import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { firstSeenTimes, recordFirstSeen } from '../../src/db/first-seen.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
let db: Db;
afterEach(() => db?.close());

describe('article first-seen times', () => {
  it('records the first time only; later sightings keep it', () => {
    db = openDatabase(path.join(tmp(), 'storydesk.db'));
    expect(recordFirstSeen(db, ['a.md', 'b.md'], new Date('2024-03-01T08:00:00Z'))).toEqual(['a.md', 'b.md']);
    expect(recordFirstSeen(db, ['b.md', 'c.md'], new Date('2024-03-02T08:00:00Z'))).toEqual(['c.md']);
    expect(firstSeenTimes(db)).toEqual(
      new Map([
        ['a.md', '2024-03-01T08:00:00.000Z'],
        ['b.md', '2024-03-01T08:00:00.000Z'],
        ['c.md', '2024-03-02T08:00:00.000Z'],
      ]),
    );
  });
});
