// Options as a person types them, turned into the engine's queries. The one parser of /timeline's options: the
// console, the CLI and Discord all read them here, so they accept and refuse the same inputs. A refusal is a typed
// error (what is wrong, with which option, and the value); src/present/labels.ts words it for people.
import * as chrono from 'chrono-node';
import type { TimelineFilter } from '../model/types.js';

/** The first (`start`) or the last (`end`) day of the period a date names. */
export type DateEdge = 'start' | 'end';

/** The longest topic, person or date a /timeline option takes, in characters. */
export const TIMELINE_OPTION_MAX = 100;

export const TIMELINE_OPTIONS = ['from', 'to', 'topic', 'person'] as const;
export type TimelineOption = (typeof TIMELINE_OPTIONS)[number];

/** /timeline's options as typed; absent, blank and null all mean "not given". */
export type RawTimelineOptions = Partial<Record<TimelineOption, string | null | undefined>>;

export type TimelineOptionError =
  | { code: 'not-a-date'; option: 'from' | 'to'; value: string }
  | { code: 'too-long'; option: TimelineOption; value: string; max: number }
  /** `from` and `to` are the days the two options were read as. */
  | { code: 'to-before-from'; option: 'to'; value: string; from: string; to: string };

export type ParsedTimelineOptions = { ok: true; filter: TimelineFilter } | { ok: false; error: TimelineOptionError };

/**
 * Reads /timeline's options: `from` as the first day of the period it names and `to` as the last (so "to 2022"
 * includes all of 2022), `topic` and `person` as given. Values are trimmed; the first problem found is the one reported.
 */
export function parseTimelineOptions(raw: RawTimelineOptions): ParsedTimelineOptions {
  const filter: TimelineFilter = {};
  for (const option of TIMELINE_OPTIONS) {
    const value = raw[option]?.trim();
    if (!value) continue;
    if (value.length > TIMELINE_OPTION_MAX) return { ok: false, error: { code: 'too-long', option, value, max: TIMELINE_OPTION_MAX } };
    if (option === 'from' || option === 'to') {
      const date = parseDateInput(value, option === 'from' ? 'start' : 'end');
      if (date === null) return { ok: false, error: { code: 'not-a-date', option, value } };
      filter[option] = date;
    } else {
      filter[option] = value;
    }
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    return { ok: false, error: { code: 'to-before-from', option: 'to', value: raw.to!.trim(), from: filter.from, to: filter.to } };
  }
  return { ok: true, filter };
}

/**
 * A date as YYYY-MM-DD, or null when `text` names none. ISO forms first (2022, 2022-09, 2022-9-12), then English
 * ("12 September 2022", "Sept 2022"); a year is required, because "yesterday" means nothing in a story's archive.
 */
export function parseDateInput(text: string, edge: DateEdge): string | null {
  const value = text.trim();
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  if (iso) return isoEdge(Number(iso[1]), optionalNumber(iso[2]), optionalNumber(iso[3]), edge);
  if (/^[\d-]+$/.test(value)) return null; // a malformed ISO date; chrono would guess at it
  if (!/\b\d{4}\b/.test(value)) return null;
  const [result] = chrono.parse(value);
  if (!result || !result.start.isCertain('year')) return null;
  const year = result.start.get('year')!;
  if (year < 1000 || year > 9999) return null;
  const month = result.start.isCertain('month') ? result.start.get('month') ?? undefined : undefined;
  const day = month !== undefined && result.start.isCertain('day') ? result.start.get('day') ?? undefined : undefined;
  return isoEdge(year, month, day, edge);
}

/** Whether `text` is one real day written YYYY-MM-DD. */
export function isIsoDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDateInput(text, 'start') === text;
}

function optionalNumber(digits: string | undefined): number | undefined {
  return digits === undefined ? undefined : Number(digits);
}

/** The first or last day of a year, a month or the day itself; null when the month or the day does not exist. */
function isoEdge(year: number, month: number | undefined, day: number | undefined, edge: DateEdge): string | null {
  if (month !== undefined && (month < 1 || month > 12)) return null;
  const m = month ?? (edge === 'start' ? 1 : 12);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  if (day !== undefined && (day < 1 || day > last)) return null;
  const d = day ?? (edge === 'start' ? 1 : last);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
