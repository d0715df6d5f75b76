/**
 * The one harness of a test file: `const h = harnessForThisFile()` at the top of the file starts it
 * before the file's tests and closes it after them, instead of the same `let h` / `beforeAll` /
 * `afterAll` lines written again in every socket suite. `h` stands for the started harness: read
 * before `beforeAll` has run (at the file's top level), it throws.
 */
import { afterAll, beforeAll } from 'vitest';
import { type Harness, type HarnessOptions, startHarness } from './harness.ts';

export type FileHarness = Harness & { dataDir: string };

export function harnessForThisFile(options: HarnessOptions = {}): FileHarness {
  let started: FileHarness | null = null;
  beforeAll(async () => {
    started = await startHarness(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as FileHarness, {
    get(_, key) {
      if (!started) throw new Error(`the file's harness is not started yet (reading ${String(key)})`);
      return Reflect.get(started, key);
    },
    has: (_, key) => started !== null && key in started,
  });
}
