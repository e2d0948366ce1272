// Date bounds typed by a person ("2022", "2022-07", "2022-07-15") → the first or last day they cover.

export type DateBound = { ok: true; date: string } | { ok: false; error: string };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `from` takes the first day of a year or month, `to` the last, so "to 2022" includes all of 2022. */
export function parseDateBound(value: string, side: 'from' | 'to'): DateBound {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  const bad: DateBound = { ok: false, error: `${side}: "${value}" is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY` };
  if (!m) return bad;
  const year = Number(m[1]);
  const month = m[2] === undefined ? (side === 'from' ? 1 : 12) : Number(m[2]);
  if (month < 1 || month > 12) return bad;
  const last = daysInMonth(year, month);
  const day = m[3] === undefined ? (side === 'from' ? 1 : last) : Number(m[3]);
  if (day < 1 || day > last) return bad;
  return { ok: true, date: `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}
