import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from './coalescer.ts';

describe('Coalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('L2 runs the first value at once and at most one per interval after it, always the latest', () => {
    const runs: string[] = [];
    const c = new Coalescer<string>(1000, (key, value) => runs.push(`${key}=${value}`));
    expect(c.submit('a', '1')).toBe(true);
    for (let i = 2; i <= 2770; i++) expect(c.submit('a', String(i))).toBe(false);
    expect(c.submit('b', 'x')).toBe(true);
    expect(runs).toEqual(['a=1', 'b=x']);
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual(['a=1', 'b=x', 'a=2770']);
    c.submit('a', 'later');
    vi.advanceTimersByTime(999);
    expect(runs).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(runs.at(-1)).toBe('a=later');
    vi.advanceTimersByTime(5000);
    expect(c.size).toBe(0);
    expect(c.submit('a', 'fresh')).toBe(true);
  });

  it('L2 cancel drops a held value', () => {
    const runs: string[] = [];
    const c = new Coalescer<string>(100, (_key, value) => runs.push(value));
    c.submit('a', '1');
    c.submit('a', '2');
    c.cancel('a');
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual(['1']);
  });

  it('L2 stays bounded: past maxKeys new keys go out at once, untracked; nothing is lost', () => {
    const runs: string[] = [];
    const c = new Coalescer<string>(1000, (key, value) => runs.push(`${key}=${value}`), { maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) {
      c.submit(`k${i}`, 'first');
      c.submit(`k${i}`, 'last');
    }
    expect(c.size).toBe(100);
    vi.advanceTimersByTime(1000);
    const lastOf = new Map(runs.map((r) => r.split('=') as [string, string]));
    expect(lastOf.size).toBe(10_000);
    expect([...lastOf.values()].every((v) => v === 'last')).toBe(true);
  });
});
