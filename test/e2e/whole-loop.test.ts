/**
 * The whole loop in Chromium: the demo shop's widget and the agent console in two browser contexts.
 * Visitor asks the bot, asks for a person, agent takes over, both talk (with a reload and a server
 * restart in the middle), agent resolves, visitor rates. Screenshots go to test/artifacts/.
 */
import { join } from 'node:path';
import { startHarness } from '@frontdesk/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';
import { signInToConsole } from '../support/console-sign-in.ts';
import { storySteps } from '../support/story.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

describeInBrowser('whole loop in the browser', () => {
  // One conversation from the bot to the rating: each step goes on from the one before.
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
    browser = await launchBrowser();
    visitorContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    agentContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
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
  const send = async (text: string) => {
    const box = visitor.getByRole('textbox', { name: 'Message' });
    await box.fill(text);
    await box.press('Enter');
  };

  step('visitor gets a bot answer in the widget', async () => {
    await visitor.goto(`${h.origin}/demo/`);
    const launcher = visitor.getByRole('button', { name: 'Open chat' });
    await launcher.waitFor();
    await shot(visitor, 'demo-launcher');
    await launcher.click();
    await expect.poll(() => widgetLog().textContent()).toContain('How can we help');
    await send('How much does delivery cost?');
    await expect.poll(() => widgetLog().textContent(), { timeout: 10_000 }).toContain('12.99');
    await shot(visitor, 'widget-bot-answer');
  });

  step('agent logs in and sees the conversation with the bot', async () => {
    const { email, password } = await h.createAgent('Anna');
    await signInToConsole(agent, h.origin, { email, password });
    await expect.poll(() => agent.locator('.lists__section--bot button[data-row]').count()).toBe(1);
  });

  step(
    'visitor asks for a person; the agent sees it waiting, takes over, and they talk both ways',
    async () => {
      await visitor.getByRole('button', { name: 'Talk to a person' }).click();
      await expect
        .poll(() => visitor.getByRole('status').first().textContent())
        .toMatch(/Connecting you with a person/);
      await expect.poll(() => agent.locator('.lists__section--queued button[data-row]').count()).toBe(1);
      await expect.poll(() => agent.title()).toBe('(1) Frontdesk');
      await agent.locator('.lists__section--queued button[data-row]').first().click();
      await agent.getByRole('button', { name: 'Take over' }).click();
      await expect.poll(() => widgetLog().textContent()).toContain('Anna joined the conversation');

      const reply = agent.getByLabel('Reply to the visitor');
      await reply.fill('Hi, I am Anna. How can I help?');
      await reply.press('Enter');
      await expect.poll(() => widgetLog().textContent()).toContain('Hi, I am Anna');

      await send('Where is my order 1234?');
      await expect
        .poll(() => agent.getByRole('log').first().textContent())
        .toContain('Where is my order 1234?');
      await shot(agent, 'console-conversation');
    },
  );

  step(
    'the conversation survives a page reload, and a message typed while the server is down arrives once after a restart',
    async () => {
      await visitor.reload();
      // The panel was open before the reload, so it opens again by itself.
      await visitor.getByRole('dialog').waitFor();
      await expect.poll(() => widgetLog().textContent()).toContain('Hi, I am Anna');
      await expect.poll(() => widgetLog().textContent()).toContain('Where is my order 1234?');

      // The server goes down; the visitor types a message meanwhile (it waits in the outbox).
      const { dataDir, port } = h;
      await h.close();
      await send('Typed while the server was down');
      await expect.poll(() => widgetLog().textContent()).toContain('Sending…');
      h = await startHarness({ dataDir, port });
      await expect
        .poll(() => agent.getByRole('log').first().textContent(), { timeout: 20_000 })
        .toContain('Typed while the server was down');
      const reply = agent.getByLabel('Reply to the visitor');
      await reply.fill('Yes, nothing was lost.');
      await reply.press('Enter');
      await expect
        .poll(() => widgetLog().textContent(), { timeout: 20_000 })
        .toContain('Yes, nothing was lost.');
      // Exactly once, and the seq has no gaps.
      const [conversation] = await h.storage.listConversations({ siteIds: [h.site.id], limit: 5 });
      const messages = await h.storage.listMessages(conversation!.id, 0, 500);
      expect(messages.filter((m) => m.body === 'Typed while the server was down')).toHaveLength(1);
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
    },
  );

  step("a visitor's markup is inert in the console", async () => {
    await send('<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> **bold**');
    await expect.poll(() => agent.getByRole('log').first().textContent()).toContain('<img src=x onerror=');
    expect(await agent.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await agent.locator('img[src="x"]').count()).toBe(0);
    expect(await visitor.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  step('agent resolves; the visitor rates the conversation', async () => {
    await agent.getByRole('button', { name: 'Resolve' }).click();
    await visitor.getByRole('group', { name: 'How was your conversation?' }).waitFor();
    await shot(visitor, 'widget-rating');
    await visitor.getByRole('radio', { name: '5 of 5' }).check({ force: true });
    await visitor.getByLabel('Anything you want to add? (optional)').fill('Great help');
    await visitor.getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => visitor.getByRole('status').last().textContent()).toContain('Thank you');
    await expect
      .poll(
        async () =>
          (await h.storage.listConversations({ siteIds: [h.site.id], state: 'resolved', limit: 5 }))[0]
            ?.rating,
      )
      .toBe(5);
  });

  it('the widget works full screen on a phone, in Polish', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'pl-PL',
      isMobile: true,
    });
    const page = await phone.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${h.origin}/demo/?lang=pl`);
    await page.getByRole('button', { name: 'Otwórz czat' }).click();
    const box = page.getByRole('textbox', { name: 'Wiadomość' });
    await box.fill('ile kosztuje dostawa do paczkomatu?');
    await box.press('Enter');
    await expect
      .poll(() => page.getByRole('log', { name: 'Wiadomości' }).textContent(), { timeout: 10_000 })
      .toContain('12,99 zł');
    const dialog = await page.getByRole('dialog').boundingBox();
    expect(dialog?.width).toBeGreaterThanOrEqual(380);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-mobile-pl.png') });
    await phone.close();
  });

  it('no script errors and no CSP violations on either page', () => {
    expect(pageErrors).toEqual([]);
  });
});
