/**
 * Business hours (issue 10), in Chromium: an admin gives the demo shop a schedule in the console
 * (visible labels only); a visitor in Warsaw then reads that the team is away and when it is back,
 * in their language and local time; "always open" removes the line. Screenshots go to
 * test/artifacts/ (desktop and phone width, English and Polish).
 */
import { join } from 'node:path';
import { consoleHttp, startHarness } from '@frontdesk/server/testing';
import { API } from '@frontdesk/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';
import { signInToConsole } from '../support/console-sign-in.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WORKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const VISITOR_ZONE = 'Europe/Warsaw';
/** Screenshots for review go with the other artifacts; the chosen ones are copied to docs/screenshots. */
const SCREENSHOTS = ARTIFACTS;

describeInBrowser('business hours in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let admin: Page;
  const pageErrors: string[] = [];
  // The schedule's one open day: three days from today (UTC), so "now" is always outside it.
  const openDay = (new Date().getUTCDay() + 3) % 7;
  const opening = new Date();
  opening.setUTCDate(opening.getUTCDate() + 3);
  opening.setUTCHours(9, 0, 0, 0);

  /** The admin's console on the demo shop's business hours (signed in on first use). */
  let signedIn = false;
  const openHours = async () => {
    if (!signedIn) {
      await signInToConsole(admin, h.origin, credentials, { waitForList: false });
      signedIn = true;
    }
    await admin.getByRole('link', { name: 'Sites' }).click();
    await admin.getByRole('button', { name: `Edit ${h.site.name}` }).click();
    return admin.getByRole('form', { name: 'Business hours' });
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  const visitorPage = async (locale: string, viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ viewport, locale, timezoneId: VISITOR_ZONE });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The demo shop takes its (and the widget's) language from `?lang=`.
    await page.goto(`${h.origin}/demo/?lang=${locale.slice(0, 2)}`);
    return page;
  };

  let credentials: { email: string; password: string };
  const SCHEDULE = {
    timeZone: 'UTC',
    weekly: [{ day: openDay, open: '09:00', close: '17:00' }],
    closedDates: [],
  };
  /** The site's hours as the visitor tests need them, whether or not the console test above set them. */
  const ensureSchedule = async () => {
    if (JSON.stringify((await h.storage.getSite(h.site.id))?.settings.hours) === JSON.stringify(SCHEDULE))
      return;
    const http = consoleHttp(h);
    const res = await http.api(
      await http.login(credentials.email, credentials.password),
      'PATCH',
      API.site(h.site.id),
      {
        hours: SCHEDULE,
      },
    );
    if (!res.ok) throw new Error(`setting the hours: ${res.status} ${await res.text()}`);
  };

  beforeAll(async () => {
    h = await startHarness();
    credentials = await h.createAgent('Olga', 'admin');
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    admin = await context.newPage();
    admin.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('an admin sets a schedule: one day a week, 9 to 5 UTC', async () => {
    const form = await openHours();
    await form.getByLabel('Open on a schedule').check();
    await form.getByLabel('Time zone').selectOption('UTC');
    for (const day of WORKDAYS) await form.getByRole('button', { name: `Remove ${day} 09:00–17:00` }).click();
    const name = WEEKDAYS_EN[openDay] ?? '';
    await form.getByRole('button', { name: `Add hours on ${name}` }).click();
    const day = form.getByRole('group', { name });
    expect(await day.getByLabel('Opens').inputValue()).toBe('09:00');
    expect(await day.getByLabel('Closes').inputValue()).toBe('17:00');
    await form.getByRole('button', { name: 'Save hours' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Business hours saved.');
    expect((await h.storage.getSite(h.site.id))?.settings.hours).toEqual(SCHEDULE);
    await shot(admin, 'hours-console');
    const blocking = (await runAxe(admin)).filter(isBlocking);
    expect(blocking, formatViolations(blocking)).toEqual([]);
  });

  it.each([
    ['en-US', 'desktop', { width: 1280, height: 800 }, 'Open chat'],
    ['en-US', 'phone', { width: 390, height: 844 }, 'Open chat'],
    ['pl-PL', 'desktop', { width: 1280, height: 800 }, 'Otwórz czat'],
    ['pl-PL', 'phone', { width: 390, height: 844 }, 'Otwórz czat'],
  ] as const)(
    'a visitor (%s, %s) reads when the team is back, in local time',
    async (locale, device, viewport, open) => {
      await ensureSchedule();
      const page = await visitorPage(locale, viewport);
      await page.getByRole('button', { name: open }).click();
      const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: VISITOR_ZONE }).format(
        opening,
      );
      const time = new Intl.DateTimeFormat(locale, {
        hour: 'numeric',
        minute: '2-digit',
        timeZone: VISITOR_ZONE,
      }).format(opening);
      const line = page
        .getByRole('dialog')
        .getByRole('status')
        .filter({ hasText: locale === 'en-US' ? 'away' : 'nie ma' });
      await expect.poll(() => line.textContent()).toContain(time);
      const text = (await line.textContent()) ?? '';
      if (locale === 'en-US') expect(text).toBe(`We're away right now. Back on ${weekday} at ${time}.`);
      else expect(text).toMatch(new RegExp(`^Teraz nas nie ma\\. Wracamy (w|we) \\S+ o ${time}\\.$`));
      await page.screenshot({ path: `${SCREENSHOTS}hours-${locale.slice(0, 2)}-${device}.png` });
      const blocking = (await runAxe(page)).filter(isBlocking);
      expect(blocking, formatViolations(blocking)).toEqual([]);
      // Outside hours, asking for a person offers the leave-a-message form, saying why.
      const en = locale === 'en-US';
      await page
        .getByRole('button', { name: en ? 'Talk to a person' : 'Porozmawiaj z konsultantem' })
        .click();
      const form = page.getByRole('form', { name: en ? 'Leave a message' : 'Zostaw wiadomość' });
      await expect
        .poll(() => form.textContent())
        .toContain(en ? 'We are closed right now.' : 'Jesteśmy teraz nieczynni.');
      await page.context().close();
    },
  );

  it('"always open" removes the line', async () => {
    await ensureSchedule();
    const form = await openHours();
    await form.getByLabel(/Always open/).check();
    await form.getByRole('button', { name: 'Save hours' }).click();
    await expect.poll(async () => (await h.storage.getSite(h.site.id))?.settings.hours).toBeNull();
    const page = await visitorPage('en-US', { width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(await page.getByText(/We're (away|in)/).count()).toBe(0);
    await page.context().close();
  });

  it('no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
