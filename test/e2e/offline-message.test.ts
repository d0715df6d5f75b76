/**
 * Issue 10 in Chromium: with no agent online, the visitor asks for a person and gets the
 * leave-a-message form (not the queue), submits it, and the conversation waits in the console as an
 * offline message with the visitor's name, e-mail and answers; the visitor closes the page; the
 * agent's reply from the console arrives by e-mail at a real SMTP server started by the test, and
 * the e-mail's link opens the conversation in the widget with the reply. axe-core checks the form. Screenshots of the form and the confirmation, English and Polish, desktop and
 * phone, go to test/artifacts (the chosen ones are copied to docs/screenshots).
 */
import { type SmtpSink, startHarness, startSmtpSink } from '@frontdesk/server/testing';
import { LIMITS } from '@frontdesk/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';
import { signInToConsole } from '../support/console-sign-in.ts';
import { storySteps } from '../support/story.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

/** Screenshots for review go with the other artifacts; the chosen ones are copied to docs/screenshots. */
const SCREENSHOTS = ARTIFACTS;

const WORDS = {
  en: {
    locale: 'en-US',
    open: 'Open chat',
    person: 'Talk to a person',
    form: 'Leave a message',
    why: 'Nobody from our team is online right now.',
    name: 'Your name',
    email: 'E-mail',
    message: 'Message',
    order: 'Order number',
    submit: 'Send message',
    sent: "Thanks — we'll reply to",
    required: 'Please fill in this field.',
  },
  pl: {
    locale: 'pl-PL',
    open: 'Otwórz czat',
    person: 'Porozmawiaj z konsultantem',
    form: 'Zostaw wiadomość',
    why: 'Nikogo z naszego zespołu nie ma teraz online.',
    name: 'Imię',
    email: 'E-mail',
    message: 'Wiadomość',
    order: 'Numer zamówienia',
    submit: 'Wyślij wiadomość',
    sent: 'Dziękujemy — odpowiemy na adres',
    required: 'Wypełnij to pole.',
  },
} as const;

const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

describeInBrowser('offline message in the browser', () => {
  // Ada's message: left with nobody online, found and answered in the console, mailed, opened from the link. The form's looks in other languages and widths are tests of their own (plain `it`).
  const step = storySteps();
  let h: Harness;
  let sink: SmtpSink;
  /** The mail loop's clock: the test moves it past the reply's coalescing wait. */
  let now = Date.parse('2026-12-02T12:00:00Z');
  let browser: Browser;
  let visitor: Page;
  /** The agent's console tab, signed in (from the console test on). */
  let agent: Page;
  /** The link back to the conversation in the reply e-mail. */
  let link = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    h = await startHarness({ mailClock: () => now, mailIntervalMs: 3_600_000, env: { SMTP_URL: sink.url } });
    const site = await h.storage.getSite(h.site.id);
    await h.storage.updateSite(h.site.id, {
      settings: {
        ...site!.settings,
        offline: {
          longWaitMinutes: null,
          fields: [
            {
              id: 'order',
              type: 'text',
              label: { en: 'Order number', pl: 'Numer zamówienia' },
              required: false,
            },
          ],
        },
      },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await sink?.close();
  });

  /** Opens the demo shop, asks for a person, and waits for the form. */
  async function openForm(lang: 'en' | 'pl', viewport: { width: number; height: number }) {
    const w = WORDS[lang];
    const context = await browser.newContext({ viewport, locale: w.locale });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${h.origin}/demo/?lang=${lang}`);
    await page.getByRole('button', { name: w.open }).click();
    await page.getByRole('button', { name: w.person }).click();
    const form = page.getByRole('form', { name: w.form });
    await form.waitFor();
    expect(await form.textContent()).toContain(w.why);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /Connecting|Łączymy/ })
        .count(),
    ).toBe(0);
    return page;
  }

  async function fill(page: Page, lang: 'en' | 'pl', name: string, email: string, text: string) {
    const w = WORDS[lang];
    await page.getByLabel(w.name, { exact: true }).fill(name);
    await page.getByLabel(w.email, { exact: true }).fill(email);
    await page.getByRole('textbox', { name: w.message, exact: true }).fill(text);
    await page.getByLabel(new RegExp(w.order)).fill('A-17');
  }

  step(
    'no agent online: the visitor asks for a person, gets the form, and a refused submit focuses the first error',
    async () => {
      visitor = await openForm('en', WIDTHS[0].viewport);
      const violations = await runAxe(visitor);
      expect(formatViolations(violations.filter(isBlocking)), 'form: serious/critical axe violations').toBe(
        '',
      );
      await visitor.getByRole('button', { name: 'Send message' }).click();
      const name = visitor.getByLabel('Your name', { exact: true });
      await expect
        .poll(() => name.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
        .toBe(true);
      expect(await name.getAttribute('aria-invalid')).toBe('true');
    },
  );

  step('the filled form is sent; the visitor is told where the reply goes (en desktop)', async () => {
    await fill(visitor, 'en', 'Ada <b>Lovelace</b>', 'Ada@Example.com', 'My parcel has not arrived.');
    await visitor.screenshot({ path: `${SCREENSHOTS}offline-form-en-desktop.png` });
    await visitor.getByRole('button', { name: 'Send message' }).click();
    await expect
      .poll(() => visitor.getByRole('status').filter({ hasText: 'Thanks' }).textContent())
      .toBe("Thanks — we'll reply to ada@example.com. You can close this window.");
    const log = visitor.getByRole('log', { name: 'Messages' });
    await expect.poll(() => log.textContent()).toContain('Left a message: nobody was online');
    expect(await log.textContent()).toContain('My parcel has not arrived.');
    const sentViolations = await runAxe(visitor);
    expect(formatViolations(sentViolations.filter(isBlocking)), 'sent: serious/critical axe violations').toBe(
      '',
    );
    await visitor.screenshot({ path: `${SCREENSHOTS}offline-form-sent-en-desktop.png` });
  });

  for (const [lang, width] of [
    ['en', WIDTHS[1]],
    ['pl', WIDTHS[0]],
    ['pl', WIDTHS[1]],
  ] as const) {
    it(`the form and the confirmation (${lang} ${width.name})`, async () => {
      const page = await openForm(lang, width.viewport);
      await fill(page, lang, `Visitor ${lang} ${width.name}`, `${lang}-${width.name}@example.com`, 'Hello?');
      await page.screenshot({ path: `${SCREENSHOTS}offline-form-${lang}-${width.name}.png` });
      if (width.name === 'phone') {
        const [scrollWidth, innerWidth] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          window.innerWidth,
        ]);
        expect(scrollWidth).toBeLessThanOrEqual(innerWidth!);
        const violations = await runAxe(page);
        expect(formatViolations(violations.filter(isBlocking))).toBe('');
      }
      await page.getByRole('button', { name: WORDS[lang].submit }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: WORDS[lang].sent }).count()).toBe(1);
      await page.screenshot({ path: `${SCREENSHOTS}offline-form-sent-${lang}-${width.name}.png` });
      await page.context().close();
    });
  }

  step('the visitor closes the page; an agent signs in to the console', async () => {
    // The visitor was told they can close the window: they do.
    await visitor.context().close();
    const { email, password } = await h.createAgent('Anna');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    agent = await context.newPage();
    agent.on('pageerror', (error) => pageErrors.push(error.message));
    await signInToConsole(agent, h.origin, { email, password });
  });

  step('the conversation waits in the console as an offline message', async () => {
    const row = agent.locator('.lists__section--queued button[data-row]', { hasText: 'Ada <b>Lovelace</b>' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Offline message');
    await row.click();
    const panel = agent.getByRole('complementary');
    await expect.poll(() => panel.textContent()).toContain('Left a message: nobody was online');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Ada <b>Lovelace</b>'); // R4: shown as text
    expect(text).toContain('ada@example.com');
    expect(text).toContain('Order number');
    expect(text).toContain('A-17');
    expect(await agent.locator('b', { hasText: 'Lovelace' }).count()).toBe(0);
    await agent.screenshot({ path: `${SCREENSHOTS}offline-message-console-en-desktop.png` });
  });

  step("the agent's reply from the console is stored", async () => {
    await agent.getByRole('button', { name: 'Take over' }).click();
    const reply = agent.getByLabel('Reply to the visitor');
    await reply.fill('Sorry about that — it ships today.');
    await reply.press('Enter');
    await expect
      .poll(async () => {
        const conversations = await h.storage.listConversations({ siteIds: [h.site.id], limit: 20 });
        const mine = conversations.find((c) => c.visitor.email === 'ada@example.com');
        if (!mine) return null;
        const messages = await h.storage.listMessages(mine.id, 0, 100);
        return messages.find((m) => m.author === 'agent')?.body ?? null;
      })
      .toBe('Sorry about that — it ships today.');
  });

  step('nobody is there to read it: the reply goes by e-mail, with a link back', async () => {
    // After the short wait that folds quick replies.
    await h.mail.conversationMail.settled();
    now += LIMITS.mailReplyCoalesceMs;
    await h.mail.outbox.runDue();
    const mail = sink.messages.find((m) => m.to.includes('ada@example.com'));
    expect(mail, 'the reply e-mail').toBeDefined();
    expect(mail?.parsed.text).toContain('Sorry about that — it ships today.');
    expect(mail?.parsed.text).toContain('My parcel has not arrived.');
    link = /\/c\/[A-Za-z0-9_.-]+/.exec(mail?.parsed.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
  });

  step(
    "the e-mail's link, opened later on another device, shows the conversation with the reply in the widget",
    async () => {
      expect(link, 'the link from the reply e-mail').not.toBe('');
      const later = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
      const page = await later.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(h.origin + link);
      const log = page.getByRole('log', { name: 'Messages' });
      await expect.poll(() => log.textContent()).toContain('it ships today');
      expect(await log.textContent()).toContain('My parcel has not arrived.');
      await page.screenshot({ path: `${SCREENSHOTS}offline-reply-link-en-phone.png` });
      await later.close();
      expect(pageErrors).toEqual([]);
    },
  );
});
