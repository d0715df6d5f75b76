/**
 * Signs an agent in to the real console in a browser page, as a person does: the sign-in form's
 * e-mail and password, its button, then (by default) the conversation list. The labels come from
 * the console's own catalog, so a test in Polish signs in the same way.
 */
import { CONSOLE_CATALOGS, type Locale } from '@frontdesk/shared/i18n';
import type { Page } from 'playwright-core';

export type ConsoleSignIn = {
  /** The console's address after `/console/` (e.g. `#/sites`); the sign-in form shows first. */
  hash?: string;
  /** The language the page is in (its labels); English unless told. */
  locale?: Locale;
  /** Wait for the conversation list after signing in (true unless told). */
  waitForList?: boolean;
};

/** Fills in and sends the sign-in form already on `page`. */
export async function fillSignIn(
  page: Page,
  credentials: { email: string; password: string },
  locale: Locale = 'en',
): Promise<void> {
  const t = CONSOLE_CATALOGS[locale];
  await page.getByLabel(t.loginEmail).fill(credentials.email);
  await page.getByLabel(t.loginPassword).fill(credentials.password);
  await page.getByRole('button', { name: t.loginSubmit }).click();
}

/** Opens the console on `origin`, signs in with `credentials` and waits for the conversation list. */
export async function signInToConsole(
  page: Page,
  origin: string,
  credentials: { email: string; password: string },
  options: ConsoleSignIn = {},
): Promise<void> {
  const locale = options.locale ?? 'en';
  await page.goto(`${origin}/console/${options.hash ?? ''}`);
  await fillSignIn(page, credentials, locale);
  if (options.waitForList ?? true)
    await page.getByRole('navigation', { name: CONSOLE_CATALOGS[locale].listsLabel }).waitFor();
}
