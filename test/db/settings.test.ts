import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { disableDigest, getSettings, listEnabledSettings, markChannelBroken, saveSettings } from '../../src/db/settings.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
let db: Db;
afterEach(() => db?.close());

describe('digest settings', () => {
  it('saves, reads, changes and turns off a server digest, and keeps it after a reopen', () => {
    const file = path.join(tmp(), 'storydesk.db');
    db = openDatabase(file);
    expect(getSettings(db, 'g1')).toBeNull();
    const t0 = new Date('2024-03-01T10:00:00Z');
    expect(saveSettings(db, { guildId: 'g1', channelId: 'c1', time: '09:00', timezone: 'Europe/Berlin' }, t0)).toEqual({
      guildId: 'g1',
      channelId: 'c1',
      time: '09:00',
      timezone: 'Europe/Berlin',
      enabled: true,
      skipEmpty: false,
      updatedAt: '2024-03-01T10:00:00.000Z',
      brokenAt: null,
      brokenReason: null,
    });
    saveSettings(db, { guildId: 'g2', channelId: 'c9', time: '18:30', timezone: 'UTC', skipEmpty: true }, t0);
    const t1 = new Date('2024-03-02T10:00:00Z');
    saveSettings(db, { guildId: 'g1', channelId: 'c2', time: '07:15', timezone: 'America/New_York' }, t1);
    expect(getSettings(db, 'g1')).toMatchObject({ channelId: 'c2', time: '07:15', timezone: 'America/New_York', updatedAt: t1.toISOString() });
    expect(listEnabledSettings(db).map((s) => s.guildId)).toEqual(['g1', 'g2']);

    expect(disableDigest(db, 'g2', t1)).toBe(true);
    expect(disableDigest(db, 'never-set', t1)).toBe(false);
    expect(listEnabledSettings(db).map((s) => s.guildId)).toEqual(['g1']);
    db.close();

    db = openDatabase(file);
    expect(getSettings(db, 'g2')).toMatchObject({ enabled: false, skipEmpty: true, channelId: 'c9' });
    // Setting it again turns it back on.
    saveSettings(db, { guildId: 'g2', channelId: 'c9', time: '18:30', timezone: 'UTC' });
    expect(getSettings(db, 'g2')?.enabled).toBe(true);
  });

  it('refuses a malformed time at the database level', () => {
    db = openDatabase(path.join(tmp(), 'storydesk.db'));
    expect(() => saveSettings(db, { guildId: 'g1', channelId: 'c1', time: '9am', timezone: 'UTC' })).toThrow(/CHECK constraint/);
  });

  it('records a broken channel only while it is the channel set, and /digest set clears it', () => {
    db = openDatabase(path.join(tmp(), 'storydesk.db'));
    saveSettings(db, { guildId: 'g1', channelId: 'c1', time: '09:00', timezone: 'UTC' });
    markChannelBroken(db, 'g1', 'c-old', 'gone', new Date('2024-03-01T10:00:00Z'));
    expect(getSettings(db, 'g1')).toMatchObject({ brokenAt: null, brokenReason: null });
    markChannelBroken(db, 'g1', 'c1', 'the channel no longer exists', new Date('2024-03-01T10:00:00Z'));
    expect(getSettings(db, 'g1')).toMatchObject({ brokenAt: '2024-03-01T10:00:00.000Z', brokenReason: 'the channel no longer exists' });
    saveSettings(db, { guildId: 'g1', channelId: 'c1', time: '09:00', timezone: 'UTC' });
    expect(getSettings(db, 'g1')).toMatchObject({ brokenAt: null, brokenReason: null });
  });
});
