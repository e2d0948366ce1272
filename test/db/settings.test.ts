import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { disableDigest, getSettings, listEnabledSettings, markChannelBroken, saveSettings } from '../../src/db/settings.js';
import { backends } from '../helpers/stores.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

describe.each(backends)('digest settings on $name', (backend) => {
  let db: Db;
  beforeEach(async () => {
    if (!backend.skip) db = await backend.open();
  });
  afterEach(async () => {
    if (!backend.skip) await db.close();
  });

  it.skipIf(backend.skip)('saves, reads, changes and turns off a server digest', async () => {
    expect(await getSettings(db, 'g1')).toBeNull();
    const t0 = new Date('2024-03-01T10:00:00Z');
    expect(await saveSettings(db, { guildId: 'g1', channelId: 'c1', time: '09:00', timezone: 'Europe/Berlin' }, t0)).toEqual({
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
    await saveSettings(db, { guildId: 'g2', channelId: 'c9', time: '18:30', timezone: 'UTC', skipEmpty: true }, t0);
    const t1 = new Date('2024-03-02T10:00:00Z');
    expect(await saveSettings(db, { guildId: 'g1', channelId: 'c2', time: '07:15', timezone: 'America/New_York' }, t1)).toMatchObject({ channelId: 'c2' });
    expect(await getSettings(db, 'g1')).toMatchObject({ channelId: 'c2', time: '07:15', timezone: 'America/New_York', updatedAt: t1.toISOString() });
    expect((await listEnabledSettings(db)).map((s) => s.guildId)).toEqual(['g1', 'g2']);

    expect(await disableDigest(db, 'g2', t1)).toBe(true);
    expect(await disableDigest(db, 'never-set', t1)).toBe(false);
    expect((await listEnabledSettings(db)).map((s) => s.guildId)).toEqual(['g1']);
    expect(await getSettings(db, 'g2')).toMatchObject({ enabled: false, skipEmpty: true, channelId: 'c9' });
    // Setting it again turns it back on.
    await saveSettings(db, { guildId: 'g2', channelId: 'c9', time: '18:30', timezone: 'UTC' });
    expect((await getSettings(db, 'g2'))?.enabled).toBe(true);
  });

  it.skipIf(backend.skip)('refuses a malformed time at the database level', async () => {
    await expect(saveSettings(db, { guildId: 'g1', channelId: 'c1', time: '9am', timezone: 'UTC' })).rejects.toThrow(/CHECK constraint|check constraint/);
  });

  it.skipIf(backend.skip)('records a broken channel only while it is the channel set, and /digest set clears it', async () => {
    await saveSettings(db, { guildId: 'g1', channelId: 'c1', time: '09:00', timezone: 'UTC' });
    await markChannelBroken(db, 'g1', 'c-old', 'gone', new Date('2024-03-01T10:00:00Z'));
    expect(await getSettings(db, 'g1')).toMatchObject({ brokenAt: null, brokenReason: null });
    await markChannelBroken(db, 'g1', 'c1', 'the channel no longer exists', new Date('2024-03-01T10:00:00Z'));
    expect(await getSettings(db, 'g1')).toMatchObject({ brokenAt: '2024-03-01T10:00:00.000Z', brokenReason: 'the channel no longer exists' });
    await saveSettings(db, { guildId: 'g1', channelId: 'c1', time: '09:00', timezone: 'UTC' });
    expect(await getSettings(db, 'g1')).toMatchObject({ brokenAt: null, brokenReason: null });
  });
});

describe('digest settings in a SQLite file', () => {
  it('are kept after a reopen', async () => {
    const file = path.join(tmp(), 'storydesk.db');
    const first = await openDatabase(file);
    await saveSettings(first, { guildId: 'g1', channelId: 'c1', time: '09:00', timezone: 'UTC', skipEmpty: true });
    await disableDigest(first, 'g1');
    await first.close();
    const db = await openDatabase(file);
    try {
      expect(await getSettings(db, 'g1')).toMatchObject({ enabled: false, skipEmpty: true, channelId: 'c1' });
    } finally {
      await db.close();
    }
  });
});
