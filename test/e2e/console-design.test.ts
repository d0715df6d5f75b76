/**
 * Issue 14, the design pass: the real console App on an in-memory client seeded with a day's work
 * (`server/console/src/testing/design-look.tsx`, no server) in Chromium. Every console page, at
 * desktop (1440) and phone (390) width, light and dark colour scheme: axe-core finds no serious or
 * critical problem and the page never scrolls sideways. The empty console (nothing seeded) is checked
 * the same way. Screenshots of the main pages at 1440, 1024 and 390 px, light and dark, English and
 * Polish, go to test/artifacts/console-*.png (the chosen ones are kept in docs/screenshots/).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page as ConsolePage } from '../../server/console/src/app/routes.ts';
import { formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { ARTIFACTS, describeInBrowser, launchBrowser } from '../support/browser.ts';
import { type ConsoleLook, serveConsoleLook } from '../support/console-look.ts';

/** Every console page (the design look signs in an admin, so the admin pages are there too). */
const PAGES = [
  'conversations',
  'search',
  'contacts',
  'faq',
  'canned',
  'unanswered',
  'reports',
  'settings',
  'appearance',
  'sites',
  'agents',
  'profile',
  'outbox',
  'routing',
  'api-tokens',
  'webhooks',
] as const satisfies readonly ConsolePage[];
type PageName = (typeof PAGES)[number];
/** What a page opens on for the look: the search page with words typed, so it shows results. */
const HASH: Partial<Record<PageName, string>> = { conversations: '#/', search: '#/search/q:zwrot' };

const WORDS = {
  en: {
    menu: 'Menu',
    theme: 'Theme',
    details: 'Details',
    backToConversation: 'Back to conversation',
    backToList: 'Back to the list',
  },
  pl: {
    menu: 'Menu',
    theme: 'Motyw',
    details: 'Szczegóły',
    backToConversation: 'Wróć do rozmowy',
    backToList: 'Wróć do listy',
  },
} as const;

const WIDTHS = { desktop: 1440, laptop: 1024, phone: 390 } as const;
/**
 * A hang guard for the tests that walk every page (axe on each, or a dozen screenshots): on a machine
 * at load 70 one page can take several seconds, so the default 60 s catches nothing but slowness.
 */
const EVERY_PAGE_GUARD_MS = 300_000;
type Width = keyof typeof WIDTHS;
type Scheme = 'light' | 'dark';
type Lang = 'en' | 'pl';

describeInBrowser('console design (every page, both widths, both schemes)', () => {
  let browser: Browser;
  let look: ConsoleLook;

  beforeAll(async () => {
    look = await serveConsoleLook('design-look.tsx');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await look?.close();
  });

  async function open(o: { lang: Lang; width: Width; scheme: Scheme; empty?: boolean }) {
    const context = await browser.newContext({
      viewport: { width: WIDTHS[o.width], height: o.width === 'phone' ? 844 : 900 },
      colorScheme: o.scheme,
      locale: o.lang === 'pl' ? 'pl-PL' : 'en-US',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${look.base}/?locale=${o.lang}${o.empty ? '&data=empty' : ''}#/`);
    await page.getByRole('main').first().waitFor();
    return { page, errors };
  }

  /** Shows a page and waits until it has loaded (no loading line left). */
  async function show(page: Page, name: PageName, empty = false) {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, HASH[name] ?? `#/${name}`);
    await page.locator('main:visible').first().waitFor();
    await expect.poll(() => page.locator('[role="status"][aria-busy="true"]:visible').count()).toBe(0);
    if (name === 'conversations' && !empty) {
      // One of the agent's own conversations (another one keeps its unread count in the list).
      await page.locator('button[data-row]', { hasText: 'Jan Wiśniewski' }).click();
      await page.getByRole('log').first().waitFor();
    }
    if (name === 'search' && !empty) await page.locator('.search-hit').first().waitFor();
    if (name === 'reports' && !empty) await page.locator('.reports__figures').waitFor();
    if (name === 'appearance') await page.frameLocator('iframe').first().locator('body').waitFor();
  }

  /**
   * Controls left with the browser's default look: a text field, select, text area, checkbox or
   * button that is not in the console's font, or has a border with square corners (the default
   * inset/outset look). Returns one line per control found.
   */
  function bareControls(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const font = getComputedStyle(document.documentElement).fontFamily;
      const found: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('input, select, textarea, button')) {
        if (!el.getClientRects().length || el.closest('iframe')) continue;
        const s = getComputedStyle(el);
        const bordered = Number.parseFloat(s.borderTopWidth) > 0;
        const problems = [
          // The console's font, or its monospace one (codes, snippets); never the control default.
          ((s.fontFamily !== font && !s.fontFamily.includes('monospace')) || s.fontSize === '13.3333px') &&
            'browser font',
          bordered && s.borderTopLeftRadius === '0px' && 'square border',
          ['inset', 'outset'].includes(s.borderTopStyle) && 'native border',
        ].filter(Boolean);
        const name = el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.textContent?.trim() ?? '';
        if (problems.length)
          found.push(
            `<${el.tagName.toLowerCase()} ${el.getAttribute('type') ?? ''}> "${name.slice(0, 40)}": ${problems.join(', ')}`,
          );
      }
      return found;
    });
  }

  async function check(page: Page, label: string) {
    const [scrollWidth, innerWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scrollWidth, `${label}: the page is wider than the window`).toBeLessThanOrEqual(innerWidth!);
    // Nor does the page's own content scroll sideways inside it (a scrolling <main> hides it from the check above).
    const [mainScroll, mainWidth] = await page
      .locator('main:visible')
      .first()
      .evaluate((main) => [main.scrollWidth, main.clientWidth]);
    expect(mainScroll, `${label}: the page's content is wider than its column`).toBeLessThanOrEqual(
      mainWidth!,
    );
    expect(await bareControls(page), `${label}: controls with the browser's default look`).toEqual([]);
    const blocking = (await runAxe(page)).filter(isBlocking);
    expect(formatViolations(blocking), `${label}: serious/critical axe violations`).toBe('');
  }

  for (const width of ['desktop', 'phone'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(
        `axe and reflow on every page (en, ${width}, ${scheme})`,
        async () => {
          const { page, errors } = await open({ lang: 'en', width, scheme });
          for (const name of PAGES) {
            await show(page, name);
            await check(page, `${name} (${width}, ${scheme})`);
          }
          expect(errors).toEqual([]);
          await page.context().close();
        },
        EVERY_PAGE_GUARD_MS,
      );
    }
  }

  for (const [width, scheme] of [
    ['phone', 'dark'],
    ['desktop', 'light'],
  ] as const) {
    it(
      `axe and reflow on every page with nothing in it (pl, ${width}, ${scheme})`,
      async () => {
        const { page, errors } = await open({ lang: 'pl', width, scheme, empty: true });
        for (const name of PAGES) {
          await show(page, name, true);
          await check(page, `${name}, empty (pl, ${width}, ${scheme})`);
        }
        expect(errors).toEqual([]);
        await page.context().close();
      },
      EVERY_PAGE_GUARD_MS,
    );
  }

  for (const width of ['desktop', 'phone'] as const) {
    it(`the sign-in page: axe and reflow (pl, ${width}, light and dark)`, async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({
          viewport: { width: WIDTHS[width], height: 844 },
          colorScheme: scheme,
        });
        const page = await context.newPage();
        await page.goto(`${look.base}/?locale=pl&signed=out#/`);
        await page.getByRole('button', { name: 'Zaloguj się' }).waitFor();
        await check(page, `sign-in (pl, ${width}, ${scheme})`);
        await page.screenshot({ path: `${ARTIFACTS}console-login-pl-${WIDTHS[width]}-${scheme}.png` });
        await context.close();
      }
    });
  }

  it('the theme switch wins over the system scheme, per agent, after a reload too; axe with the menu open', async () => {
    const { page, errors } = await open({ lang: 'en', width: 'desktop', scheme: 'light' });
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.getByRole('button', { name: 'Menu' }).click();
    const theme = page.getByRole('combobox', { name: 'Theme' });
    expect(await theme.inputValue()).toBe('system');
    await check(page, 'account menu open (light)');
    await theme.selectOption('dark');
    await expect.poll(background).not.toBe(light);
    const dark = await background();
    await check(page, 'account menu open (dark chosen on a light system)');
    await page.reload();
    await page.getByRole('main').first().waitFor();
    await expect.poll(background).toBe(dark);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    await expect.poll(background).toBe(light);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  const SHOT_WIDTHS = (name: PageName): Width[] =>
    name === 'conversations' ? ['desktop', 'laptop', 'phone'] : ['desktop', 'phone'];
  for (const lang of ['en', 'pl'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of ['desktop', 'laptop', 'phone'] as const) {
        it(
          `screenshots (${lang}, ${WIDTHS[width]}, ${scheme}; every page at 1440 and 390, conversations also 1024)`,
          async () => {
            const { page, errors } = await open({ lang, width, scheme });
            for (const name of PAGES) {
              if (!SHOT_WIDTHS(name).includes(width)) continue;
              await show(page, name);
              const shot = (suffix = '') =>
                page.screenshot({
                  path: `${ARTIFACTS}console-${name}${suffix}-${lang}-${WIDTHS[width]}-${scheme}.png`,
                });
              await shot();
              if (name !== 'conversations') continue;
              const words = WORDS[lang];
              // The account menu, open.
              await page.getByRole('button', { name: words.menu }).click();
              await page.getByRole('combobox', { name: words.theme }).waitFor();
              await shot('-menu');
              await page.keyboard.press('Escape');
              await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
              // The canned responses popup: `/` typed in the composer (axe-checked open).
              await page.locator('#composer-input').click();
              await page.keyboard.type('/');
              await page.getByRole('listbox').first().waitFor();
              await shot('-canned');
              await check(page, `canned popup open (${lang}, ${width}, ${scheme})`);
              await page.keyboard.press('Escape');
              await page.locator('#composer-input').fill('');
              await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
              if (width !== 'phone') continue;
              // On a phone the list, the conversation and its details are steps of their own.
              await page.getByRole('button', { name: words.details }).click();
              await page.getByRole('button', { name: words.backToConversation }).waitFor();
              await shot('-details');
              await page.getByRole('button', { name: words.backToConversation }).click();
              await page.getByRole('button', { name: words.backToList }).click();
              await page.locator('button[data-row]').first().waitFor();
              await shot('-list');
            }
            expect(errors).toEqual([]);
            await page.context().close();
          },
          EVERY_PAGE_GUARD_MS,
        );
      }
    }
  }
});
