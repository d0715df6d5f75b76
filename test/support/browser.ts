/**
 * Chromium for the browser suites: Debian's package driven by playwright-core. Without a browser the
 * suite is skipped with a message, except under CI, where a missing browser is a failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { describe } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from './chromium.ts';

export { CHROMIUM_PATH };
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

const available = existsSync(CHROMIUM_PATH);

export function describeInBrowser(name: string, body: () => void) {
  if (available) return describe(name, body);
  if (process.env.CI) {
    return describe(name, () => {
      throw new Error(
        `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH`,
      );
    });
  }
  console.warn(
    `[e2e] skipping "${name}": Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
  return describe.skip(name, body);
}

export function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return launchChromium();
}
