import { defineConfig } from 'vitest/config';

/**
 * One test run, three projects: node units (with socket integration), DOM components, browser
 * end-to-end. Timeouts only catch hangs: tests run on shared, noisy machines, so none may fail for
 * being slow (speed is measured in `pnpm bench`).
 */
const HANG_GUARD_MS = 60_000;
/**
 * Browser tests drive Chromium, a server and often several pages at once: measured on the shared
 * two-core machine at a load average of 57–70, one leave-a-message form (open, fill, axe, submit)
 * took 41–54 s. Long stories are split into steps; each step gets twice the unit guard.
 */
const BROWSER_HANG_GUARD_MS = 2 * HANG_GUARD_MS;
/**
 * `expect.poll` waits for a state, not for a speed: its default (1 s) failed browser tests on a busy
 * machine, so it gets a hang guard too. A poll that holds returns at once.
 */
const POLL_GUARD = { timeout: 20_000, interval: 50 };
/**
 * Browser suites wait on page loads, the widget's first connect and socket round trips under a load
 * average of 30–80 on two cores: their polls wait as long as a Playwright action does by default
 * (30 s). Tests rely on it rather than passing smaller timeouts of their own.
 */
const BROWSER_POLL_GUARD = { timeout: 30_000, interval: 50 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          testTimeout: HANG_GUARD_MS,
          expect: { poll: POLL_GUARD },
          hookTimeout: HANG_GUARD_MS,
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'bench/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'happy-dom',
          testTimeout: HANG_GUARD_MS,
          expect: { poll: POLL_GUARD },
          hookTimeout: HANG_GUARD_MS,
          include: ['widget/src/**/*.test.{ts,tsx}', 'server/console/src/**/*.test.{ts,tsx}'],
          setupFiles: ['widget/src/app/test-support/dom-setup.ts', 'server/console/src/testing/dom-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: BROWSER_HANG_GUARD_MS,
          expect: { poll: BROWSER_POLL_GUARD },
          hookTimeout: BROWSER_HANG_GUARD_MS,
        },
      },
    ],
  },
});
