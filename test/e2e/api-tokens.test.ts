/**
 * Issue 15 in Chromium: an admin creates an API token (shown once), the API answers with it, the
 * admin revokes it and the API refuses it; the admin registers a webhook to a receiver started here
 * (allowing local addresses for the site) and sees a delivery in its log. Both pages are axe-clean;
 * screenshots at 1440 and 390 px, English and Polish, go to docs/screenshots/.
 */
import { fileURLToPath } from 'node:url';
import {
  call,
  clientId,
  consoleHttp,
  openConversation,
  startHarness,
  startWebhookReceiver,
  type WebhookReceiver,
} from '@frontdesk/server/testing';
import { API_ADMIN_ROUTES, API_V1_ROUTES, EVENTS } from '@frontdesk/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { describeInBrowser, launchBrowser } from '../support/browser.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

describeInBrowser('API tokens and webhooks in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let admin: Page;
  let receiver: WebhookReceiver;
  let credentials: { email: string; password: string };
  const pageErrors: string[] = [];

  const signIn = async (
    page: Page,
    labels = { email: 'E-mail', password: 'Password', submit: 'Sign in' },
  ) => {
    await page.goto(`${h.origin}/console/`);
    await page.getByLabel(labels.email).fill(credentials.email);
    await page.getByLabel(labels.password).fill(credentials.password);
    await page.getByRole('button', { name: labels.submit }).click();
  };
  /**
   * A token and a webhook made through the console's API, for the pages' looks: those tests must not
   * rely on what the tests above them made in the browser (when one of those failed, all of these did).
   */
  let listed: Promise<void> | undefined;
  const ensureListed = () => {
    listed ??= (async () => {
      const http = consoleHttp(h);
      const cookie = await http.login(credentials.email, credentials.password);
      const made = [
        await http.api(cookie, 'POST', API_ADMIN_ROUTES.tokens, {
          siteId: h.site.id,
          name: 'Reporting',
          scope: 'read',
        }),
        await http.api(cookie, 'PUT', API_ADMIN_ROUTES.webhookSettings.replace(':siteId', h.site.id), {
          allowPrivate: true,
        }),
        await http.api(cookie, 'POST', API_ADMIN_ROUTES.webhooks, {
          siteId: h.site.id,
          url: `${receiver.url}/orders`,
          events: ['conversation.created'],
        }),
      ];
      for (const res of made) if (!res.ok) throw new Error(`setup: ${res.status} ${await res.text()}`);
    })();
    return listed;
  };
  const site = (token: string) =>
    fetch(h.url + API_V1_ROUTES.site, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    h = await startHarness({ webhooks: { intervalMs: 250 } });
    receiver = await startWebhookReceiver();
    credentials = await h.createAgent('Olga', 'admin');
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    admin = await context.newPage();
    admin.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(admin);
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await receiver?.close();
  });

  it('an admin creates a token, sees it once, the API answers with it; revoked, it is refused', async () => {
    await admin.getByRole('link', { name: 'API tokens' }).click();
    await admin.getByLabel('Name').fill('CRM sync');
    await admin.getByLabel('Access').selectOption({ label: 'Read and write' });
    await admin.getByRole('button', { name: 'Create token' }).click();
    const field = admin.getByLabel('New API token');
    await field.waitFor();
    const token = await field.inputValue();
    expect(token).toMatch(/^fdk_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect((await site(token)).status).toBe(200);
    const item = admin
      .getByRole('listitem')
      .filter({ has: admin.getByRole('heading', { name: 'CRM sync' }) });
    await item.waitFor();
    await admin.screenshot({ path: `${SCREENSHOTS}api-tokens-en-desktop.png`, fullPage: true });
    const blocking = (await runAxe(admin)).filter(isBlocking);
    expect(blocking, formatViolations(blocking)).toEqual([]);
    // Shown once: after a reload the token is nowhere on the page, and its last use is.
    await admin.reload();
    await admin.getByRole('heading', { name: 'CRM sync' }).waitFor();
    expect(await admin.content()).not.toContain(token);
    expect(await admin.getByText('Never used').count()).toBe(0);
    await item.getByRole('button', { name: 'Revoke' }).click();
    await item.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => item.textContent()).toContain('Revoked');
    expect((await site(token)).status).toBe(401);
  });

  it('an admin registers a webhook and sees a delivery in its log', async () => {
    await admin.getByRole('link', { name: 'Webhooks' }).click();
    await admin.getByLabel(/Allow private and local addresses/).check();
    await expect.poll(() => admin.getByLabel(/Allow private and local addresses/).isChecked()).toBe(true);
    await admin.getByLabel('URL').fill(`${receiver.url}/frontdesk`);
    await admin.getByRole('button', { name: 'Add webhook' }).click();
    const hook = admin
      .getByRole('listitem')
      .filter({ has: admin.getByRole('heading', { name: `${receiver.url}/frontdesk` }) });
    await hook.waitFor();
    const v = await h.newVisitor();
    const { conversation } = await openConversation(h, v.socket);
    await call(v.socket, EVENTS.messageSend, {
      conversationId: conversation.id,
      clientId: clientId(),
      body: 'Hello',
    });
    const log = hook.getByRole('region', { name: 'Deliveries' });
    await expect
      .poll(async () => {
        await log.getByRole('button', { name: 'Refresh' }).click();
        return log.textContent();
      })
      .toContain('Delivered');
    expect(receiver.received.some((r) => r.path === '/frontdesk')).toBe(true);
    await admin.screenshot({ path: `${SCREENSHOTS}webhooks-en-desktop.png`, fullPage: true });
    const blocking = (await runAxe(admin)).filter(isBlocking);
    expect(blocking, formatViolations(blocking)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it.each([
    ['en-US', 'phone', { width: 390, height: 844 }],
    ['pl-PL', 'desktop', { width: 1440, height: 900 }],
    ['pl-PL', 'phone', { width: 390, height: 844 }],
  ] as const)('the pages read well (%s, %s)', async (locale, device, viewport) => {
    await ensureListed();
    const context = await browser.newContext({ viewport, locale });
    const page = await context.newPage();
    const pl = locale === 'pl-PL';
    await signIn(page, pl ? { email: 'E-mail', password: 'Hasło', submit: 'Zaloguj się' } : undefined);
    for (const [hash, name, item] of [
      ['#/api-tokens', 'api-tokens', 'Reporting'],
      ['#/webhooks', 'webhooks', `${receiver.url}/orders`],
    ] as const) {
      await page.goto(`${h.origin}/console/${hash}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('heading', { name: item }).waitFor();
      await page.screenshot({
        path: `${SCREENSHOTS}${name}-${locale.slice(0, 2)}-${device}.png`,
        fullPage: true,
      });
      const blocking = (await runAxe(page)).filter(isBlocking);
      expect(blocking, formatViolations(blocking)).toEqual([]);
    }
    await context.close();
  });
});
