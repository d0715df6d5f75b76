import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import { runReportsCommand } from './cli.ts';

describe('reports CLI', () => {
  it('seeds a history, times the whole report over it, refuses a wrong count of runs', async () => {
    const storage = openSqliteStorage(':memory:');
    await storage.migrate();
    const site = await storage.createSite({
      key: 'report-site',
      name: 'Reports',
      allowedOrigins: [],
      settings: DEFAULT_SITE_SETTINGS,
    });
    const lines: string[] = [];
    const deps = {
      storage,
      out: (line: string) => lines.push(line),
      now: () => Date.parse('2026-06-30T12:00:00Z'),
    };
    expect(
      await runReportsCommand('reports:seed', ['--count', '1500', '--days', '30', '--site', site.key], deps),
    ).toBe(0);
    expect(lines).toHaveLength(1); // no progress line below 10 000
    expect(lines[0]).toMatch(/^Seeded 1500 conversations over 30 days into report-site in [\d.]+ s\.$/);
    expect(
      await runReportsCommand(
        'reports:time',
        ['--site', site.key, '--from', '2026-05-01', '--to', '2026-06-30', '--runs', '3'],
        deps,
      ),
    ).toBe(0);
    // Every seeded conversation starts within the 30 days before "now", all inside the range.
    expect(lines[1]).toBe('Report of report-site 2026-05-01 … 2026-06-30 (UTC): 1500 conversations.');
    expect(lines[2]).toMatch(/^runs: \d+ \d+ \d+ ms$/);
    expect(lines[3]).toMatch(/^median: \d+ ms over 3 runs$/);
    await expect(
      runReportsCommand('reports:time', ['--site', site.key, '--runs', '0'], deps),
    ).rejects.toThrow('--runs must be a whole number from 1 to 1000');
    await expect(runReportsCommand('reports:time', ['--site', 'nope'], deps)).rejects.toThrow(
      'no site with key "nope" (start the server once to create the demo site)',
    );
    await storage.close();
  });
});
