/**
 * Issue 14 in Chromium, on the real server: an agent searches a Polish word without its diacritics,
 * sees the match marked in the result, opens the conversation with the matching message outlined and
 * the word marked, tags it, filters by the tag, saves the search as a view, and finds the view again
 * after a reload (in the conversation list's sidebar and on the search page). axe-core finds no
 * serious or critical violation on the search page at 1440 and 390 px. Screenshots (en, pl) go to
 * test/artifacts.
 */
import { join } from 'node:path';
import { startHarness } from '@frontdesk/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

describeInBrowser('search: find a message, open it marked, tag, filter, saved view after reload', () => {
  let h: Harness;
  let browser: Browser;
  let login: { email: string; password: string };

  async function chat(name: string, ...bodies: string[]) {
    const visitor = await h.storage.createVisitor({
      siteId: h.site.id,
      tokenHash: `search-${Math.random()}`,
    });
    await h.storage.updateVisitorContact(visitor.id, {
      name,
      email: `${name.split(' ')[0]?.toLowerCase()}@example.pl`,
    });
    const c = await h.storage.createConversation({ siteId: h.site.id, visitorId: visitor.id, locale: 'pl' });
    for (const [i, body] of bodies.entries())
      await h.storage.appendMessage({
        conversationId: c.id,
        clientId: null,
        author: i % 2 === 0 ? 'visitor' : 'agent',
        authorName: i % 2 === 0 ? null : 'Ola',
        agentId: null,
        kind: 'text',
        body,
        meta: null,
      });
    const current = await h.storage.getConversation(c.id);
    await h.storage.updateConversation(c.id, current?.version ?? 0, { state: 'resolved', rating: 5 }, null);
    return c.id;
  }

  async function signedIn(width: number, locale: 'en-US' | 'pl-PL', hash: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${h.origin}/console/${hash}`);
    await page.locator('input[type=email]').fill(login.email);
    await page.locator('input[type=password]').fill(login.password);
    await page.locator('button[type=submit]').click();
    return page;
  }

  beforeAll(async () => {
    h = await startHarness();
    login = await h.createAgent('Sara Search');
    await chat(
      'Zofia Nowak',
      'Dzień dobry, czekam na zwrotu pieniędzy za żółty płaszcz.',
      'Sprawdzę to od razu.',
    );
    await chat('Bolek Kowalski', 'Where is my parcel? It was due on Monday.', 'It left the warehouse today.');
    await chat('Emma Smith', 'Can I change the colour of my order?', 'Yes, until it ships.');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('finds "zolty", opens the conversation with the match marked, tags it and saves a view that survives a reload', async () => {
    const page = await signedIn(1440, 'en-US', '#/search');
    await page.getByLabel('Words in messages and notes').fill('zolty');
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    const results = page.getByRole('region', { name: /Results/ });
    await expect.poll(() => results.getByRole('listitem').count()).toBe(1);
    await expect.poll(() => results.locator('mark').allTextContents()).toEqual(['żółty']);
    await page.screenshot({ path: join(ARTIFACTS, 'search-results-en-desktop.png') });
    const violations = (await runAxe(page)).filter(isBlocking);
    expect(violations, formatViolations(violations)).toEqual([]);

    await results.getByRole('button', { name: 'Open conversation with Zofia Nowak' }).click();
    const match = page.locator('.msg--match');
    await expect.poll(() => match.locator('mark').allTextContents()).toEqual(['żółty']);
    await expect.poll(() => match.isVisible()).toBe(true);

    const tags = page.getByRole('region', { name: 'Conversation tags' });
    await tags.getByLabel('New tag').fill('Reklamacja');
    await tags.getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(() => tags.getByRole('listitem').allTextContents()).toEqual(['reklamacja×']);
    await page.screenshot({ path: join(ARTIFACTS, 'search-opened-match-en-desktop.png') });

    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByLabel('Words in messages and notes').fill('');
    await page.getByLabel('Tag', { exact: true }).fill('reklamacja');
    await page.getByLabel('Rating').selectOption('5');
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await expect
      .poll(() => results.getByRole('button', { name: /Open conversation with/ }).allTextContents())
      .toEqual(['Zofia Nowak']);
    await page.getByLabel('Name of this view').fill('Reklamacje');
    await page.getByRole('button', { name: 'Save view' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'saved' }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'search-filters-en-desktop.png') });

    await page.goto(`${h.origin}/console/#/`);
    await page.reload();
    const lists = page.getByRole('navigation', { name: 'Conversations' });
    await lists.getByRole('link', { name: 'Reklamacje' }).click();
    await expect.poll(() => page.getByLabel('Tag', { exact: true }).inputValue()).toBe('reklamacja');
    await expect
      .poll(() => results.getByRole('button', { name: /Open conversation with/ }).allTextContents())
      .toEqual(['Zofia Nowak']);
    await page.context().close();
  });

  it('phone width and Polish: the search page stays usable and axe-clean', async () => {
    for (const [width, locale, name] of [
      [390, 'en-US', 'search-results-en-phone.png'],
      [390, 'pl-PL', 'search-results-pl-phone.png'],
      [1440, 'pl-PL', 'search-results-pl-desktop.png'],
    ] as const) {
      const page = await signedIn(width, locale, '#/search/q%3Azwrot');
      const results = page.getByRole('region', { name: locale === 'pl-PL' ? /Wyniki/ : /Results/ });
      await expect.poll(() => results.locator('mark').allTextContents()).toEqual(['zwrotu']);
      const scrollsSideways = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(scrollsSideways, name).toBe(false);
      const violations = (await runAxe(page)).filter(isBlocking);
      expect(violations, formatViolations(violations)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
      await page.context().close();
    }
  });
});
