// A per-user cooldown for questions (/ask and mentions): at most `burst` questions in any `windowSeconds`.

export interface CooldownOptions {
  /** The window, in seconds; 0 disables the cooldown. */
  windowSeconds: number;
  /** Questions allowed within one window. Default: 1. */
  burst?: number;
  /** Clock, for tests. Default: Date.now. */
  now?: () => number;
}

export class Cooldown {
  private readonly recent = new Map<string, number[]>();
  private readonly windowMs: number;
  private readonly burst: number;
  private readonly now: () => number;

  constructor(options: CooldownOptions) {
    this.windowMs = options.windowSeconds * 1000;
    this.burst = Math.max(1, options.burst ?? 1);
    this.now = options.now ?? Date.now;
  }

  /** Records a question by `userId`; returns 0 when allowed, else the seconds until the next one is. */
  take(userId: string): number {
    if (this.windowMs <= 0) return 0;
    const now = this.now();
    const times = (this.recent.get(userId) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length >= this.burst) {
      this.recent.set(userId, times);
      return (times[0]! + this.windowMs - now) / 1000;
    }
    times.push(now);
    this.recent.set(userId, times);
    this.prune(now);
    return 0;
  }

  /** Forget users whose window has passed, so the map does not grow with every member who ever asked. */
  private prune(now: number): void {
    if (this.recent.size < 1000) return;
    for (const [user, times] of this.recent) if (times.every((t) => now - t >= this.windowMs)) this.recent.delete(user);
  }
}
