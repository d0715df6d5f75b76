/**
 * Issue 12, the look: the real console App on an in-memory client seeded with a verified customer
 * (`server/console/src/testing/contacts-look.tsx`, bundled here with esbuild; no server), opened in
 * Chromium at desktop (1440) and phone (390) widths in English and Polish. Screenshots of the contact
 * panel beside a conversation and of the Contacts page go to test/artifacts; axe-core finds no serious
 * or critical problem on either; markup in a contact's name stays text (R4).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';

const CONSOLE = fileURLToPath(new URL('../../server/console/src/', import.meta.url));

const WIDTHS = [
  { name: 'desktop', viewport: { width: 1440, height: 1000 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

const WORDS = {
  en: {
    panel: 'Visitor details',
    details: 'Details',
    contacts: 'Contacts',
    attributes: 'Attributes',
    conversation: /Where is my kettle/,
  },
  pl: {
    panel: 'Dane klienta',
    details: 'Szczegóły',
    contacts: 'Kontakty',
    attributes: 'Atrybuty',
    conversation: /Where is my kettle/,
  },
} as const;

async function bundle(): Promise<{ js: string; css: string }> {
  const result = await build({
    entryPoints: [`${CONSOLE}testing/contacts-look.tsx`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: '/look',
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text;
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text;
  if (!js || !css) throw new Error('esbuild produced no bundle');
  return { js, css };
}

describeInBrowser('contacts look in the browser (in-memory data)', () => {
  let browser: Browser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const { js, css } = await bundle();
    const html = (await readFile(`${CONSOLE}testing/contacts-look.html`, 'utf8')).replace(
      '<script type="module" src="./contacts-look.tsx"></script>',
      '<link rel="stylesheet" href="/look.css" /><script type="module" src="/look.js"></script>',
    );
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const [type, body] =
        path === '/look.js'
          ? ['text/javascript', js]
          : path === '/look.css'
            ? ['text/css', css]
            : ['text/html; charset=utf-8', html];
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(lang: 'en' | 'pl', viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: lang === 'pl' ? 'pl-PL' : 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${base}/?locale=${lang}#/`);
    Object.assign(page, { errors });
    return page;
  }

  for (const lang of ['en', 'pl'] as const) {
    for (const width of WIDTHS) {
      it(`${lang} ${width.name}: the contact panel beside a conversation, and the Contacts page`, async () => {
        const page = await open(lang, width.viewport);
        const words = WORDS[lang];
        await page.getByRole('button', { name: words.conversation }).first().click();
        // Issue 14: on a phone the visitor's details are a step of their own, after the conversation.
        if (width.name === 'phone') await page.getByRole('button', { name: words.details }).click();
        const panel = page.getByRole('complementary', { name: words.panel });
        await panel.getByRole('heading', { name: words.attributes }).waitFor();
        await page.screenshot({
          path: `${ARTIFACTS}contact-panel-${lang}-${width.name}.png`,
          fullPage: width.name === 'phone',
        });
        if (width.name === 'desktop') {
          await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
          await page.screenshot({ path: `${ARTIFACTS}contact-panel-${lang}-${width.name}-lower.png` });
        }
        const panelViolations = (await runAxe(page)).filter(isBlocking);
        expect(panelViolations, formatViolations(panelViolations)).toEqual([]);

        await page.getByRole('link', { name: words.contacts, exact: true }).click();
        await page.getByRole('heading', { name: words.contacts, level: 1 }).waitFor();
        await page.getByRole('link', { name: 'Ada Nowak' }).waitFor();
        // R4: a name with markup is text in the list.
        await expect(page.getByText('Eve <img src=x onerror=alert(1)>').count()).resolves.toBe(1);
        await page.screenshot({
          path: `${ARTIFACTS}contacts-page-${lang}-${width.name}.png`,
          fullPage: true,
        });
        const listViolations = (await runAxe(page)).filter(isBlocking);
        expect(listViolations, formatViolations(listViolations)).toEqual([]);

        await page.getByRole('link', { name: 'Ada Nowak' }).click();
        await page.getByRole('heading', { name: 'Ada Nowak', level: 2 }).waitFor();
        await page.screenshot({
          path: `${ARTIFACTS}contact-record-${lang}-${width.name}.png`,
          fullPage: true,
        });
        expect((page as unknown as { errors: string[] }).errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});
