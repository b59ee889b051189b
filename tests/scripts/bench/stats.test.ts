import { expect, test } from 'vitest';
import { median, quantile, summarize } from '../../../scripts/bench/lib/stats.ts';

test('quantiles interpolate between ranks like numpy, whatever the input order', () => {
  const twenty = Array.from({ length: 20 }, (_, i) => 20 - i);
  expect(quantile(twenty, 0.95)).toBeCloseTo(19.05, 10);
  expect(quantile(twenty, 0)).toBe(1);
  expect(quantile(twenty, 1)).toBe(20);
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([7])).toBe(7);
});

test('a summary has count, extremes, median and p95', () => {
  expect(summarize([10, 30, 20, 40])).toEqual({ count: 4, min: 10, median: 25, p95: 38.5, max: 40 });
});

test('an empty sample or a quantile outside 0..1 is an error, not NaN', () => {
  expect(() => median([])).toThrow(/empty/);
  expect(() => quantile([1], 1.5)).toThrow(/within 0..1/);
});
