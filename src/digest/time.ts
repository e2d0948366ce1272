// Wall-clock times in a server's time zone: parsing "HH:MM", checking IANA zones, local dates and
// the instant a day's digest is due (croner does the zone arithmetic, daylight saving included).
import { createHash } from 'node:crypto';
import { Cron } from 'croner';

/** "9:05" or "09:05" → "09:05"; null if it is not a time of day. */
export function parseTimeOfDay(value: string): string | null {
  const m = /^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$/.exec(value);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

/**
 * ICU (and so Intl) still spells some zones by their old names; moderators look for the current IANA
 * ones (Kolkata, not Calcutta; Kyiv, not Kiev). Intl accepts both spellings as input.
 */
const CURRENT_ZONE_NAMES: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The current IANA spelling of a zone Intl knows; unchanged when it has no newer name or Intl does not take it. */
function currentName(zone: string): string {
  const current = CURRENT_ZONE_NAMES[zone];
  if (!current) return zone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: current });
    return current;
  } catch {
    return zone;
  }
}

/** The zone's canonical spelling ("europe/berlin" → "Europe/Berlin", "Asia/Calcutta" → "Asia/Kolkata"), or null if Intl does not know it. */
export function canonicalTimeZone(value: string): string | null {
  const zone = value.trim();
  if (!zone) return null;
  try {
    return currentName(new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return null;
  }
}

let zoneList: string[] | undefined;

/** Every IANA zone this Node knows, plus UTC (which `supportedValuesOf` leaves out). */
export function timeZones(): string[] {
  zoneList ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone').map(currentName)])];
  return zoneList;
}

/** Zones matching what a moderator has typed so far, for autocomplete (Discord shows at most 25). */
export function suggestTimeZones(typed: string, limit = 25): string[] {
  const q = typed.trim().toLowerCase().replace(/\s+/g, '_');
  if (!q) return timeZones().slice(0, limit);
  const starts: string[] = [];
  const contains: string[] = [];
  for (const zone of timeZones()) {
    const z = zone.toLowerCase();
    const city = z.slice(z.lastIndexOf('/') + 1);
    if (z.startsWith(q) || city.startsWith(q)) starts.push(zone);
    else if (z.includes(q)) contains.push(zone);
  }
  return [...starts, ...contains].slice(0, limit);
}

/** The calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "2024-03-31 09:00" style wall-clock time of `instant` in `timeZone`. */
export function formatLocal(instant: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return `${localDate(instant, timeZone)} ${time}`;
}

export function cronPattern(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return `${m} ${h} * * *`;
}

/** The next instant after `from` at which a daily `time` in `timeZone` falls. */
export function nextOccurrence(time: string, timeZone: string, from: Date): Date | null {
  return new Cron(cronPattern(time), { timezone: timeZone, paused: true }).nextRun(from);
}

/**
 * The instant the digest of `day` is due: the day's `time` in `timeZone`. On a spring-forward day
 * a time in the skipped hour is due when the clock jumps (croner's rule), so no day is without one.
 */
export function dueInstant(day: string, time: string, timeZone: string): Date {
  const noonUtc = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(noonUtc)) throw new Error(`storydesk: expected a date as YYYY-MM-DD, got ${JSON.stringify(day)}`);
  // Local midnight lies within 15 hours of UTC noon's date in every zone (UTC-12 … UTC+14).
  const runs = new Cron(cronPattern(time), { timezone: timeZone, paused: true }).nextRuns(3, new Date(noonUtc - 27 * 3600_000));
  const due = runs.find((run) => localDate(run, timeZone) === day);
  if (!due) throw new Error(`storydesk: no ${time} on ${day} in ${timeZone}`);
  return due;
}

/**
 * Discord's message nonce (at most 25 characters) for one server's digest of one day: a retried send
 * carries the same nonce, and with `enforce_nonce` Discord returns the first message instead of a second.
 */
export function digestNonce(guildId: string, day: string): string {
  return createHash('sha256').update(`storydesk-digest:${guildId}:${day}`).digest('hex').slice(0, 25);
}
