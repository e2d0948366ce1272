// Latency summaries and memory readings for the benchmark.
import { readFileSync, writeFileSync } from 'node:fs';

export interface Summary {
  /** Number of timed calls. */
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of already sorted samples (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile: expected at least one sample');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
    max: sorted[sorted.length - 1]!,
  };
}

function statusField(field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The kernel's record of this process's peak RSS (Linux), which also catches peaks between two samples.
 * Null where /proc is not available.
 */
export function peakRss(): number | null {
  return statusField('VmHWM');
}

/** Resets the kernel's peak-RSS record to the current RSS; false where that is not possible. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples RSS between calls; the maximum of these and of the kernel's peak is the peak reported. */
export class RssSampler {
  max = 0;
  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.max) this.max = rss;
  }
  /** Peak since the sampler was created: the larger of the sampled maximum and the kernel's record. */
  peak(): number {
    this.sample();
    return Math.max(this.max, peakRss() ?? 0);
  }
}

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export const MB = 1024 * 1024;
