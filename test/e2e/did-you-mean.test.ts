/**
 * "Did you mean" in Chromium (issue 16): a visitor's question the bot is not sure enough to answer gets
 * the closest FAQ entries as buttons, beside "Talk to a person"; a click answers it. English and Polish,
 * desktop and phone width, axe on the open widget. Screenshots go to docs/screenshots/.
 */
import { fileURLToPath } from 'node:url';
import { startHarness } from '@frontdesk/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { describeInBrowser, launchBrowser } from '../support/browser.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Near misses on the demo shop's FAQ, each with the entry a visitor most likely meant. */
const CASES = [
  {
    lang: 'en',
    locale: 'en-US',
    open: 'Open chat',
    message: 'Message',
    question: 'can I return a sweater?',
    prompt: 'Did you mean one of these?',
    meant: 'How do I return an item?',
    answer: /InPost/,
    person: 'Talk to a person',
  },
  {
    lang: 'pl',
    locale: 'pl-PL',
    open: 'Otwórz czat',
    message: 'Wiadomość',
    question: 'jak oddać buty',
    prompt: 'Czy chodziło Ci o jedno z tych pytań?',
    meant: 'Jak zwrócić towar?',
    answer: /InPost/,
    person: 'Porozmawiaj z konsultantem',
  },
] as const;
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 760 } },
] as const;

describeInBrowser('did you mean: a near miss offers the closest entries', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  for (const c of CASES)
    for (const { name, viewport } of WIDTHS)
      it(`${c.lang} at ${name} width: the buttons show, the person stays one click away, a click answers`, async () => {
        const context = await browser.newContext({ viewport, locale: c.locale });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        try {
          await page.goto(`${h.origin}/demo/?lang=${c.lang}`);
          await page.getByRole('button', { name: c.open }).click();
          const box = page.getByRole('textbox', { name: c.message });
          await box.fill(c.question);
          await box.press('Enter');
          const log = page.getByRole('log');
          await expect.poll(() => log.textContent()).toContain(c.prompt);
          const meant = page.getByRole('button', { name: c.meant });
          await meant.waitFor();
          expect(await page.getByRole('button', { name: c.person }).last().isVisible()).toBe(true);
          const blocking = (await runAxe(page)).filter(isBlocking);
          expect(blocking, formatViolations(blocking)).toEqual([]);
          await page.screenshot({ path: `${SCREENSHOTS}did-you-mean-${c.lang}-${name}.png` });
          await meant.click();
          await expect.poll(async () => (await log.textContent()) ?? '').toMatch(c.answer);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
});
