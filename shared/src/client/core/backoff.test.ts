import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, createRetry } from './backoff.ts';

describe('backoffDelay', () => {
  const middle = () => 0.5;

  it('doubles from one second up to thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, middle))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });

  it('spreads each delay by ±25 %', () => {
    expect(backoffDelay(1, () => 0)).toBe(1500);
    expect(backoffDelay(1, () => 0.999_999)).toBeCloseTo(2500, 0);
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelay(3);
      expect(delay).toBeGreaterThanOrEqual(6000);
      expect(delay).toBeLessThanOrEqual(10_000);
    }
  });
});

describe('createRetry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits longer after each failure, shortest again after a reset', () => {
    const retry = createRetry((attempt) => 100 * (attempt + 1));
    const task = vi.fn();
    retry.schedule(task);
    vi.advanceTimersByTime(99);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    retry.schedule(task);
    vi.advanceTimersByTime(199);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(2);
    retry.reset();
    retry.schedule(task);
    vi.advanceTimersByTime(100);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('keeps one timer: scheduling again replaces it, cancel drops it', () => {
    const retry = createRetry(() => 100);
    const first = vi.fn();
    const second = vi.fn();
    retry.schedule(first);
    retry.schedule(second);
    vi.advanceTimersByTime(100);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    retry.schedule(first);
    retry.cancel();
    vi.advanceTimersByTime(1000);
    expect(first).not.toHaveBeenCalled();
  });
});
