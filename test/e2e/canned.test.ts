/**
 * Issue 14 in Chromium (the demo shop's visitor and an admin in the console, real server, nothing
 * stubbed on it): a canned response made on its page, inserted with `/` and the keyboard with its
 * variables filled, sent to the visitor; the `?` shortcuts dialog; a desktop notification for a new
 * message in the agent's own conversation while they are on another page (permission granted by the
 * browser context, the `Notification` constructor observed). Axe on the new parts; screenshots of the
 * page, the picker and the dialog at 1440 and 390 px, English and Polish, to docs/screenshots/.
 */
import { fileURLToPath } from 'node:url';
import { startHarness } from '@frontdesk/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { describeInBrowser, launchBrowser } from '../support/browser.ts';
import { signInToConsole } from '../support/console-sign-in.ts';
import { storySteps } from '../support/story.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
/** The parts this suite checks with axe (the rest of the console has its own suite). */
const OURS = ['.canned', '.canned-picker', '.dialog', '.composer', '.workspace__shortcuts'];

describeInBrowser('canned responses, shortcuts and alerts in the browser', () => {
  // One agent's session: the response added first is used in the conversation taken next, etc.
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
    visitorContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    agentContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    await agentContext.grantPermissions(['notifications'], { origin: h.origin });
    // Observe (not replace) the Notification constructor: every notification shown is recorded.
    await agentContext.addInitScript(() => {
      const Original = window.Notification;
      const shown: { title: string; body: string }[] = [];
      (window as unknown as { __shown: typeof shown }).__shown = shown;
      class Observed extends Original {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push({ title, body: options?.body ?? '' });
        }
      }
      window.Notification = Observed as typeof Notification;
    });
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

  const shot = async (page: Page, name: string) => {
    for (const [size, viewport] of [
      ['1440', DESKTOP],
      ['390', PHONE],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: `${SHOTS}${name}-${size}.png` });
    }
    await page.setViewportSize(DESKTOP);
  };
  // The language choice sits in the account menu (design pass): open it, choose, close it.
  const language = async (locale: 'en' | 'pl') => {
    await agent.locator('button[aria-controls="header-menu"]').click();
    await agent.locator('.header__language select').selectOption(locale);
    await agent.keyboard.press('Escape');
  };
  const axeOurs = async () => {
    const blocking = (await runAxe(agent))
      .filter(isBlocking)
      .filter((v) => v.targets.some((t) => OURS.some((part) => t.includes(part.slice(1)))));
    expect(blocking, formatViolations(blocking)).toEqual([]);
  };
  const widgetLog = () => visitor.getByRole('log', { name: 'Messages' });
  const reply = () => agent.getByLabel('Reply to the visitor');
  const shown = () =>
    agent.evaluate(() => (window as unknown as { __shown: { title: string; body: string }[] }).__shown);

  step('an admin adds a canned response on its page', async () => {
    const { email, password } = await h.createAgent('Anna', 'admin');
    await signInToConsole(agent, h.origin, { email, password });
    await agent.getByRole('link', { name: 'Canned responses' }).click();
    await agent.getByRole('button', { name: 'New response' }).click();
    const form = agent.getByRole('form', { name: 'New response' });
    await form.getByLabel('Title').fill('Thanks for waiting');
    await form.getByLabel('Shortcut').fill('thanks');
    await form
      .getByLabel('Text (Markdown)')
      .fill('Thanks for waiting, {{visitor.name|there}}! I am **{{agent.name}}** from {{site.name}}.');
    await form.getByRole('button', { name: 'Add response' }).click();
    await agent.getByRole('heading', { level: 2, name: 'Thanks for waiting' }).waitFor();
    const stored = await h.storage.listCanned(h.site.id, (await h.storage.getAgentByEmail(email))!.id);
    expect(stored.map((r) => [r.scope, r.shortcut])).toEqual([['site', 'thanks']]);
    // A Polish one too, for the picker's language order and the screenshots.
    await agent.getByRole('button', { name: 'New response' }).click();
    await form.getByLabel('Language').selectOption('pl');
    await form.getByLabel('Title').fill('Zwrot towaru');
    await form.getByLabel('Shortcut').fill('zwrot');
    await form
      .getByLabel('Text (Markdown)')
      .fill('Dzień dobry {{visitor.name|}}, zwrot przyjmujemy do 30 dni.');
    await form.getByRole('button', { name: 'Add response' }).click();
    await agent.getByRole('heading', { level: 2, name: 'Zwrot towaru' }).waitFor();
    await axeOurs();
    await shot(agent, 'canned-manager-en');
    await language('pl');
    await agent.getByRole('heading', { level: 1, name: 'Gotowe odpowiedzi' }).waitFor();
    await shot(agent, 'canned-manager-pl');
    await language('en');
  });

  step(
    '/ in the reply box: keyboard search, Enter inserts it with the variables filled, and it goes out',
    async () => {
      await agent.getByRole('link', { name: 'Conversations' }).click();
      await visitor.goto(`${h.origin}/demo/`);
      await visitor.getByRole('button', { name: 'Open chat' }).click();
      await expect.poll(() => widgetLog().textContent()).toContain('How can we help');
      await visitor.getByRole('button', { name: 'Talk to a person' }).click();
      const row = agent.locator('.lists__section--queued button[data-row]');
      await expect.poll(() => row.count()).toBe(1);
      await row.first().click();
      await agent.getByRole('button', { name: 'Take over' }).click();
      await expect.poll(() => widgetLog().textContent()).toContain('Anna joined the conversation');

      await reply().click();
      await reply().pressSequentially('/than');
      const listbox = agent.getByRole('listbox', { name: 'Canned responses' });
      await listbox.waitFor();
      expect(await listbox.getByRole('option').allTextContents()).toEqual([
        expect.stringContaining('Thanks for waiting'),
      ]);
      expect(await reply().getAttribute('aria-activedescendant')).toBe('canned-option-0');
      await axeOurs();
      await shot(agent, 'canned-picker-en');
      await reply().press('Enter');
      const expected = `Thanks for waiting, there! I am **Anna** from ${h.site.name}.`;
      await expect.poll(() => reply().inputValue()).toBe(expected);
      expect(await listbox.count()).toBe(0);
      await reply().press('Enter');
      await expect
        .poll(() => widgetLog().textContent())
        .toContain(`Thanks for waiting, there! I am Anna from ${h.site.name}.`);
      // Bold in the visitor's widget: the body's own Markdown, rendered.
      expect(await widgetLog().locator('strong', { hasText: 'Anna' }).count()).toBe(1);

      // Polish screenshot of the picker (the button opens it with a search field).
      await language('pl');
      await agent.getByRole('button', { name: 'Gotowe odpowiedzi' }).click();
      await agent.getByRole('combobox', { name: 'Szukaj gotowych odpowiedzi' }).fill('zwrot');
      await expect
        .poll(() => agent.getByRole('listbox', { name: 'Gotowe odpowiedzi' }).getByRole('option').count())
        .toBe(1);
      await shot(agent, 'canned-picker-pl');
      await agent.keyboard.press('Escape');
      await language('en');
    },
  );

  step('? lists the shortcuts (not while typing); Escape closes it', async () => {
    await reply().focus();
    await agent.keyboard.type('?');
    expect(await agent.getByRole('dialog').count()).toBe(0);
    await reply().fill('');
    await agent.locator('body').click({ position: { x: 5, y: 5 } });
    await agent.keyboard.press('Shift+Slash');
    const dialog = agent.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getByRole('row').count()).toBe(8);
    await axeOurs();
    await shot(agent, 'shortcuts-dialog-en');
    await agent.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await language('pl');
    await agent.locator('body').click({ position: { x: 5, y: 5 } });
    await agent.keyboard.press('Shift+Slash');
    await agent.getByRole('dialog', { name: 'Skróty klawiszowe' }).waitFor();
    await shot(agent, 'shortcuts-dialog-pl');
    await agent.keyboard.press('Escape');
    await language('en');
  });

  step(
    'a new message in my own conversation, while I am on another page, shows a desktop notification',
    async () => {
      expect(await agent.evaluate(() => Notification.permission)).toBe('granted');
      await agent.getByRole('link', { name: 'Canned responses' }).click();
      const before = (await shown()).length;
      await visitor.getByRole('textbox', { name: 'Message' }).fill('Is my parcel on its way?');
      await visitor.getByRole('textbox', { name: 'Message' }).press('Enter');
      await expect
        .poll(async () => (await shown()).slice(before))
        .toEqual([{ title: expect.stringMatching(/^New message from /), body: 'Is my parcel on its way?' }]);
      // The tab title counts it (own unread message).
      await expect.poll(() => agent.title()).toBe('(1) Frontdesk');
      expect(pageErrors).toEqual([]);
    },
  );
});
