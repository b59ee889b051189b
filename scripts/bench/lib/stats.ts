/**
 * The q-quantile (0..1) of a sample by linear interpolation between closest ranks (the default of
 * numpy and R type 7), so the p95 of 20 timings still feels the slowest one.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of an empty sample');
  if (q < 0 || q > 1) throw new Error(`quantile must be within 0..1, got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export interface Summary {
  count: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    count: values.length,
    min: quantile(values, 0),
    median: median(values),
    p95: quantile(values, 0.95),
    max: quantile(values, 1),
  };
}
