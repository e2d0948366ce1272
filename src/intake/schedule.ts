// When a feed is polled: every FEED_POLL_MINUTES with jitter; after failures, exponentially later (up to 6 h, and
// never before the server's Retry-After); paused once it has failed for 3 days.

/** Default minutes between polls of a feed (`FEED_POLL_MINUTES`). */
export const FEED_POLL_MINUTES_DEFAULT = 15;
/** Feeds are never polled more often than this. */
export const FEED_POLL_MINUTES_MIN = 5;
/** The longest wait between polls of a failing feed. */
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** A feed failing for this long is paused. */
export const PAUSE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;
/** Each wait is the interval ± this share of it, so feeds added together drift apart. */
export const JITTER = 0.1;

/** The poll interval in ms for FEED_POLL_MINUTES (the minimum when lower, the default when unset). */
export function pollIntervalMs(minutes: number = FEED_POLL_MINUTES_DEFAULT): number {
  return Math.max(FEED_POLL_MINUTES_MIN, minutes) * 60_000;
}

/** The wait after the `failures`-th failure in a row: the interval doubled per failure, at most MAX_BACKOFF_MS. */
export function backoffMs(intervalMs: number, failures: number): number {
  return Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(Math.max(failures, 0), 20));
}

/** `ms` ± JITTER of it; `random` gives 0 ≤ x < 1. */
export function withJitter(ms: number, random: () => number): number {
  return Math.round(ms * (1 + JITTER * (2 * random() - 1)));
}

/** Whether a feed failing since `failingSince` (ms; null: it worked until now) is paused at `now`. */
export function shouldPause(failingSince: number | null, now: number): boolean {
  return failingSince !== null && now - failingSince >= PAUSE_AFTER_MS;
}
