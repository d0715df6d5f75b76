import { describe, expect, it } from 'vitest';
import { createSerialRunner } from './serial.ts';

/** A task whose runs finish only when the test says so. */
function gatedTask() {
  const gates: (() => void)[] = [];
  let runs = 0;
  let concurrent = 0;
  let maxConcurrent = 0;
  const task = async () => {
    runs++;
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    await new Promise<void>((resolve) => gates.push(resolve));
    concurrent--;
  };
  const open = async () => {
    gates.shift()?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { task, open, runs: () => runs, maxConcurrent: () => maxConcurrent };
}

describe('createSerialRunner', () => {
  it('runs once when asked once', async () => {
    const gated = gatedTask();
    const runner = createSerialRunner(gated.task);
    const done = runner.run();
    await gated.open();
    await done;
    expect(gated.runs()).toBe(1);
    expect(runner.requested()).toBe(false);
  });

  it('asked while busy: one more run afterwards, however often it was asked, never two at once', async () => {
    const gated = gatedTask();
    const runner = createSerialRunner(gated.task);
    const first = runner.run();
    const second = runner.run();
    runner.run();
    expect(second).toBe(first);
    expect(runner.requested()).toBe(true);
    await gated.open();
    expect(gated.runs()).toBe(2);
    expect(runner.requested()).toBe(false);
    await gated.open();
    await first;
    expect(gated.runs()).toBe(2);
    expect(gated.maxConcurrent()).toBe(1);
  });

  it('does not repeat when the condition says no', async () => {
    const gated = gatedTask();
    let online = true;
    const runner = createSerialRunner(gated.task, () => online);
    const done = runner.run();
    runner.run();
    online = false;
    await gated.open();
    await done;
    expect(gated.runs()).toBe(1);
  });

  it('a failing run rejects its callers and leaves the runner usable', async () => {
    let fail = true;
    let runs = 0;
    const runner = createSerialRunner(async () => {
      runs++;
      if (fail) throw new Error('boom');
    });
    await expect(runner.run()).rejects.toThrow('boom');
    fail = false;
    await runner.run();
    expect(runs).toBe(2);
  });
});
