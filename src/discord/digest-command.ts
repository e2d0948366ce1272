// The pure side of `/digest`: checking options, who may use it, and the texts it replies with.
// commands/digest.ts is the Discord glue around these.
import type { DigestSettings } from '../db/settings.js';
import type { DigestScheduler, DigestStatusReport } from '../digest/scheduler.js';
import type { DigestMessage } from './digest-render.js';
import { canonicalTimeZone, formatLocal, parseTimeOfDay, suggestTimeZones } from '../digest/time.js';

/** What `/digest` needs from the running bot: the scheduler (which owns the database access); every call is async. */
export type DigestService = Pick<DigestScheduler<DigestMessage>, 'configure' | 'turnOff' | 'status' | 'preview' | 'nextRun'>;

/** The Manage Server permission bit (discord.js PermissionFlagsBits.ManageGuild). */
/** The time zones offered as the member types one. */
export function timeZoneChoices(typed: string): string[] {
  return suggestTimeZones(typed);
}

export const MANAGE_GUILD = 1n << 5n;

export type CheckedSchedule = { ok: true; time: string; timezone: string } | { ok: false; option: 'time' | 'timezone'; message: string };

/** Validates `/digest set`'s time and time zone, with a message naming the bad value. */
export function checkSchedule(time: string, timezone: string): CheckedSchedule {
  const t = parseTimeOfDay(time);
  if (!t) return { ok: false, option: 'time', message: `\`time\` should be HH:MM on a 24-hour clock, like 09:00 or 18:30; got \`${clean(time)}\`.` };
  const zone = canonicalTimeZone(timezone);
  if (!zone) {
    return {
      ok: false,
      option: 'timezone',
      message: `\`timezone\` should be an IANA time zone such as Europe/Berlin or America/New_York (pick one from the list); got \`${clean(timezone)}\`.`,
    };
  }
  return { ok: true, time: t, timezone: zone };
}

/** Backticks would end the code span the value is shown in. */
function clean(value: string): string {
  return value.replace(/`/g, "'").slice(0, 60);
}

/** The run-time half of the permission check (default member permissions are the other half). */
export function mayManageDigest(memberPermissions: { has(bit: bigint): boolean } | null | undefined): boolean {
  return Boolean(memberPermissions?.has(MANAGE_GUILD));
}

export const NO_PERMISSION = 'Only members with the **Manage Server** permission can change or inspect the daily digest.';
export const GUILD_ONLY = 'The daily digest belongs to a server: use /digest in a server channel.';
export const NOT_AVAILABLE = "The daily digest isn't available on this bot (it runs without a database).";

function when(instant: Date, timezone: string): string {
  return `${formatLocal(instant, timezone)} ${timezone} (<t:${Math.floor(instant.getTime() / 1000)}:R>)`;
}

function schedule(s: DigestSettings): string {
  const skip = s.skipEmpty ? ', skipping days with nothing new' : '';
  return `in <#${s.channelId}> every day at ${s.time} ${s.timezone}${skip}`;
}

export function setReply(settings: DigestSettings, nextRun: Date | null): string {
  const next = nextRun ? `\nFirst post: ${when(nextRun, settings.timezone)}.` : '';
  return `Daily digest on: posting ${schedule(settings)}.${next}\nSee it now with \`/digest preview\`.`;
}

export function offReply(wasSet: boolean): string {
  return wasSet ? 'Daily digest off. Turn it back on with `/digest set`.' : 'The daily digest was not on. Turn it on with `/digest set`.';
}

/** `/digest status`: channel, next run in the server's zone, last post, last failure. */
/** `missingPermissions`: what the bot lacks in the channel now (e.g. Read Message History, taken away after /digest set). */
export function statusReply(guildId: string, report: DigestStatusReport, missingPermissions: string[] = []): string {
  const s = report.settings;
  if (!s) return 'The daily digest is off: it has never been set up here. Turn it on with `/digest set`.';
  const lines = [s.enabled ? `**Daily digest: on**, posting ${schedule(s)}.` : `**Daily digest: off** (it posted ${schedule(s)}).`];
  if (s.enabled && s.brokenAt) {
    lines.push(`**Paused** since ${formatLocal(new Date(s.brokenAt), s.timezone)} ${s.timezone}: ${s.brokenReason ?? 'posting failed'}. Nothing is posted until \`/digest set\` is run again.`);
  }
  if (missingPermissions.length > 0) {
    lines.push(
      `⚠️ I now lack ${missingPermissions.join(', ')} in <#${s.channelId}>. ${missingPermissions.includes('Read Message History') ? 'Without Read Message History I cannot check after a restart whether a digest was already posted, so one could be posted twice. ' : ''}Give it back, or pick another channel with \`/digest set\`.`,
    );
  }
  if (report.nextRun) lines.push(`Next post: ${when(report.nextRun, s.timezone)}.`);
  const last = report.lastPost;
  lines.push(
    last ? `Last post: ${last.localDate}, https://discord.com/channels/${guildId}/${last.channelId}/${last.messageId}` : 'Last post: none yet.',
  );
  if (report.today && report.today.status !== 'sent') lines.push(`Today: ${todayText(report.today.status)}.`);
  const failure = report.lastFailure;
  if (failure) {
    const code = failure.code ? ` (code ${failure.code})` : '';
    lines.push(`Last failure: ${formatLocal(new Date(failure.at), s.timezone)} ${s.timezone}${code}: ${failure.message}`);
  }
  return lines.join('\n');
}

function todayText(status: string): string {
  switch (status) {
    case 'sending':
      return 'being posted';
    case 'failed':
      return 'posting failed; it is retried when the problem may pass, or after `/digest set`';
    case 'skipped':
      return 'skipped, nothing new';
    default:
      return status;
  }
}

export function previewNote(settings: DigestSettings | null): string {
  return settings?.enabled
    ? `This is what would be posted in <#${settings.channelId}> if the digest went out now.`
    : 'The daily digest is not on here; this is what it would post now. Turn it on with `/digest set`.';
}
