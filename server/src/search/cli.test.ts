import { searchTerms } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import { runSearchCommand, seededConversation } from './cli.ts';

describe('conversations CLI', () => {
  it('seeds conversations with messages and times a search over them', async () => {
    const storage = openSqliteStorage(':memory:');
    await storage.migrate();
    const site = await storage.createSite({
      key: 'seed-site',
      name: 'Seed',
      allowedOrigins: [],
      settings: DEFAULT_SITE_SETTINGS,
    });
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    expect(
      await runSearchCommand('conversations:seed', ['--count', '600', '--site', site.key], { storage, out }),
    ).toBe(0);
    expect(lines[0]).toMatch(/^Seeded 600 conversations \(1800 messages\) on seed-site in [\d.]+ s\.$/);
    const all = await storage.searchConversations({
      siteIds: [site.id],
      terms: [],
      filters: {},
      cursor: null,
      limit: 1000,
    });
    expect(all.hits).toHaveLength(600);
    // The rare word of the seed is in every 50th conversation's first message (i % 50 === 7, even runs).
    const rare = await storage.searchConversations({
      siteIds: [site.id],
      terms: searchTerms('zwrot'),
      filters: {},
      cursor: null,
      limit: 50,
    });
    const expected = Array.from({ length: 600 }, (_, i) => seededConversation(i, 0)).filter((c) =>
      c.messages.some((m) => m.body.includes('zwrotu')),
    ).length;
    expect(expected).toBeGreaterThan(0);
    expect(rare.hits).toHaveLength(expected);
    expect(
      await runSearchCommand('conversations:search', ['--site', site.key, '--q', 'zolty', '--runs', '2'], {
        storage,
        out,
      }),
    ).toBe(0);
    expect(lines[1]).toMatch(/^Search \{"q":"zolty".*: \d+ on the first page.*; median [\d.]+ ms/);
    await expect(
      runSearchCommand('conversations:seed', ['--count', 'lots', '--site', site.key], { storage, out }),
    ).rejects.toThrow(/--count/);
    await storage.close();
  });
});
