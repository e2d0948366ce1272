import { describe, expect, it } from 'vitest';
import { isIsoDay, parseDateInput, parseTimelineOptions } from '../../src/engine/queries.js';

describe('parseDateInput', () => {
  it('reads ISO dates, months and years as the first or last day they cover', () => {
    expect(parseDateInput('2022-09-12', 'start')).toBe('2022-09-12');
    expect(parseDateInput('2022-9-5', 'start')).toBe('2022-09-05');
    expect(parseDateInput('2022-09', 'start')).toBe('2022-09-01');
    expect(parseDateInput('2022-09', 'end')).toBe('2022-09-30');
    expect(parseDateInput('2024-02', 'end')).toBe('2024-02-29');
    expect(parseDateInput('2022', 'start')).toBe('2022-01-01');
    expect(parseDateInput('2022', 'end')).toBe('2022-12-31');
    expect(parseDateInput(' 2022-09 ', 'start')).toBe('2022-09-01');
  });

  it('reads English dates that name a year', () => {
    expect(parseDateInput('12 September 2022', 'start')).toBe('2022-09-12');
    expect(parseDateInput('September 2022', 'start')).toBe('2022-09-01');
    expect(parseDateInput('September 2022', 'end')).toBe('2022-09-30');
    expect(parseDateInput('Sept 2022', 'start')).toBe('2022-09-01');
  });

  it('refuses junk, impossible dates and dates without a year', () => {
    expect(parseDateInput('banana', 'start')).toBeNull();
    expect(parseDateInput('2022-13', 'start')).toBeNull();
    expect(parseDateInput('2022-02-30', 'start')).toBeNull();
    expect(parseDateInput('22-9-12', 'start')).toBeNull();
    expect(parseDateInput('July 15', 'start')).toBeNull();
    expect(parseDateInput('yesterday', 'start')).toBeNull();
    expect(parseDateInput('the day before yesterday', 'start')).toBeNull();
    expect(parseDateInput('last week', 'end')).toBeNull();
  });
});

describe('isIsoDay', () => {
  it('accepts one real day written YYYY-MM-DD and nothing else', () => {
    expect(isIsoDay('2022-09-15')).toBe(true);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2022-9-15')).toBe(false);
    expect(isIsoDay('2022-09')).toBe(false);
    expect(isIsoDay('15 September 2022')).toBe(false);
  });
});

describe('parseTimelineOptions', () => {
  it('turns from and to into the first and last day they cover, and keeps topic and person as typed', () => {
    expect(parseTimelineOptions({ from: 'September 2022', to: '2022', topic: ' police ', person: 'Rama' })).toEqual({
      ok: true,
      filter: { from: '2022-09-01', to: '2022-12-31', topic: 'police', person: 'Rama' },
    });
  });

  it('leaves out options that are absent, null or blank', () => {
    expect(parseTimelineOptions({})).toEqual({ ok: true, filter: {} });
    expect(parseTimelineOptions({ from: null, to: '  ', topic: undefined, person: '' })).toEqual({ ok: true, filter: {} });
  });

  it('accepts a range of one day, and from and to in the same month', () => {
    expect(parseTimelineOptions({ from: '2022-09-12', to: '2022-09-12' })).toEqual({ ok: true, filter: { from: '2022-09-12', to: '2022-09-12' } });
    expect(parseTimelineOptions({ from: '2022-09', to: '2022-09' })).toEqual({ ok: true, filter: { from: '2022-09-01', to: '2022-09-30' } });
  });

  it('refuses a value that is not a date, naming the option and the value', () => {
    expect(parseTimelineOptions({ from: 'yesterday' })).toEqual({ ok: false, error: { code: 'not-a-date', option: 'from', value: 'yesterday' } });
    expect(parseTimelineOptions({ from: '2022', to: '2022-13' })).toEqual({ ok: false, error: { code: 'not-a-date', option: 'to', value: '2022-13' } });
  });

  it('refuses to before from, with the days both were read as', () => {
    expect(parseTimelineOptions({ from: '2022-10', to: '2022-09' })).toEqual({
      ok: false,
      error: { code: 'to-before-from', option: 'to', value: '2022-09', from: '2022-10-01', to: '2022-09-30' },
    });
  });

  it('refuses a value longer than 100 characters', () => {
    const topic = 'x'.repeat(101);
    expect(parseTimelineOptions({ topic })).toEqual({ ok: false, error: { code: 'too-long', option: 'topic', value: topic, max: 100 } });
    expect(parseTimelineOptions({ topic: 'x'.repeat(100) }).ok).toBe(true);
  });

  it('reports the first problem in option order: from, to, topic, person, then the range', () => {
    const parsed = parseTimelineOptions({ from: 'soon', to: 'later', person: 'x'.repeat(200) });
    expect(parsed.ok === false && parsed.error.option).toBe('from');
  });
});
