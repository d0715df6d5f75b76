/**
 * The bot improvement loop in Chromium: a visitor's question the bot misses shows up under
 * "Unanswered"; an admin writes a new FAQ entry in the console; the widget answers with it at once.
 */
import { join } from 'node:path';
import { startHarness } from '@frontdesk/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';
import { signInToConsole } from '../support/console-sign-in.ts';
import { storySteps } from '../support/story.ts';

describeInBrowser('FAQ authoring in the browser', () => {
  // The question the bot missed is the one the admin then answers, in the same visitor's chat.
  const step = storySteps();
  let h: Awaited<ReturnType<typeof startHarness>>;
  let browser: Browser;
  let visitor: Page;
  let admin: Page;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    visitor = await (await browser.newContext({ locale: 'en-US' })).newPage();
    admin = await (
      await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
    ).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const widgetLog = () => visitor.getByRole('log', { name: 'Messages' });
  const ask = async (text: string) => {
    const box = visitor.getByRole('textbox', { name: 'Message' });
    await box.fill(text);
    await box.press('Enter');
  };

  step('a missed question appears under Unanswered', async () => {
    await visitor.goto(`${h.origin}/demo/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await ask('Do you engrave jewellery with a name?');
    await expect.poll(() => widgetLog().textContent()).toContain('Talk to a person');

    const email = `admin-${Date.now()}@example.com`;
    await h.agents.create({ email, name: 'Ada', password: 'a long admin password', role: 'admin' }, [
      h.site.id,
    ]);
    await signInToConsole(
      admin,
      h.origin,
      { email, password: 'a long admin password' },
      { waitForList: false },
    );
    await admin.getByRole('link', { name: 'Unanswered' }).click();
    await expect
      .poll(() => admin.locator('main:not([hidden])').textContent())
      .toContain('Do you engrave jewellery with a name?');
  });

  step('an admin adds an entry and the widget answers with it straight away', async () => {
    await admin.getByRole('link', { name: 'FAQ' }).click();
    await admin.getByRole('button', { name: 'New entry' }).click();
    await admin.getByLabel('Question', { exact: true }).fill('Do you offer engraving?');
    await admin.getByRole('textbox', { name: 'Example 1' }).fill('can you engrave a name on jewellery');
    await admin
      .getByLabel('Answer (Markdown)')
      .fill('Yes: engraving costs **19 zł** and adds one working day.');
    await admin.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => admin.locator('main:not([hidden])').textContent())
      .toContain('Do you offer engraving?');
    await admin.screenshot({ path: join(ARTIFACTS, 'console-faq.png') });

    await ask('could you engrave my ring?');
    await expect.poll(() => widgetLog().textContent()).toContain('engraving costs');
    const stored = await h.storage.listFaqs(h.site.id);
    expect(stored.find((f) => f.question === 'Do you offer engraving?')?.lang).toBe('en');
  });
});
