import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import { runContactsCommand, seededContact } from './cli.ts';

describe('contacts CLI', () => {
  it('seeds contacts and times a search over them', async () => {
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
      await runContactsCommand('contacts:seed', ['--count', '1200', '--site', site.key], { storage, out }),
    ).toBe(0);
    expect(lines[0]).toMatch(/^Seeded 1200 contacts on seed-site in [\d.]+ s\.$/);
    expect((await storage.listContacts({ siteId: site.id, limit: 2000 })).length).toBe(1200);
    const wanted = seededContact(321, Date.now());
    expect(
      await runContactsCommand(
        'contacts:search',
        ['--site', site.key, '--q', wanted.email ?? '', '--runs', '2'],
        {
          storage,
          out,
        },
      ),
    ).toBe(0);
    expect(lines[1]).toMatch(/: 1 on the first page; median [\d.]+ ms/);
    await expect(
      runContactsCommand('contacts:seed', ['--count', 'lots', '--site', site.key], { storage, out }),
    ).rejects.toThrow(/--count/);
    await storage.close();
  });
});
