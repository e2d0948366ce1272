// Politeness: at most one request per interval to each host, in arrival order, and a host's "retry later" respected.

/** Time as the fetcher sees it; tests pass a fake one so nothing waits. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Hosts remembered before old entries are pruned; a bound on memory for a bot that reads many sites. */
const MAX_TRACKED_HOSTS = 1000;

export class HostPacer {
  /** The earliest time each host's next request may start. */
  private readonly nextSlot = new Map<string, number>();
  /** Hosts that answered 429/503 with Retry-After: no request before this time. */
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
  ) {}

  /** Waits for `host`'s next free slot and takes it; callers for one host are served one interval apart, in order. */
  async wait(host: string): Promise<void> {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, slot + this.intervalMs);
    this.prune(now);
    if (slot > now) await this.clock.sleep(slot - now);
  }

  /** Records that `host` asked not to be asked again before `until` (ms since the epoch). */
  block(host: string, until: number): void {
    this.blockedUntil.set(host, Math.max(until, this.blockedUntil.get(host) ?? 0));
  }

  /** Milliseconds until `host` may be asked again after a "retry later"; 0 when it may be asked now. */
  blockedFor(host: string): number {
    const until = this.blockedUntil.get(host);
    if (until === undefined) return 0;
    const left = until - this.clock.now();
    if (left <= 0) this.blockedUntil.delete(host);
    return Math.max(0, left);
  }

  private prune(now: number): void {
    if (this.nextSlot.size <= MAX_TRACKED_HOSTS) return;
    for (const [host, slot] of this.nextSlot) if (slot <= now) this.nextSlot.delete(host);
  }
}
