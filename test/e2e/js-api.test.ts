/**
 * Issue 13: the JS API on a host page in Chromium, against the real server. Commands the page
 * queues before `widget.js` runs are replayed in order (prefill, setLocale, open), the panel shows
 * in Polish, `trackPage` from a single-page app reaches the visitor's record, and events fire.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHarness } from '@frontdesk/server/testing';
import { WIDGET_EVENTS } from '@frontdesk/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser } from '../support/browser.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;
type HostWindow = { Frontdesk(...args: unknown[]): void };

/** Issue 13: a page that hides the widget before it loads, and records any frame the launcher shows. */
function hiddenPage(serverOrigin: string, siteKey: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quiet page</title></head>
<body><h1>Quiet page</h1>
<script>
window.seen = [];
window.shownFrames = 0;
window.Frontdesk = window.Frontdesk || function () { (Frontdesk.q = Frontdesk.q || []).push(arguments); };
Frontdesk('on', 'ready', () => seen.push(['ready', null]));
Frontdesk('hide');
const watch = () => {
  const button = document.querySelector('frontdesk-widget')?.shadowRoot?.querySelector('button');
  if (button && button.getBoundingClientRect().width > 0) shownFrames += 1;
  requestAnimationFrame(watch);
};
requestAnimationFrame(watch);
</script>
<script src="${serverOrigin}/widget.js" data-site="${siteKey}" data-locale="en" async></script>
</body></html>`;
}

function hostPage(serverOrigin: string, siteKey: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA shop</title></head>
<body><h1>SPA shop</h1>
<script>
window.seen = [];
window.Frontdesk = window.Frontdesk || function () { (Frontdesk.q = Frontdesk.q || []).push(arguments); };
for (const name of ${JSON.stringify(WIDGET_EVENTS)}) Frontdesk('on', name, (payload) => seen.push([name, payload]));
Frontdesk('prefill', { message: 'Hello from the API' });
Frontdesk('setLocale', 'pl');
Frontdesk('open');
</script>
<script src="${serverOrigin}/widget.js" data-site="${siteKey}" data-locale="en" async></script>
</body></html>`;
}

describeInBrowser('JS API on a host page', () => {
  let h: Harness;
  let host: Server;
  let hostOrigin: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    host = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end((_req.url === '/hidden' ? hiddenPage : hostPage)(h.origin, h.site.key));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    await h.storage.updateSite(h.site.id, { allowedOrigins: [hostOrigin] });
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await h?.close();
  });

  const seen = () => page.evaluate(() => (window as unknown as { seen: [string, unknown][] }).seen);
  const names = async () => (await seen()).map(([name]) => name);

  it('replays queued commands in order, switches to Polish, records trackPage, fires events', async () => {
    await page.goto(`${hostOrigin}/`);
    // prefill → setLocale → open, replayed in that order: the open panel is Polish, with the draft.
    const box = page.getByRole('textbox', { name: 'Wiadomość' });
    await expect.poll(() => box.inputValue()).toBe('Hello from the API');
    await expect.poll(names).toContain('ready');
    expect((await names()).slice(0, 2)).toEqual(['open', 'ready']);

    await box.press('Enter');
    await expect.poll(names).toContain('conversation:started');

    // A single-page app moves on: the page view reaches the visitor's record.
    await page.evaluate(() => {
      history.pushState({}, '', '/spa/checkout');
      (window as unknown as HostWindow).Frontdesk('trackPage', { title: 'Checkout' });
    });
    await expect
      .poll(async () => {
        const list = await h.storage.listConversations({ siteIds: [h.site.id], limit: 20 });
        return list.map((c) => [c.visitor.pageUrl, c.visitor.pageTitle]);
      })
      .toContainEqual([`${hostOrigin}/spa/checkout`, 'Checkout']);

    await page.evaluate(() => (window as unknown as HostWindow).Frontdesk('close'));
    await expect.poll(names).toContain('close');
    const started = (await seen()).find(([name]) => name === 'conversation:started');
    expect(started?.[1]).toEqual({ id: expect.any(String) });
    expect(problems).toEqual([]);
  });

  it('a widget hidden before it loads never shows its launcher, not even while the app loads', async () => {
    const quiet = await page.context().newPage();
    // Its own list: a problem of the test above is that test's failure, not this one's.
    const errors: string[] = [];
    quiet.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    // Hold the app chunk back: the launcher is drawn by the loader alone until it is released.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let appRequested = false;
    await quiet.route(/\/app-[\w-]+\.js$/, async (route) => {
      appRequested = true;
      await gate;
      await route.continue();
    });
    await quiet.goto(`${hostOrigin}/hidden`);
    const launcherState = () =>
      quiet.evaluate(() => {
        const button = document.querySelector('frontdesk-widget')?.shadowRoot?.querySelector('button');
        return button ? { hidden: button.hidden, width: button.getBoundingClientRect().width } : null;
      });
    await expect.poll(launcherState).toEqual({ hidden: true, width: 0 });
    await expect.poll(() => appRequested).toBe(true);
    // Frames keep coming while the app is held back; none of them showed the launcher.
    const frames = () => quiet.evaluate(() => (window as unknown as { shownFrames: number }).shownFrames);
    expect(await frames()).toBe(0);
    release();
    const ready = () =>
      quiet.evaluate(() => (window as unknown as { seen: [string, unknown][] }).seen.map(([name]) => name));
    await expect.poll(ready).toContain('ready');
    expect(await launcherState()).toEqual({ hidden: true, width: 0 });
    expect(await frames()).toBe(0);
    // "show" brings it back.
    await quiet.evaluate(() => (window as unknown as HostWindow).Frontdesk('show'));
    await expect.poll(async () => (await launcherState())?.width ?? 0).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await quiet.close();
  });
});
