import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  digestNonce,
  dueInstant,
  formatLocal,
  localDate,
  nextOccurrence,
  parseTimeOfDay,
  suggestTimeZones,
  timeZones,
} from '../../src/digest/time.js';

describe('parseTimeOfDay', () => {
  it('accepts 24-hour times and pads the hour', () => {
    expect(parseTimeOfDay('09:00')).toBe('09:00');
    expect(parseTimeOfDay('9:05')).toBe('09:05');
    expect(parseTimeOfDay(' 23:59 ')).toBe('23:59');
    expect(parseTimeOfDay('00:00')).toBe('00:00');
  });
  it('refuses what is not a time of day', () => {
    for (const bad of ['24:00', '9', '09:60', '9am', '', '12:5', '-1:00']) expect(parseTimeOfDay(bad)).toBeNull();
  });
});

describe('time zones', () => {
  it('canonicalises known zones and refuses unknown ones', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });
  it('suggests zones by prefix or city, at most 25', () => {
    expect(suggestTimeZones('berl')).toEqual(['Europe/Berlin']);
    expect(suggestTimeZones('new y')).toEqual(['America/New_York']);
    expect(suggestTimeZones('')).toHaveLength(25);
    expect(suggestTimeZones('america/')).toHaveLength(25);
    expect(timeZones()).toContain('UTC');
  });
  it('uses current IANA names where ICU keeps old ones (Kolkata, Kyiv), and accepts both spellings', () => {
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('asia/calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(suggestTimeZones('kolk')).toEqual(['Asia/Kolkata']);
    expect(suggestTimeZones('kyiv')).toEqual(['Europe/Kyiv']);
    expect(timeZones()).not.toContain('Asia/Calcutta');
    // The current name schedules like the old one: 09:00 in Kolkata is 03:30 UTC.
    expect(dueInstant('2024-05-01', '09:00', 'Asia/Kolkata').toISOString()).toBe('2024-05-01T03:30:00.000Z');
  });
});

describe('local dates and due instants', () => {
  it('gives the calendar day in the zone, not in UTC', () => {
    const t = new Date('2024-03-01T23:30:00Z');
    expect(localDate(t, 'UTC')).toBe('2024-03-01');
    expect(localDate(t, 'Asia/Tokyo')).toBe('2024-03-02');
    expect(localDate(new Date('2024-03-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2024-02-29');
    expect(formatLocal(t, 'Asia/Tokyo')).toBe('2024-03-02 08:30');
  });

  it('puts 09:00 Europe/Berlin at 08:00 UTC before the spring change and 07:00 UTC after', () => {
    expect(dueInstant('2024-03-30', '09:00', 'Europe/Berlin').toISOString()).toBe('2024-03-30T08:00:00.000Z');
    expect(dueInstant('2024-03-31', '09:00', 'Europe/Berlin').toISOString()).toBe('2024-03-31T07:00:00.000Z');
    expect(dueInstant('2024-10-26', '09:00', 'Europe/Berlin').toISOString()).toBe('2024-10-26T07:00:00.000Z');
    expect(dueInstant('2024-10-27', '09:00', 'Europe/Berlin').toISOString()).toBe('2024-10-27T08:00:00.000Z');
  });

  it('still has a due time on a day whose chosen time is skipped by the clock change', () => {
    // 02:30 does not exist in Berlin on 2024-03-31: it is due when the clock jumps to 03:00.
    expect(dueInstant('2024-03-31', '02:30', 'Europe/Berlin').toISOString()).toBe('2024-03-31T01:00:00.000Z');
    // 02:30 happens twice on 2024-10-27: due once, at the first.
    expect(dueInstant('2024-10-27', '02:30', 'Europe/Berlin').toISOString()).toBe('2024-10-27T00:30:00.000Z');
  });

  it('handles zones far from UTC on both sides', () => {
    expect(dueInstant('2024-06-01', '00:15', 'Pacific/Kiritimati').toISOString()).toBe('2024-05-31T10:15:00.000Z');
    expect(dueInstant('2024-06-01', '23:45', 'Pacific/Pago_Pago').toISOString()).toBe('2024-06-02T10:45:00.000Z');
    expect(dueInstant('2024-06-01', '09:00', 'Asia/Kolkata').toISOString()).toBe('2024-06-01T03:30:00.000Z');
  });

  it('finds the next occurrence after a moment', () => {
    expect(nextOccurrence('09:00', 'Europe/Berlin', new Date('2024-03-30T08:00:00Z'))?.toISOString()).toBe('2024-03-31T07:00:00.000Z');
    expect(nextOccurrence('09:00', 'Europe/Berlin', new Date('2024-03-30T07:59:00Z'))?.toISOString()).toBe('2024-03-30T08:00:00.000Z');
  });

  it('names a bad day', () => {
    expect(() => dueInstant('2024-3-1', '09:00', 'UTC')).toThrow('storydesk: expected a date as YYYY-MM-DD, got "2024-3-1"');
  });
});

describe('digestNonce', () => {
  it('is the same for a server and day, differs otherwise, and fits Discord (at most 25 characters)', () => {
    const a = digestNonce('123', '2024-03-01');
    expect(a).toBe(digestNonce('123', '2024-03-01'));
    expect(a).not.toBe(digestNonce('123', '2024-03-02'));
    expect(a).not.toBe(digestNonce('124', '2024-03-01'));
    expect(a).toMatch(/^[0-9a-f]{25}$/);
  });
});
