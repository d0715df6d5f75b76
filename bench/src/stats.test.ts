import { describe, expect, it } from 'vitest';
import { median, pairedMedian, percentile, percentileSorted, ratio, summarize } from './stats.ts';

describe('percentile (nearest rank)', () => {
  it('picks the nearest-rank value', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
  });

  it('does not need sorted input and does not reorder it', () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 50)).toBe(3);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it('is NaN for no values', () => {
    expect(percentileSorted([], 50)).toBeNaN();
  });

  it('a single slow sample out of 100 is the max, not the p99', () => {
    const values = [...Array.from({ length: 99 }, () => 1), 500];
    expect(percentile(values, 99)).toBe(1);
    expect(percentile(values, 100)).toBe(500);
  });
});

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('summarize', () => {
  it('reports count, p50, p95, p99, max rounded to 0.01 ms', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i + 1) / 3);
    expect(summarize(values)).toEqual({ count: 1000, p50: 166.67, p95: 316.67, p99: 330, max: 333.33 });
  });

  it('sorts numerically, not as strings', () => {
    expect(summarize([10, 9, 100, 2]).max).toBe(100);
    expect(summarize([10, 9, 100, 2]).p50).toBe(9);
  });
});

describe('ratio', () => {
  it('divides and rounds to 0.01', () => {
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(1500, 6000)).toBe(0.25);
  });

  it('is null when a side is missing or the divisor is 0', () => {
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(2, undefined)).toBeNull();
    expect(ratio(2, 0)).toBeNull();
    expect(ratio(Number.NaN, 2)).toBeNull();
  });
});

describe('pairedMedian', () => {
  it('takes the median of the per-pair differences, so drift shared by a pair cancels', () => {
    // Each round the machine got slower; the widget's run is always 10 ms after the baseline's.
    const without = [100, 400, 900, 1600, 2500];
    const withWidget = without.map((ms) => ms + 10);
    expect(pairedMedian(withWidget, without)).toBe(10);
    // The difference of the medians would say the same here, but not once the rounds are uneven:
    expect(pairedMedian([110, 5000, 910], [100, 4000, 900])).toBe(10);
    expect(median([110, 5000, 910]) - median([100, 4000, 900])).toBe(10);
    expect(pairedMedian([110, 5000, 2000], [100, 4990, 900])).toBe(10);
    expect(median([110, 5000, 2000]) - median([100, 4990, 900])).toBe(1100);
  });

  it('leaves out pairs with a missing or non-finite value, NaN when none is left', () => {
    expect(pairedMedian([20, Number.NaN, 30, 99], [10, 5, 10])).toBe(15);
    expect(pairedMedian([], [1])).toBeNaN();
  });
});
