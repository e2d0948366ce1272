// Periods of time and calendar arithmetic on whole days (UTC, so a machine's time zone never moves a date).
import type { Precision } from './types.js';

/** A period of time as the timeline shows it: its first day and how wide it is. */
export interface Period {
  /** First day of the period, YYYY-MM-DD. */
  date: string;
  precision: Precision;
}

export interface Ymd {
  y: number;
  /** 1–12 */
  m: number;
  /** 1–31 */
  d: number;
}

/** Finest first: a coarser precision has a higher rank. */
export const PRECISIONS: readonly Precision[] = ['day', 'week', 'month', 'year', 'decade'];

export function precisionRank(p: Precision): number {
  return PRECISIONS.indexOf(p);
}

export function coarser(a: Precision, b: Precision): Precision {
  return precisionRank(a) >= precisionRank(b) ? a : b;
}

/** One step coarser ("days later" is vaguer than "two days later"); decade stays decade. */
export function widen(p: Precision): Precision {
  return PRECISIONS[Math.min(precisionRank(p) + 1, PRECISIONS.length - 1)]!;
}

const DAY_MS = 86_400_000;

/** Parses YYYY-MM-DD; throws naming the bad input. */
export function parseYmd(text: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
    if (formatYmd(fromDays(toDays(ymd))) === text) return ymd;
  }
  throw new Error(`storydesk: bad date "${text}"; expected a real calendar date as YYYY-MM-DD`);
}

export function formatYmd({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function toDays({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDays(days: number): Ymd {
  const t = new Date(days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(ymd: Ymd, n: number): Ymd {
  return fromDays(toDays(ymd) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(ymd: Ymd): number {
  return new Date(toDays(ymd) * DAY_MS).getUTCDay();
}

/** Weeks start on Monday (ISO 8601). */
export function mondayOf(ymd: Ymd): Ymd {
  return addDays(ymd, -((weekdayOf(ymd) + 6) % 7));
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Month arithmetic that clamps the day: Jan 31 + 1 month = Feb 28/29. */
export function addMonths(ymd: Ymd, n: number): Ymd {
  const index = ymd.y * 12 + (ymd.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(ymd.d, daysInMonth(y, m)) };
}

/** Moves a date by `n` of a calendar unit. */
export function shift(ymd: Ymd, unit: Precision, n: number): Ymd {
  switch (unit) {
    case 'day':
      return addDays(ymd, n);
    case 'week':
      return addDays(ymd, 7 * n);
    case 'month':
      return addMonths(ymd, n);
    case 'year':
      return addMonths(ymd, 12 * n);
    case 'decade':
      return addMonths(ymd, 120 * n);
  }
}

/** The first day of the period of `precision` that holds `ymd`. */
export function startOf(ymd: Ymd, precision: Precision): Ymd {
  switch (precision) {
    case 'day':
      return ymd;
    case 'week':
      return mondayOf(ymd);
    case 'month':
      return { y: ymd.y, m: ymd.m, d: 1 };
    case 'year':
      return { y: ymd.y, m: 1, d: 1 };
    case 'decade':
      return { y: ymd.y - (((ymd.y % 10) + 10) % 10), m: 1, d: 1 };
  }
}

/** The period of `precision` that holds `ymd`. */
export function periodOf(ymd: Ymd, precision: Precision): Period {
  return { date: formatYmd(startOf(ymd, precision)), precision };
}

/** The last day of a period, YYYY-MM-DD. */
export function periodEnd(period: Period): string {
  const first = startOf(parseYmd(period.date), period.precision);
  return formatYmd(addDays(shift(first, period.precision, 1), -1));
}
