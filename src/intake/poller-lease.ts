// The feed-poller lease: several hosts may share one database, and only the one holding the 'feed-poller' lease polls
// on its schedule. The holder renews it every third of its period; a host that does not hold it tries again then, or
// the moment the holder's lease runs out, so a dead holder is replaced within one lease period. Taking the lease over
// is reported (the poller then polls at once); losing it is logged; it is given up at stop. The lease only decides who
// polls on the schedule: the items' own claims keep each item processed once (see feed-items.ts).
import { acquireLease, getLease, releaseLease } from '../db/leases.js';
import type { Db } from '../db/open.js';

/** The lease that lets one host at a time poll on its schedule. */
export const FEED_LEASE_NAME = 'feed-poller';
/** FEED_LEASE_SECONDS' default: the lease's period; its holder renews it every third of that. */
export const FEED_LEASE_SECONDS_DEFAULT = 30;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How the poller and its parts log. */
export type PollerLog = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface PollerLeaseOptions {
  db: Db;
  /** The lease's period in ms (FEED_LEASE_SECONDS); renewed every third of it. Default 30 s. */
  leaseMs?: number;
  clock: { now(): number };
  timers: Timers;
  log: PollerLog;
  /** This host has just taken the lease (it did not hold it before). */
  onTaken: () => void;
}

export class PollerLease {
  private readonly db: Db;
  /** The lease's period in ms. */
  readonly ms: number;
  private readonly clock: { now(): number };
  private readonly timers: Timers;
  private readonly log: PollerLog;
  private readonly onTaken: () => void;
  private running = false;
  private timer: unknown = null;
  private renewing: Promise<void> = Promise.resolve();
  private held = false;
  /** Until when (the poller's clock) the lease held is valid, whether or not a renewal is under way. */
  private until = 0;

  constructor(options: PollerLeaseOptions) {
    this.db = options.db;
    this.ms = Math.max(3, options.leaseMs ?? FEED_LEASE_SECONDS_DEFAULT * 1000);
    this.clock = options.clock;
    this.timers = options.timers;
    this.log = options.log;
    this.onTaken = options.onTaken;
  }

  /** Takes (or waits for) the lease now, and renews it every third of its period until `stop()`. */
  start(): void {
    this.running = true;
    this.renew();
  }

  /** Whether this host holds the lease now (started, taken, and not yet past its expiry). */
  holds(): boolean {
    return this.running && this.held && this.clock.now() < this.until;
  }

  /** Resolves when the attempt at the lease under way (if any) has finished. */
  settled(): Promise<void> {
    return this.renewing;
  }

  /** Stops renewing at once; `release()` then gives up what is held. */
  stop(): void {
    this.running = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** After `stop()`: waits for an attempt under way, then gives the lease up if this host holds it. Never throws. */
  async release(): Promise<void> {
    await this.renewing;
    if (!this.held) return;
    this.held = false;
    try {
      if (await releaseLease(this.db, FEED_LEASE_NAME, this.db.hostId))
        this.log('info', `intake: this host stopped polling feeds and gave up the ${FEED_LEASE_NAME} lease`);
    } catch (error) {
      this.log('warn', `intake: could not give up the ${FEED_LEASE_NAME} lease (it expires by itself): ${(error as Error).message}`);
    }
  }

  /** Takes or renews the lease now, then again in a third of its period (sooner when waiting for another's to expire). */
  private renew(): void {
    this.timer = null;
    if (!this.running) return;
    this.renewing = this.attempt().then((wait) => {
      if (this.running) this.timer = this.timers.setTimeout(() => this.renew(), wait);
    });
  }

  /** One attempt at the lease; returns the wait until the next. Never throws. */
  private async attempt(): Promise<number> {
    const renewEvery = Math.floor(this.ms / 3);
    const now = this.clock.now();
    let held = false;
    let holder: string | null = null;
    let wait = renewEvery;
    try {
      held = await acquireLease(this.db, FEED_LEASE_NAME, this.db.hostId, this.ms, new Date(now));
      if (!held) {
        const lease = await getLease(this.db, FEED_LEASE_NAME);
        holder = lease?.holder ?? null;
        // Try again the moment the holder's lease runs out, so a dead holder is replaced within one lease period.
        if (lease) wait = Math.max(1, Math.min(renewEvery, Date.parse(lease.expiresAt) - this.clock.now()));
      }
    } catch (error) {
      this.log('error', `intake: could not renew the ${FEED_LEASE_NAME} lease: ${(error as Error).message}`);
    }
    if (!this.running) {
      // Stopped meanwhile: release() gives up what was just taken.
      this.held = held;
      return wait;
    }
    if (held) {
      this.until = now + this.ms;
      if (!this.held) {
        this.held = true;
        this.log('info', `intake: this host polls the feeds now (it holds the ${FEED_LEASE_NAME} lease, ${this.ms / 1000} s)`);
        this.onTaken();
      }
    } else if (this.held) {
      this.held = false;
      this.log(
        'warn',
        holder
          ? `intake: the ${FEED_LEASE_NAME} lease went to ${holder}; this host stops polling feeds`
          : `intake: the ${FEED_LEASE_NAME} lease could not be renewed; this host stops polling feeds until it holds it again`,
      );
    }
    return wait;
  }
}
