/**
 * axe-core (WCAG 2.1 A/AA) on every screen a visitor or an admin sees, in English and Polish, at
 * desktop (1280×800) and phone width (390×760): the demo page with the widget closed and open (a bot
 * answer with quick replies), the console's sign-in, conversations (one open), FAQ, Sites,
 * Appearance (with its live preview frame), Agents and Profile. Serious and critical violations fail;
 * moderate and minor ones are printed. Screenshots of the Polish console at phone width go to
 * test/artifacts/.
 */
import { join } from 'node:path';
import { call, clientId, openConversation, startHarness } from '@frontdesk/server/testing';
import { EVENTS } from '@frontdesk/shared';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AxeViolation, formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const LOCALES = [
  {
    lang: 'en',
    locale: 'en-US',
    open: 'Open chat',
    message: 'Message',
    question: 'How much does delivery cost?',
    unknown: 'zxqv plorb wibble',
  },
  {
    lang: 'pl',
    locale: 'pl-PL',
    open: 'Otwórz czat',
    message: 'Wiadomość',
    question: 'ile kosztuje dostawa?',
    unknown: 'zxqv plorb wibble',
  },
] as const;
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 760 } },
] as const;

/** What shows that a console page has loaded its data. */
const READY = {
  // (The conversations workspace is a <main> too, hidden while another page shows.)
  faq: 'main:not([hidden]) .lists li',
  sites: 'main:not([hidden]) table tbody tr',
  appearance: 'main:not([hidden]) iframe',
  agents: 'main:not([hidden]) table tbody tr',
  profile: 'main:not([hidden]) form input',
} as const;

describeInBrowser('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  let h: Harness;
  let browser: Browser;
  const pageErrors: string[] = [];
  const reported: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    if (reported.length) console.info(`[axe] moderate/minor findings:\n${reported.join('\n')}`);
    await browser?.close();
    await h?.close();
  });

  /**
   * A visitor's conversation with the bot, for the console's list: made here, once, so the console
   * tests do not rely on what the widget tests left behind.
   */
  let conversation: Promise<void> | undefined;
  const aConversation = () => {
    conversation ??= (async () => {
      const { socket } = await h.newVisitor();
      const { conversation: opened } = await openConversation(h, socket);
      await call(socket, EVENTS.messageSend, {
        conversationId: opened.id,
        clientId: clientId(),
        body: 'How much does delivery cost?',
      });
    })();
    return conversation;
  };

  /** Checks one screen: serious/critical fail the test, the rest is reported. */
  const check = async (target: Page | Frame, label: string) => {
    const violations: AxeViolation[] = await runAxe(target);
    const blocking = violations.filter(isBlocking);
    const other = violations.filter((v) => !isBlocking(v));
    if (other.length) reported.push(`${label}\n${formatViolations(other)}`);
    // WCAG 1.4.10 Reflow (not an axe rule): no page scrolls sideways, at desktop or phone width.
    if ('mainFrame' in target) {
      const [scrollWidth, innerWidth] = await target.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      expect(scrollWidth, `${label}: the page is wider than the window`).toBeLessThanOrEqual(innerWidth!);
    }
    console.info(`[axe] ${label}: ${blocking.length} serious/critical, ${other.length} moderate/minor`);
    expect(formatViolations(blocking), `${label}: serious/critical axe violations`).toBe('');
  };

  for (const { lang, locale, open, message, question, unknown } of LOCALES) {
    for (const { name: width, viewport } of WIDTHS) {
      const where = `${lang} ${width}`;

      it(`the demo page and the widget (${where})`, async () => {
        const context = await browser.newContext({ viewport, locale });
        const page = await context.newPage();
        page.on('pageerror', (error) => pageErrors.push(error.message));
        await page.goto(`${h.origin}/demo/?lang=${lang}`);
        const launcher = page.getByRole('button', { name: open });
        await launcher.waitFor();
        await check(page, `demo page, widget closed (${where})`);

        await launcher.click();
        const chips = page.locator('.quick-replies button');
        await expect.poll(() => chips.count()).toBeGreaterThan(0);
        await check(page, `widget open: greeting with quick replies (${where})`);

        const box = page.getByRole('textbox', { name: message });
        await box.fill(question);
        await box.press('Enter');
        await expect.poll(() => page.getByRole('log').textContent()).toMatch(/12[.,]99/);
        // A question the bot cannot answer: its reply offers a person as a quick reply.
        await box.fill(unknown);
        await box.press('Enter');
        await expect.poll(() => chips.count()).toBeGreaterThan(0);
        await check(page, `widget open: bot answers with quick replies (${where})`);
        await context.close();
      });

      it(`the console (${where})`, async () => {
        await aConversation();
        const { email, password } = await h.createAgent(`Admin ${where}`, 'admin');
        const context = await browser.newContext({ viewport, locale });
        const page = await context.newPage();
        page.on('pageerror', (error) => pageErrors.push(error.message));
        await page.goto(`${h.origin}/console/`);
        await page.locator('input[type="email"]').waitFor();
        await check(page, `console sign-in (${where})`);
        await page.locator('input[type="email"]').fill(email);
        await page.locator('input[type="password"]').fill(password);
        await page.locator('form.login__card button[type="submit"]').click();

        // Conversations, with one open.
        const row = page.locator('button[data-row]').first();
        await row.waitFor();
        await row.click();
        await page.locator('#pane-title').waitFor();
        await page.getByRole('log').first().waitFor();
        await check(page, `console conversations, one open (${where})`);
        if (lang === 'pl' && width === 'phone') {
          await page.screenshot({
            path: join(ARTIFACTS, 'a11y-console-conversations-pl-phone.png'),
            fullPage: true,
          });
        }

        for (const screen of ['faq', 'sites', 'appearance', 'agents', 'profile'] as const) {
          await page.goto(`${h.origin}/console/#/${screen}`);
          // Loaded: the page's own content is there (not only its title and a "Loading…" line).
          await page.locator(READY[screen]).first().waitFor();
          await page.locator('main .placeholder[role="status"]').waitFor({ state: 'detached' });
          if (screen === 'appearance') {
            const preview = page.frameLocator('iframe').first();
            await preview.getByRole('textbox').first().waitFor();
            await check(page, `console appearance (${where})`);
            const frame = page.frames().find((f) => f !== page.mainFrame());
            expect(frame, 'the live preview frame').toBeTruthy();
            await check(frame!, `console appearance: live preview frame (${where})`);
            if (lang === 'pl' && width === 'phone') {
              await page.screenshot({
                path: join(ARTIFACTS, 'a11y-console-appearance-pl-phone.png'),
                fullPage: true,
              });
            }
          } else {
            await check(page, `console ${screen} (${where})`);
          }
        }
        await context.close();
      });
    }
  }

  it('no script errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
