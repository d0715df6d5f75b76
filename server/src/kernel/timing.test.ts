import { describe, expect, it } from 'vitest';
import {
  givenOptions,
  median,
  runCount,
  seedAndTimeArgs,
  seedAndTimeOptions,
  seedCount,
  seedInBatches,
  siteOfKey,
  timeRuns,
  wholeNumber,
} from './timing.ts';

describe('seed and timing scaffolding of the CLIs', () => {
  it('whole-number options: the fallback when absent, refused outside 1…max', () => {
    expect(wholeNumber('runs', undefined, 1000, 9)).toBe(9);
    expect(wholeNumber('runs', '12', 1000, 9)).toBe(12);
    for (const raw of ['0', '1001', '2.5', 'ten', ''])
      expect(() => wholeNumber('runs', raw, 1000, 9)).toThrow('--runs must be a whole number from 1 to 1000');
    expect(() => wholeNumber('count', undefined, 10)).toThrow('--count must be a whole number from 1 to 10');
  });

  it('lenient run counts fall back on nonsense and stay within 1…100', () => {
    expect(runCount(undefined, 5)).toBe(5);
    expect(runCount('abc', 9)).toBe(9);
    expect(runCount('3', 9)).toBe(3);
    expect(runCount('500', 9)).toBe(100);
    expect(runCount('-4', 9)).toBe(1);
  });

  it('median of odd and even counts, and of none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('seeds every item once, in batches, telling the running total', async () => {
    const written: number[][] = [];
    const progress: number[] = [];
    await seedInBatches(
      7,
      3,
      (i) => i,
      async (items) => {
        written.push(items);
      },
      (done) => progress.push(done),
    );
    expect(written).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(progress).toEqual([3, 6, 7]);
  });

  it('times each run and keeps the last result; an unknown site is not found with a hint', async () => {
    const { ms, last } = await timeRuns(3, async (run) => run * 10);
    expect(ms).toHaveLength(3);
    expect(last).toBe(20);
    const storage = { getSiteByKey: async (key: string) => (key === 'shop' ? { key } : null) };
    expect(await siteOfKey(storage, 'shop')).toEqual({ key: 'shop' });
    await expect(siteOfKey(storage, 'nope', 'create it first')).rejects.toThrow(
      'no site with key "nope" (create it first)',
    );
  });

  it('a seed count: made with one time for all, written in batches; a wrong --count refused', async () => {
    const written: number[][] = [];
    const times = new Set<number>();
    const make = (i: number, now: number) => {
      times.add(now);
      return i;
    };
    const { count, took } = await seedCount('5', 2, make, async (items) => {
      written.push(items);
    });
    expect(count).toBe(5);
    expect(took).toMatch(/^\d+\.\d$/);
    expect(written).toEqual([[0, 1], [2, 3], [4]]);
    expect(times.size).toBe(1);
    await expect(seedCount(undefined, 2, make, async () => undefined)).rejects.toThrow(
      '--count must be a whole number from 1 to 1000000',
    );
    await expect(seedCount('11', 2, make, async () => undefined, 10)).rejects.toThrow('from 1 to 10');
  });

  it('shared options with their defaults; only the given query options are passed on', () => {
    expect(seedAndTimeOptions('demo', '5')).toEqual({
      site: { type: 'string', default: 'demo' },
      count: { type: 'string' },
      runs: { type: 'string', default: '5' },
    });
    expect(
      givenOptions({ q: 'łódź', tag: undefined, limit: '10', site: 'x' }, ['q', 'tag', 'limit']),
    ).toEqual({
      q: 'łódź',
      limit: '10',
    });
    expect(givenOptions({}, ['q'])).toEqual({});
  });

  it("a command's arguments: defaults, the named site, the given query options; unknown options refused", async () => {
    const storage = {
      getSiteByKey: async (key: string) => (key === 'demo' || key === 'shop' ? { key } : null),
    };
    const defaults = { site: 'demo', runs: '5' };
    const first = await seedAndTimeArgs(['--q', 'zwrot', '--limit', '3'], storage, defaults, [
      'q',
      'tag',
      'limit',
    ]);
    expect(first.site).toEqual({ key: 'demo' });
    expect(first.values).toMatchObject({ site: 'demo', runs: '5', q: 'zwrot', limit: '3' });
    expect(first.given).toEqual({ q: 'zwrot', limit: '3' });
    const second = await seedAndTimeArgs(['--site', 'shop', '--count', '7'], storage, defaults, ['q']);
    expect(second.site).toEqual({ key: 'shop' });
    expect(second.values.count).toBe('7');
    expect(second.given).toEqual({});
    await expect(seedAndTimeArgs(['--nope', 'x'], storage, defaults, ['q'])).rejects.toThrow(/nope/);
    await expect(seedAndTimeArgs(['--site', 'gone'], storage, defaults, ['q'])).rejects.toThrow(
      'no site with key "gone"',
    );
  });
});
