/**
 * Issue 13 in Chromium, two browser contexts (the demo shop's visitor and an agent in the console):
 * typing shown both ways ("Anna is typing…" in the widget, "Visitor is typing…" and the sneak-peek
 * draft in the console), "Seen" under the visitor's message once the agent has it on screen, and
 * "Seen by the visitor" once the reply was on the visitor's screen. Screenshots of typing and "Seen"
 * at desktop and phone width go to test/artifacts/.
 */
import { join } from 'node:path';
import { startHarness } from '@frontdesk/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';
import { signInToConsole } from '../support/console-sign-in.ts';
import { storySteps } from '../support/story.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

describeInBrowser('typing and read receipts in the browser', () => {
  // One conversation: taken over first, then typing, then "Seen", then the same on a phone.
  const step = storySteps();
  let h: Harness;
  let browser: Browser;
  let visitorContext: BrowserContext;
  let agentContext: BrowserContext;
  let visitor: Page;
  let agent: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    // Sneak peek on for this site: the agent sees the visitor's draft.
    const site = await h.storage.getSite(h.site.id);
    await h.storage.updateSite(h.site.id, {
      settings: { ...site!.settings, appearance: { ...site!.settings.appearance, sneakPeek: true } },
    });
    browser = await launchBrowser();
    visitorContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    agentContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    visitor = await visitorContext.newPage();
    agent = await agentContext.newPage();
    for (const page of [visitor, agent]) {
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text()))
          pageErrors.push(msg.text());
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  const widgetLog = () => visitor.getByRole('log', { name: 'Messages' });
  const typingLine = () => visitor.locator('.typing');
  const visitorBox = () => visitor.getByRole('textbox', { name: 'Message' });
  const reply = () => agent.getByLabel('Reply to the visitor');
  const pane = () => agent.getByRole('region', { name: /Visitor/ });

  step('the visitor asks for a person and the agent takes over', async () => {
    // The agent is online first (with nobody online the visitor would get the leave-a-message form).
    const { email, password } = await h.createAgent('Anna');
    await signInToConsole(agent, h.origin, { email, password });

    await visitor.goto(`${h.origin}/demo/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await expect.poll(() => widgetLog().textContent()).toContain('How can we help');
    await visitor.getByRole('button', { name: 'Talk to a person' }).click();
    const row = agent.locator('.lists__section--queued button[data-row]');
    await expect.poll(() => row.count()).toBe(1);
    await row.first().click();
    await agent.getByRole('button', { name: 'Take over' }).click();
    await expect.poll(() => widgetLog().textContent()).toContain('Anna joined the conversation');
  });

  step(
    'typing both ways: "Anna is typing…" in the widget, "Visitor is typing…" with the draft in the console',
    async () => {
      await reply().pressSequentially('Let me check', { delay: 20 });
      await expect.poll(() => typingLine().textContent()).toBe('Anna is typing…');
      expect(await typingLine().getAttribute('aria-live')).toBe('polite');
      await shot(visitor, 'typing-widget-en-desktop');

      await visitorBox().pressSequentially('My order number is 4711', { delay: 20 });
      await expect.poll(() => pane().textContent()).toContain('Visitor is typing…');
      await expect.poll(() => agent.locator('.pane__peek').textContent()).toContain('My order number is');
      await shot(agent, 'typing-console-en-desktop');

      // Sending clears it on the other side.
      await reply().press('Enter');
      await expect.poll(() => widgetLog().textContent()).toContain('Let me check');
      await expect.poll(() => typingLine().textContent()).toBe('');
    },
  );

  step(
    '"Seen" under the visitor\'s message once the agent has it on screen; "Seen by the visitor" in the console',
    async () => {
      await visitorBox().press('Enter');
      await expect
        .poll(() => agent.getByRole('log').first().textContent())
        .toContain('My order number is 4711');
      await expect.poll(() => pane().textContent()).not.toContain('Visitor is typing…');
      // The agent has the conversation open: the visitor sees "Seen" under their last message.
      const seen = visitor.locator('.row.mine .seen');
      await expect.poll(() => seen.count()).toBe(1);
      expect(await seen.textContent()).toBe('Seen');
      expect(await visitor.locator('.row.mine').last().locator('.seen').count()).toBe(1);
      // The reply was on the visitor's screen (the panel is open): the console says so.
      await expect.poll(() => pane().textContent()).toContain('Seen by the visitor');
      await shot(visitor, 'seen-widget-en-desktop');
      await shot(agent, 'seen-console-en-desktop');

      // Read positions are stored: a reload of the console still shows it.
      const stored = await h.storage.listReads(
        (await h.storage.listConversations({ siteIds: [h.site.id], limit: 5 })).map((c) => c.id),
      );
      expect(stored.map((p) => p.reader).sort()).toEqual(['agent', 'visitor']);
    },
  );

  step('on a phone: typing and "Seen" in the full-screen widget', async () => {
    await visitor.setViewportSize(PHONE);
    await reply().pressSequentially('One more thing', { delay: 20 });
    await expect.poll(() => typingLine().textContent()).toBe('Anna is typing…');
    await shot(visitor, 'typing-widget-en-phone');
    await reply().press('Enter');
    await expect.poll(() => widgetLog().textContent()).toContain('One more thing');
    await visitorBox().fill('Thanks!');
    await visitorBox().press('Enter');
    await expect.poll(() => visitor.locator('.row.mine').last().locator('.seen').count()).toBe(1);
    const [scrollWidth, innerWidth] = await visitor.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth!);
    await shot(visitor, 'seen-widget-en-phone');
    expect(pageErrors).toEqual([]);
  });
});
