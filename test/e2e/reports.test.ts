/**
 * Issue 15 in Chromium, on the real server: the hand-computed history of `reports/fixture.ts` in the
 * demo site (UTC days), an admin opens Reports, picks 5–11 January 2026, sees the figures, the uPlot
 * chart drawn on its canvas and the heat map, and downloads CSVs whose content is exactly the
 * report's. axe-core finds nothing serious or critical. Screenshots at 1440 and 390 px, English and
 * Polish, go to docs/screenshots.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURE_QUERY, reportFixture, startHarness } from '@frontdesk/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatViolations, isBlocking, runAxe } from '../support/axe.ts';
import { describeInBrowser, launchBrowser } from '../support/browser.ts';
import { signInToConsole } from '../support/console-sign-in.ts';

type Harness = Awaited<ReturnType<typeof startHarness>>;

const SCREENSHOTS = join(import.meta.dirname, '../../docs/screenshots');
const PASSWORD = 'a long admin password';

const WORDS = {
  en: {
    reports: 'Reports',
    from: 'From',
    to: 'To',
    show: 'Show',
    conversations: 'Conversations',
  },
  pl: {
    reports: 'Raporty',
    from: 'Od',
    to: 'Do',
    show: 'Pokaż',
    conversations: 'Rozmowy',
  },
} as const;

describeInBrowser('reports page', () => {
  let h: Harness;
  let browser: Browser;
  let email = '';

  beforeAll(async () => {
    h = await startHarness();
    email = `reports-admin-${Date.now()}@example.com`;
    const ada = await h.agents.create({ email, name: 'Ada', password: PASSWORD, role: 'admin' }, [h.site.id]);
    const bob = await h.agents.create(
      { email: `bob-${Date.now()}@example.com`, name: 'Bob', password: PASSWORD, role: 'agent' },
      [h.site.id],
    );
    await h.storage.insertHistory(h.site.id, reportFixture({ a: ada.id, b: bob.id }, 'e2e-'));
    await h.storage.createTeam({ siteId: h.site.id, name: 'Sales', agentIds: [ada.id, bob.id] });
    await h.storage.createTeam({ siteId: h.site.id, name: 'Support', agentIds: [ada.id] });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function openReports(locale: 'en' | 'pl', width: number): Promise<Page> {
    const context = await browser.newContext({
      locale: locale === 'pl' ? 'pl-PL' : 'en-US',
      viewport: { width, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const w = WORDS[locale];
    await signInToConsole(page, h.origin, { email, password: PASSWORD }, { locale, waitForList: false });
    const link = page.getByRole('link', { name: w.reports });
    await link.click();
    await page.getByLabel(w.from, { exact: true }).fill(FIXTURE_QUERY.from);
    await page.getByLabel(w.to, { exact: true }).fill(FIXTURE_QUERY.to);
    await page.getByRole('button', { name: w.show }).click();
    // The chart of the chosen week (the 30 days shown first are drawn before it).
    await page
      .locator(`.report-chart[data-ready="${FIXTURE_QUERY.from}/${FIXTURE_QUERY.to}"] canvas`)
      .first()
      .waitFor();
    return page;
  }

  it('figures, chart and heat map for the seeded week; the CSVs hold exactly the report; axe is clean', async () => {
    const page = await openReports('en', 1440);
    const figure = page.locator('.reports__figure', { hasText: 'Conversations' }).first();
    // UTC days: c1…c8 (c8 starts 23:00 UTC on the 11th); the previous week: c9, c10 (c11 is on 28 December).
    await expect.poll(() => figure.locator('.reports__figure-value').textContent()).toBe('8');
    await expect
      .poll(() => figure.locator('.reports__figure-previous').textContent())
      .toBe('previous period: 2');
    const canvas = page.locator('.report-chart canvas').first();
    expect((await canvas.boundingBox())?.width ?? 0).toBeGreaterThan(200);
    await expect
      .poll(() => page.getByRole('table', { name: 'Conversations by weekday and hour' }).count())
      .toBe(1);

    const download = async (table: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Download CSV: ${table}` }).click(),
      ]);
      return { name: file.suggestedFilename(), text: await readFile((await file.path()) ?? '', 'utf8') };
    };
    expect(await download('Conversations per day')).toEqual({
      name: 'conversations-per-day_2026-01-05_2026-01-11.csv',
      text: 'Day,Conversations\r\n2026-01-05,2\r\n2026-01-06,1\r\n2026-01-07,1\r\n2026-01-08,1\r\n2026-01-09,1\r\n2026-01-10,0\r\n2026-01-11,2\r\n',
    });
    expect((await download('Rating comments')).text).toBe(
      'Started,Rating,Comment\r\n2026-01-06T23:30:00.000Z,2,Slow\r\n2026-01-05T08:30:00.000Z,5,Great help\r\n',
    );
    expect((await download('Questions the bot missed')).text).toBe(
      'Question,Count,Last asked\r\nwhere is my parcel,2,2026-01-11T22:59:59.000Z\r\ndo you ship to Norway,1,2026-01-08T12:00:00.000Z\r\n',
    );

    // Teams (the members' conversations: Sales = Ada and Bob, Support = Ada), then the team filter.
    expect(await download('Teams')).toEqual({
      name: 'teams_2026-01-05_2026-01-11.csv',
      text:
        'Team,Members,Taken,Resolved,First response (median / p90),Resolution (median / p90),Satisfaction\r\n' +
        'Sales,2,3,3,2 min / 5 min,20 min / 1 h,3.67\r\nSupport,1,2,2,1 min / 2 min,10 min / 20 min,4.50\r\n',
    });
    await page.getByLabel('Agents of').selectOption({ label: 'Support' });
    await page.getByRole('table', { name: 'Agents — Support' }).waitFor();
    expect((await download('Agents — Support')).text).toBe(
      'Agent,Taken,Resolved,First response (median / p90),Satisfaction\r\nAda,2,2,1 min / 2 min,4.50\r\n',
    );

    const violations = (await runAxe(page)).filter(isBlocking);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.context().close();
  });

  it('looks right at desktop and phone width, in English and Polish (screenshots)', async () => {
    for (const locale of ['en', 'pl'] as const) {
      for (const [name, width] of [
        ['desktop', 1440],
        ['phone', 390],
      ] as const) {
        const page = await openReports(locale, width);
        await expect.poll(() => page.locator('.reports__figure-value').first().textContent()).toBe('8');
        await page.screenshot({ path: join(SCREENSHOTS, `reports-${name}-${locale}.png`), fullPage: true });
        const violations = (await runAxe(page)).filter(isBlocking);
        expect(violations, `${locale} ${name}: ${formatViolations(violations)}`).toEqual([]);
        await page.context().close();
      }
    }
  }, 240_000);
});
