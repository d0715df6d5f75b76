/**
 * Nobody is left at a dead end: in Chromium on the demo shop, the open panel and the unsent draft
 * follow the visitor to another page of the site; once the panel is closed (and no conversation is
 * in progress), the next page does not fetch the app at all.
 */
import { startHarness } from '@frontdesk/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser } from '../support/browser.ts';
import { storySteps } from '../support/story.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

describeInBrowser('state survives navigation', () => {
  // One visitor walking through the shop: the draft typed on the first page is the one checked on the last.
  const step = storySteps();
  let h: Harness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  /** Requests for the app chunk, per page load. */
  let appRequests = 0;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      if (/\/widget\/app-[^/]*\.js$/.test(new URL(request.url()).pathname)) appRequests += 1;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  step('the open panel and the draft come back on the next page of the shop', async () => {
    await page.goto(`${h.origin}/demo/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('Do you ship to Gdańsk');

    await page.getByRole('navigation').getByRole('link', { name: 'Help' }).click();
    await page.waitForURL(/help\.html/);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('Do you ship to Gdańsk');
    expect(await page.getByRole('button', { name: 'Close chat' }).getAttribute('aria-expanded')).toBe('true');
  });

  step('a closed panel stays closed on the next page, and that page does not fetch the app', async () => {
    await page.getByRole('button', { name: 'Close chat' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    appRequests = 0;
    await page.getByRole('navigation').getByRole('link', { name: 'Products' }).click();
    await page.waitForURL(/products\.html/);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    // Give an eager import (an idle callback) the chance to happen; it must not.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
    await page.waitForLoadState('networkidle');
    expect(appRequests).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);

    // The draft is still there when the visitor comes back to it.
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Message' }).inputValue())
      .toBe('Do you ship to Gdańsk');
  });

  it('no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
