import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounceLatest } from './latest.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** A request whose reply the test releases by hand, in any order. */
function deferredRuns() {
  const pending = new Map<string, (value: string) => void>();
  const run = vi.fn(
    (arg: string) =>
      new Promise<string>((resolve) => {
        pending.set(arg, resolve);
      }),
  );
  return { run, release: (arg: string) => pending.get(arg)?.(`result:${arg}`) };
}

describe('debounceLatest', () => {
  it('runs once after the pause, with the last value', async () => {
    vi.useFakeTimers();
    const { run, release } = deferredRuns();
    const results: string[] = [];
    const runner = debounceLatest(run, (r) => results.push(r), 250);
    runner.push('r');
    vi.advanceTimersByTime(100);
    runner.push('re');
    vi.advanceTimersByTime(100);
    runner.push('ret');
    vi.advanceTimersByTime(249);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith('ret');
    release('ret');
    await vi.waitFor(() => expect(results).toEqual(['result:ret']));
  });

  it('drops a slow reply that arrives after a newer one was asked for', async () => {
    vi.useFakeTimers();
    const { run, release } = deferredRuns();
    const results: string[] = [];
    const runner = debounceLatest(run, (r) => results.push(r), 250);
    runner.push('old');
    vi.advanceTimersByTime(250);
    runner.push('new');
    vi.advanceTimersByTime(250);
    expect(run).toHaveBeenCalledTimes(2);
    release('new');
    await vi.waitFor(() => expect(results).toEqual(['result:new']));
    release('old');
    await Promise.resolve();
    await Promise.resolve();
    expect(results).toEqual(['result:new']);
  });

  it('cancel drops the pending push and the reply in flight', async () => {
    vi.useFakeTimers();
    const { run, release } = deferredRuns();
    const onResult = vi.fn();
    const runner = debounceLatest(run, onResult, 250);
    runner.push('a');
    vi.advanceTimersByTime(250);
    runner.push('b');
    runner.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
    release('a');
    await Promise.resolve();
    await Promise.resolve();
    expect(onResult).not.toHaveBeenCalled();
  });
});
