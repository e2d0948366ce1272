import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../src/discord/options.js';

describe('parseDateInput', () => {
  it('reads ISO dates, months and years as the first or last day they cover', () => {
    expect(parseDateInput('2022-09-12', 'start')).toBe('2022-09-12');
    expect(parseDateInput('2022-09', 'start')).toBe('2022-09-01');
    expect(parseDateInput('2022-09', 'end')).toBe('2022-09-30');
    expect(parseDateInput('2024-02', 'end')).toBe('2024-02-29');
    expect(parseDateInput('2022', 'end')).toBe('2022-12-31');
  });

  it('reads English dates that name a year', () => {
    expect(parseDateInput('12 September 2022', 'start')).toBe('2022-09-12');
    expect(parseDateInput('September 2022', 'end')).toBe('2022-09-30');
    expect(parseDateInput('Sept 2022', 'start')).toBe('2022-09-01');
  });

  it('refuses junk, impossible dates and dates without a year', () => {
    expect(parseDateInput('banana', 'start')).toBeNull();
    expect(parseDateInput('2022-13', 'start')).toBeNull();
    expect(parseDateInput('2022-02-30', 'start')).toBeNull();
    expect(parseDateInput('22-9-12', 'start')).toBeNull();
    expect(parseDateInput('July 15', 'start')).toBeNull();
    expect(parseDateInput('the day before yesterday', 'start')).toBeNull();
    expect(parseDateInput('last week', 'end')).toBeNull();
  });
});
