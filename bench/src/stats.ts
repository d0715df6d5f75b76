/** Pure statistics for the bench: percentiles (nearest rank), medians, summaries, ratios. */
import type { LatencySummary } from './load/protocol.ts';

/** Nearest-rank percentile of already sorted values; NaN for none. */
export function percentileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0]!;
  if (p >= 100) return sorted[sorted.length - 1]!;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

export function percentile(values: readonly number[], p: number): number {
  return percentileSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/**
 * Median of the differences `a[i] − b[i]` of paired measurements (the same round of an interleaved
 * run): drift that hits both runs of a pair cancels. Pairs with a non-finite value are left out;
 * NaN when none is left.
 */
export function pairedMedian(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  const deltas = a.slice(0, n).map((x, i) => x - (b[i] ?? Number.NaN));
  return median(deltas.filter(Number.isFinite));
}

/** p50/p95/p99/max in milliseconds, rounded to 0.01 ms. */
export function summarize(valuesMs: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(valuesMs).sort();
  const list = Array.from(sorted);
  return {
    count: list.length,
    p50: round(percentileSorted(list, 50), 2),
    p95: round(percentileSorted(list, 95), 2),
    p99: round(percentileSorted(list, 99), 2),
    max: round(percentileSorted(list, 100), 2),
  };
}

/** a / b rounded to 0.01, or null when either side is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return round(a / b, 2);
}

export { round };
