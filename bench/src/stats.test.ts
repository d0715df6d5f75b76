import { describe, expect, it } from 'vitest';
import { median, percentile, percentileSorted, ratio, summarize } from './stats.ts';

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
