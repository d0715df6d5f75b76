/**
 * Issue 10 in Chromium: the agent's status switch in the console header and the visitor's honest wait
 * estimate in the widget, live: a measured range while an agent is online, "cannot estimate" when they
 * step away (the line says nobody is online and offers the form, without taking the visitor's place),
 * in English and Polish, desktop and phone. Screenshots go to test/artifacts (copied to docs/screenshots).
 */
import { join } from 'node:path';
import { startHarness } from '@frontdesk/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';
import { signInToConsole } from '../support/console-sign-in.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

/** Screenshots for review go with the other artifacts; the chosen ones are copied to docs/screenshots. */
const SCREENSHOTS = ARTIFACTS;

/** Take-overs recorded on the demo shop (seconds from asking for a person to an agent taking over). */
const RECORDED_WAITS_S = [62, 75, 88, 95, 110, 124, 70, 101];

describeInBrowser('presence and the wait estimate in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let agent: Page;
  const pageErrors: string[] = [];
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

  beforeAll(async () => {
    h = await startHarness();
    for (const waitS of RECORDED_WAITS_S) {
      const v = await h.storage.createVisitor({ siteId: h.site.id, tokenHash: `rec-${Math.random()}` });
      const c = await h.storage.createConversation({ siteId: h.site.id, visitorId: v.id, locale: 'en' });
      const queuedAt = new Date(Date.now() - 2 * 3_600_000);
      await h.storage.updateConversation(
        c.id,
        c.version,
        {
          state: 'resolved',
          queuedAt: queuedAt.toISOString(),
          assignedAt: new Date(queuedAt.getTime() + waitS * 1000).toISOString(),
        },
        null,
      );
    }
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    agent = await context.newPage();
    agent.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** The agent's console, signed in once (by whichever test needs it first). */
  let signedIn: Promise<void> | undefined;
  const signIn = () => {
    signedIn ??= h
      .createAgent('Anna')
      .then((credentials) => signInToConsole(agent, h.origin, credentials, { waitForList: false }));
    return signedIn;
  };
  /** The agent online, whatever a test before left them as: the estimates need someone online. */
  const agentOnline = async () => {
    await signIn();
    await agent.getByLabel('Status').selectOption('online');
    await expect.poll(() => h.presence.agentsOnline(h.site.id)).toBe(1);
  };

  it('the agent signs in: online, with the status switch in the header', async () => {
    await signIn();
    const status = agent.getByLabel('Status');
    await status.waitFor();
    expect(await status.inputValue()).toBe('online');
  });

  it('a waiting visitor sees the usual wait; when the agent steps away the widget says it cannot estimate', async () => {
    await agentOnline();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const visitor = await context.newPage();
    visitor.on('pageerror', (error) => pageErrors.push(error.message));
    await visitor.goto(`${h.origin}/demo/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('button', { name: 'Talk to a person' }).click();
    const status = () => visitor.getByRole('status').first().textContent();
    await expect.poll(status).toMatch(/You are number 1 in the queue\. Usual wait: 1–2 minutes\./);
    await visitor.screenshot({ path: `${SCREENSHOTS}wait-estimate-en-desktop.png` });

    await agent.getByLabel('Status').selectOption('away');
    await expect
      .poll(status)
      .toBe(
        'Nobody from our team is online right now. You are number 1 in the queue. We cannot estimate the wait right now. Leave a message instead',
      );
    // Offered, not forced: the visitor keeps their place unless they choose the form.
    expect(await visitor.getByRole('form', { name: 'Leave a message' }).count()).toBe(0);
    await shot(visitor, 'widget-wait-unknown-en');
    await shot(agent, 'console-status-away');

    await agent.getByLabel('Status').selectOption('online');
    await expect.poll(status).toMatch(/Usual wait: 1–2 minutes\./);
    await context.close();
  });

  it.each([
    ['pl', 'phone', /Jesteś \d+\. w kolejce\. Zwykle czeka się \d+–\d+ minut/],
    ['pl', 'desktop', /Jesteś \d+\. w kolejce\. Zwykle czeka się \d+–\d+ minut/],
    ['en', 'phone', /You are number \d+ in the queue\. Usual wait: \d+–\d+ minutes\./],
  ] as const)('%s on a %s', async (lang, device, expected) => {
    await agentOnline();
    const phone = device === 'phone';
    const context = await browser.newContext({
      viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
      locale: lang === 'pl' ? 'pl-PL' : 'en-US',
      isMobile: phone,
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${h.origin}/demo/?lang=${lang}`);
    await page.getByRole('button', { name: lang === 'pl' ? 'Otwórz czat' : 'Open chat' }).click();
    await page
      .getByRole('button', { name: lang === 'pl' ? 'Porozmawiaj z konsultantem' : 'Talk to a person' })
      .click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(expected);
    await page.screenshot({ path: `${SCREENSHOTS}wait-estimate-${lang}-${device}.png` });
    await context.close();
  });

  it('no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
