// Posts each server's digest once per local day at its chosen time, in its own time zone.
//
// Exactly once: the day's row is written 'sending' (with a nonce derived from server + day) before the
// message goes out, and 'sent' with the message id after. A row found 'sending' after a restart is
// resolved by looking for the posted digest in the channel, and a re-send carries the same nonce with
// enforce_nonce, so Discord returns the first message rather than posting a second.
//
// Across hosts sharing one database: the claim names its host, and a day another host claimed less than a lease ago
// is left to it ('busy'); this scheduler looks again once that claim would have expired. A claim that cannot be
// made (the database is unreachable) posts nothing and is tried again a little later the same day.
import { Cron } from 'croner';
import type { StoryEngine } from '../engine/engine.js';
import type { Db } from '../db/open.js';
import { disableDigest, getSettings, listEnabledSettings, markChannelBroken, saveSettings, type DigestSettings, type DigestSettingsInput } from '../db/settings.js';
import {
  claimDigest,
  DIGEST_CLAIM_LEASE_MS,
  getDigestRecord,
  heldByAnotherHost,
  lastCompletedDigest,
  lastSentDigest,
  markFailed,
  markMissed,
  markSent,
  markSkipped,
  unresolvedBefore,
  type DigestRecord,
} from '../db/digests.js';
import { lastFailure, recordFailure, type DigestFailure } from '../db/failures.js';
import { firstSeenTimes } from '../db/first-seen.js';
import { buildDigest, type Digest, type DigestLimits } from './content.js';
import { cronPattern, digestNonce, dueInstant, localDate, nextOccurrence } from './time.js';

export interface PostResult {
  messageId: string;
}

/** Sends a rendered digest to a channel; throws Discord's error (with its numeric `code`) on failure. */
export type PostDigest<P> = (guildId: string, channelId: string, payload: P) => Promise<PostResult>;

/** The id of the digest of `localDate` already in the channel, or null; used after a restart. */
export type FindPostedDigest = (guildId: string, channelId: string, localDate: string) => Promise<string | null>;

/** Turns a digest into the payload `post` sends; `nonce` must go on the message (with enforce_nonce). */
export type RenderDigest<P> = (digest: Digest, context: { nonce: string; localDate: string; settings: DigestSettings }) => P;

/** pino's Logger fits this. */
export interface DigestLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Why a digest post failed, in terms a moderator can act on, and whether trying again later today can help. */
export interface PostFailure {
  /** The host's error code as text ("10003"), the HTTP status ("503"), or a short name. */
  code: string | null;
  message: string;
  /** A deleted channel or a missing permission stays broken until a moderator acts: no retry today. */
  permanent: boolean;
}

export interface DigestSchedulerOptions<P> {
  db: Db;
  /** The engine serving now (a live reload may replace it). */
  engine: () => StoryEngine;
  render: RenderDigest<P>;
  post: PostDigest<P>;
  /** Why a post failed, and whether retrying can help: the host's knowledge of its own errors. */
  classify: (error: unknown) => PostFailure;
  /** Strongly recommended: without it, a crash after sending is only covered by Discord's nonce window. */
  findPosted?: FindPostedDigest;
  /** Default: the system clock. Tests pass fake timers' clock. */
  clock?: () => Date;
  log?: DigestLogger;
  /** Waits before retrying a failure that may pass (Discord down). Default 1, 5, 15, 60 minutes. */
  retryDelaysMs?: readonly number[];
  limits?: Partial<DigestLimits>;
  /**
   * Whether this process posts a server's digest. Under sharding each shard owns the servers Discord
   * sends it, and only the owner schedules, catches up or posts. Default: every server.
   */
  owns?: (guildId: string) => boolean;
  /** How long another host's 'sending' claim is left alone (DIGEST_CLAIM_LEASE_MS); tests shorten it. */
  claimLeaseMs?: number;
}

export type RunOutcome =
  | { kind: 'sent'; messageId: string; resumed: boolean }
  | { kind: 'found'; messageId: string }
  | { kind: 'skipped' }
  | { kind: 'already'; record: DigestRecord }
  | { kind: 'failed'; failure: DigestFailure; retryAt: Date | null }
  | { kind: 'off' }
  /** The channel failed for good; nothing is tried until `/digest set` changes the settings. */
  | { kind: 'broken' }
  /** Another shard holds this server. */
  | { kind: 'elsewhere' }
  /** Another host claimed the day moments ago and may be posting it: nothing is posted; looked at again at `retryAt`. */
  | { kind: 'busy'; record: DigestRecord; retryAt: Date | null }
  /** The day could not be claimed (the database failed): nothing is posted; tried again at `retryAt`. */
  | { kind: 'unclaimed'; error: unknown; retryAt: Date | null };

export interface DigestStatusReport {
  settings: DigestSettings | null;
  nextRun: Date | null;
  today: DigestRecord | null;
  lastPost: DigestRecord | null;
  lastFailure: DigestFailure | null;
}

export interface StartReport {
  /** Servers whose digest for today was due and was run at start. */
  caughtUp: string[];
  /** Older days found unresolved and closed without posting (no flood). */
  missed: { guildId: string; localDate: string }[];
  scheduled: number;
}

const silent: DigestLogger = { info() {}, warn() {}, error() {} };
const DEFAULT_RETRY_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];
/** After another host's claim would expire, a moment more before looking again. */
const BUSY_MARGIN_MS = 1_000;

export class DigestScheduler<P> {
  private readonly jobs = new Map<string, Cron>();
  private readonly retries = new Map<string, ReturnType<typeof setTimeout>>();
  /** One run at a time per server, so a timer and a catch-up never race for the same day. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly clock: () => Date;
  private readonly log: DigestLogger;
  private readonly owns: (guildId: string) => boolean;
  private readonly leaseMs: number;
  /** Claims in a row that failed per server (the database unreachable): the index into the retry delays. */
  private readonly claimFailures = new Map<string, number>();
  /** Each scheduled server's time zone, for retries when its settings can't be read (the database is down). */
  private readonly zones = new Map<string, string>();
  /** Counts `schedule` calls per server: one still reading the settings when a later call began gives way to it. */
  private readonly scheduleCalls = new Map<string, number>();
  private stopped = false;

  constructor(private readonly options: DigestSchedulerOptions<P>) {
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? silent;
    this.owns = options.owns ?? (() => true);
    this.leaseMs = options.claimLeaseMs ?? DIGEST_CLAIM_LEASE_MS;
  }

  /** Enabled servers this process posts for. */
  private async ownedSettings(): Promise<DigestSettings[]> {
    return (await listEnabledSettings(this.options.db)).filter((s) => this.owns(s.guildId));
  }

  /** Closes older unresolved days, posts today's digest where it is due and missing, and schedules every server. */
  async start(): Promise<StartReport> {
    this.stopped = false;
    const report: StartReport = { caughtUp: [], missed: [], scheduled: 0 };
    const owned = await this.ownedSettings();
    await Promise.all(
      owned.map(async (settings) => {
        try {
          await this.schedule(settings.guildId, { retryFailedToday: false });
          report.scheduled += 1;
        } catch (error) {
          this.log.error({ err: error, guildId: settings.guildId }, 'digest: could not schedule');
        }
      }),
    );
    // Every server is scheduled first: one slow or failing catch-up delays nobody else's timer.
    await Promise.all(
      owned.map(async (settings) => {
        try {
          report.missed.push(...(await this.closeOlderDays(settings)));
          if (await this.isDueToday(settings)) {
            report.caughtUp.push(settings.guildId);
            await this.run(settings.guildId, localDate(this.clock(), settings.timezone));
          }
        } catch (error) {
          this.log.error({ err: error, guildId: settings.guildId }, 'digest: catch-up failed');
        }
      }),
    );
    return report;
  }

  /** Stops every timer; runs in flight finish. */
  stop(): void {
    this.stopped = true;
    for (const job of this.jobs.values()) job.stop();
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.jobs.clear();
    this.retries.clear();
    this.claimFailures.clear();
  }

  /** Waits for every queued run (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
  }

  /**
   * (Re)reads a server's settings and replaces its timer; call after `/digest set` or `/digest off`.
   * A day that failed today (say, a deleted channel) is retried at once after the settings change.
   */
  async schedule(guildId: string, options: { retryFailedToday?: boolean } = {}): Promise<void> {
    const call = (this.scheduleCalls.get(guildId) ?? 0) + 1;
    this.scheduleCalls.set(guildId, call);
    // Read before the old timer is touched: if the database fails, the server keeps the schedule it had.
    const settings = await getSettings(this.options.db, guildId);
    // A later call (newer settings) began while this one read: it decides.
    if (this.scheduleCalls.get(guildId) !== call) return;
    this.jobs.get(guildId)?.stop();
    this.jobs.delete(guildId);
    this.clearRetry(guildId);
    // A broken channel waits for `/digest set`, which saves new settings and calls this again.
    this.zones.delete(guildId);
    if (!settings?.enabled || settings.brokenAt || this.stopped || !this.owns(guildId)) return;
    this.zones.set(guildId, settings.timezone);
    const job = new Cron(cronPattern(settings.time), { timezone: settings.timezone, protect: true }, async (self: Cron) => {
      // The run's own date, not the clock's: a timer a hair early must not post for yesterday.
      const at = self.currentRun() ?? this.clock();
      await this.runLogged(guildId, localDate(new Date(Math.max(at.getTime(), this.clock().getTime())), settings.timezone));
    });
    this.jobs.set(guildId, job);
    if (options.retryFailedToday !== false) {
      const today = await getDigestRecord(this.options.db, guildId, localDate(this.clock(), settings.timezone));
      if (today?.status === 'failed') void this.runLogged(guildId, today.localDate);
    }
  }

  /** Saves a server's settings (validated by the caller) and reschedules it: `/digest set`. */
  async configure(input: DigestSettingsInput): Promise<DigestSettings> {
    const settings = await saveSettings(this.options.db, input, this.clock());
    await this.schedule(input.guildId);
    return settings;
  }

  /** `/digest off`; false if the server never had a digest. */
  async turnOff(guildId: string): Promise<boolean> {
    const changed = await disableDigest(this.options.db, guildId, this.clock());
    await this.schedule(guildId);
    return changed;
  }

  async nextRun(guildId: string): Promise<Date | null> {
    return this.nextRunOf(await getSettings(this.options.db, guildId));
  }

  private nextRunOf(settings: DigestSettings | null): Date | null {
    if (!settings?.enabled) return null;
    return nextOccurrence(settings.time, settings.timezone, this.clock());
  }

  async status(guildId: string): Promise<DigestStatusReport> {
    const db = this.options.db;
    const settings = await getSettings(db, guildId);
    const [today, lastPost, failure] = await Promise.all([
      settings ? getDigestRecord(db, guildId, localDate(this.clock(), settings.timezone)) : null,
      lastSentDigest(db, guildId),
      lastFailure(db, guildId),
    ]);
    return { settings, nextRun: this.nextRunOf(settings), today, lastPost, lastFailure: failure };
  }

  /** The digest a server would get if it were posted now (for `/digest preview`), without recording anything. */
  async preview(guildId: string, timezone?: string): Promise<Digest> {
    const settings = await getSettings(this.options.db, guildId);
    const zone = timezone ?? settings?.timezone ?? 'UTC';
    const now = this.clock();
    const since = (await lastCompletedDigest(this.options.db, guildId))?.until ?? null;
    return this.build(guildId, localDate(now, zone), since, now.toISOString());
  }

  /** Posts (guild, day) unless it is already done; serialised per server. */
  run(guildId: string, day: string): Promise<RunOutcome> {
    const previous = this.queues.get(guildId) ?? Promise.resolve();
    const next = previous.then(
      () => this.runNow(guildId, day),
      () => this.runNow(guildId, day),
    );
    const tracked = next.finally(() => {
      if (this.queues.get(guildId) === tracked) this.queues.delete(guildId);
    });
    this.queues.set(guildId, tracked);
    return next;
  }

  /** For timers: a run's error (say, the database went away) is logged, never an unhandled rejection. */
  private runLogged(guildId: string, day: string): Promise<RunOutcome | null> {
    return this.run(guildId, day).catch((error: unknown) => {
      this.log.error({ err: error, guildId, localDate: day }, 'digest: run failed');
      return null;
    });
  }

  private async runNow(guildId: string, day: string): Promise<RunOutcome> {
    if (!this.owns(guildId)) return { kind: 'elsewhere' };
    const db = this.options.db;
    let settings: DigestSettings | null = null;
    let claim: Awaited<ReturnType<typeof claimDigest>>;
    try {
      settings = await getSettings(db, guildId);
      if (!settings?.enabled) return { kind: 'off' };
      if (settings.brokenAt) return { kind: 'broken' };
      const now = this.clock();
      const since = (await lastCompletedDigest(db, guildId))?.until ?? null;
      claim = await claimDigest(
        db,
        { guildId, localDate: day, channelId: settings.channelId, nonce: digestNonce(guildId, day), since, until: now.toISOString() },
        now,
        this.leaseMs,
      );
    } catch (error) {
      // No claim, no post: the day is looked at again a little later (while it lasts).
      const count = this.claimFailures.get(guildId) ?? 0;
      this.claimFailures.set(guildId, count + 1);
      const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_MS;
      const delay = delays[Math.min(count, delays.length - 1)];
      const zone = settings?.timezone ?? this.zones.get(guildId);
      const retryAt = zone !== undefined && delay !== undefined ? this.retryLater(guildId, day, zone, delay) : null;
      this.log.error(
        { err: errorSummary(error), guildId, localDate: day, retryAt: retryAt?.toISOString() ?? null },
        'digest: could not claim the day in the database; nothing was posted',
      );
      return { kind: 'unclaimed', error, retryAt };
    }
    this.claimFailures.delete(guildId);
    if (claim.kind === 'done') return { kind: 'already', record: claim.record };
    if (claim.kind === 'busy') {
      // Another host claimed the day moments ago: look again once its claim would have expired (it will be done by then).
      const wait = Math.max(0, Date.parse(claim.record.updatedAt) + this.leaseMs - this.clock().getTime()) + BUSY_MARGIN_MS;
      const retryAt = this.retryLater(guildId, day, settings.timezone, wait);
      this.log.info(
        { guildId, localDate: day, claimedBy: claim.record.claimedBy, retryAt: retryAt?.toISOString() ?? null },
        'digest: another host is posting this day; not posting',
      );
      return { kind: 'busy', record: claim.record, retryAt };
    }
    const record = claim.record;
    if (claim.resumed) {
      const found = await this.findPosted(record);
      if (found) {
        await this.recordSent(settings, record, found);
        this.log.info({ guildId, localDate: day, messageId: found }, 'digest: found the digest posted before a restart');
        return { kind: 'found', messageId: found };
      }
    }
    return this.send(settings, record, claim.resumed);
  }

  /**
   * Records a posted message. If the database fails here the row stays this host's 'sending' claim: a run a little
   * later resumes it, finds the message in the channel (or re-sends the same nonce, which Discord deduplicates).
   */
  private async recordSent(settings: DigestSettings, record: DigestRecord, messageId: string): Promise<void> {
    const { guildId, localDate: day } = record;
    try {
      await markSent(this.options.db, guildId, day, messageId, this.clock());
    } catch (error) {
      const retryAt = this.retryLater(guildId, day, settings.timezone, (this.options.retryDelaysMs ?? DEFAULT_RETRY_MS)[0] ?? 60_000);
      this.log.error(
        { err: errorSummary(error), guildId, localDate: day, messageId, retryAt: retryAt?.toISOString() ?? null },
        'digest: posted, but could not record it in the database',
      );
    }
  }

  private async send(settings: DigestSettings, record: DigestRecord, resumed: boolean): Promise<RunOutcome> {
    const db = this.options.db;
    const { guildId, localDate: day } = record;
    let payloadBytes: number | null = null;
    let messageId: string;
    try {
      const digest = await this.build(guildId, day, record.since, record.until);
      if (digest.empty && settings.skipEmpty) {
        await markSkipped(db, guildId, day, this.clock());
        this.log.info({ guildId, localDate: day }, 'digest: nothing new; skipped as the server chose');
        return { kind: 'skipped' };
      }
      const payload = this.options.render(digest, { nonce: record.nonce, localDate: day, settings });
      payloadBytes = Buffer.byteLength(JSON.stringify(payload) ?? '');
      ({ messageId } = await this.options.post(guildId, record.channelId, payload));
    } catch (error) {
      return this.fail(settings, record, error, payloadBytes);
    }
    await this.recordSent(settings, record, messageId);
    this.log.info({ guildId, channelId: record.channelId, localDate: day, messageId, resumed }, 'digest: posted');
    return { kind: 'sent', messageId, resumed };
  }

  private async fail(settings: DigestSettings, record: DigestRecord, error: unknown, payloadBytes: number | null): Promise<RunOutcome> {
    const db = this.options.db;
    const { guildId, localDate: day } = record;
    const classified = this.options.classify(error);
    let failure: DigestFailure = { guildId, localDate: day, code: classified.code, message: classified.message, at: this.clock().toISOString() };
    try {
      await markFailed(db, guildId, day, this.clock());
      failure = await recordFailure(db, { guildId, localDate: day, code: classified.code, message: classified.message }, this.clock());
      if (classified.permanent) {
        await markChannelBroken(db, guildId, record.channelId, classified.message, this.clock());
        await this.schedule(guildId); // no timer until /digest set
      }
    } catch (dbError) {
      this.log.error({ err: errorSummary(dbError), guildId, localDate: day }, 'digest: could not record a failed post in the database');
    }
    const retryAt = classified.permanent ? null : this.scheduleRetry(settings, record);
    // The error's name, code and message only: a rejected request carries the whole digest (4-6 KB) with it.
    this.log.warn(
      {
        guildId,
        channelId: record.channelId,
        localDate: day,
        digestId: record.nonce,
        payloadBytes,
        code: classified.code,
        err: errorSummary(error),
        retryAt: retryAt?.toISOString() ?? null,
        paused: classified.permanent,
      },
      `digest: posting failed: ${classified.message}${classified.permanent ? ' (paused until /digest set)' : ''}`,
    );
    return { kind: 'failed', failure, retryAt };
  }

  /** A failure that may pass is retried later the same local day; the next day starts fresh. */
  private scheduleRetry(settings: DigestSettings, record: DigestRecord): Date | null {
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_MS;
    const delay = delays[record.attempts - 1];
    if (delay === undefined) return null;
    return this.retryLater(record.guildId, record.localDate, settings.timezone, delay);
  }

  /** Runs (guild, day) again after `delay`, if that is still the same local day; replaces a retry already set. */
  private retryLater(guildId: string, day: string, timezone: string, delay: number): Date | null {
    if (this.stopped) return null;
    const at = new Date(this.clock().getTime() + delay);
    if (localDate(at, timezone) !== day) return null;
    this.clearRetry(guildId);
    const timer = setTimeout(() => {
      this.retries.delete(guildId);
      void this.runLogged(guildId, day);
    }, delay);
    timer.unref?.();
    this.retries.set(guildId, timer);
    return at;
  }

  private clearRetry(guildId: string): void {
    const timer = this.retries.get(guildId);
    if (timer) clearTimeout(timer);
    this.retries.delete(guildId);
  }

  private async build(_guildId: string, day: string, since: string | null, until: string): Promise<Digest> {
    const firstSeen = await firstSeenTimes(this.options.db);
    return buildDigest(this.options.engine(), { since, until, date: day, firstSeen, limits: this.options.limits });
  }

  private async findPosted(record: DigestRecord): Promise<string | null> {
    if (!this.options.findPosted) return null;
    try {
      return await this.options.findPosted(record.guildId, record.channelId, record.localDate);
    } catch (error) {
      // The nonce still protects a re-send made soon after; log and go on.
      this.log.warn({ guildId: record.guildId, channelId: record.channelId, err: error }, 'digest: could not read the channel to check for a posted digest');
      return null;
    }
  }

  /** Today's digest is due at start if its time has passed and the schedule was set before that time. */
  private async isDueToday(settings: DigestSettings): Promise<boolean> {
    const now = this.clock();
    const day = localDate(now, settings.timezone);
    if (settings.brokenAt) return false;
    const today = await getDigestRecord(this.options.db, settings.guildId, day);
    if (today) return today.status === 'sending' || today.status === 'failed';
    const due = dueInstant(day, settings.time, settings.timezone);
    return now.getTime() >= due.getTime() && Date.parse(settings.updatedAt) <= due.getTime();
  }

  /**
   * Days before today left 'sending' or 'failed': found in the channel → sent, else missed (never posted late). A day
   * another host claimed moments ago is left to it: it may be posting it right now.
   */
  private async closeOlderDays(settings: DigestSettings): Promise<{ guildId: string; localDate: string }[]> {
    const db = this.options.db;
    const today = localDate(this.clock(), settings.timezone);
    const missed: { guildId: string; localDate: string }[] = [];
    for (const record of await unresolvedBefore(db, settings.guildId, today)) {
      if (heldByAnotherHost(record, db.hostId, this.clock(), this.leaseMs)) continue;
      const found = await this.findPosted(record);
      if (found) {
        await markSent(db, record.guildId, record.localDate, found, this.clock());
        continue;
      }
      // Not if another host claimed it meanwhile.
      if (!(await markMissed(db, record.guildId, record.localDate, this.clock(), this.leaseMs))) continue;
      missed.push({ guildId: record.guildId, localDate: record.localDate });
      this.log.warn({ guildId: record.guildId, localDate: record.localDate }, 'digest: an earlier day was not posted; it is not posted late');
    }
    return missed;
  }
}

/** What a log needs of an error: its name, code, status and message, never the request body it may carry. */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  const summary: Record<string, unknown> = { name: e.name, message: e.message.slice(0, 500) };
  for (const key of ['code', 'status', 'method', 'url'] as const) if (typeof e[key] === 'string' || typeof e[key] === 'number') summary[key] = e[key];
  return summary;
}
