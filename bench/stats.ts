// Percentiles for the benches: one definition, so that every table in bench/RESULTS.md means the same by p99.

/**
 * The nearest-rank percentile of `values`: the smallest value with at least `share` of all values at or below
 * it (share 0.5 for the median, 0.99 for p99). NaN when there are no values. The input is not modified.
 * @example percentile([3, 1, 2, 4], 0.5) // 2
 */
export function percentile(values: readonly number[], share: number): number {
  return percentileOfSorted(
    [...values].sort((a, b) => a - b),
    share,
  );
}

/** percentile() of values already sorted in ascending order (no copy, no sort). */
export function percentileOfSorted(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? NaN;
}

/** How many values, their median, p95, p99 and largest. */
export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The distribution of `values` (sorted once); every field but count is NaN when there are none. */
export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentileOfSorted(sorted, 0.5),
    p95: percentileOfSorted(sorted, 0.95),
    p99: percentileOfSorted(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
  };
}
