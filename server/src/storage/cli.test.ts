/** `pnpm frontdesk migrate` (issue 11): applies the migrations alone and says which. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.ts';
import { describeTarget } from './cli.ts';
import { MIGRATIONS } from './migrations.ts';

describe('migrate', () => {
  it('applies every migration to a new database, then nothing; --database picks the database', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'frontdesk-migrate-')), 'other.db');
    const out: string[] = [];
    expect(await runCli(['migrate', '--database', `sqlite:${file}`], (l) => out.push(l), {})).toBe(0);
    expect(out).toEqual([
      ...Object.keys(MIGRATIONS).map((name) => `Applied ${name}`),
      `sqlite:${file} is up to date (${Object.keys(MIGRATIONS).length} migrations applied).`,
    ]);
    out.length = 0;
    expect(await runCli(['migrate'], (l) => out.push(l), { DATABASE_URL: `sqlite:${file}` })).toBe(0);
    expect(out).toEqual([`sqlite:${file} is up to date.`]);
  });

  it('says why when the database cannot be reached or the URL is wrong, and never prints a password', async () => {
    const out: string[] = [];
    const closed = 'postgres://frontdesk:secret@127.0.0.1:1/frontdesk';
    expect(await runCli(['migrate', '--database', closed], (l) => out.push(l), {})).toBe(1);
    expect(out.at(-1)).toMatch(/^Error: /);
    expect(out.join('\n')).not.toContain('secret');
    expect(await runCli(['migrate', '--database', 'mysql://x'], (l) => out.push(l), {})).toBe(1);
    expect(out.at(-1)).toContain('DATABASE_URL must be');
    expect(describeTarget({ engine: 'postgres', url: closed })).toBe(
      'postgres://frontdesk:***@127.0.0.1:1/frontdesk',
    );
  });
});

describe('db:copy refuses before touching the target', () => {
  const closedTarget = 'postgres://postgres@127.0.0.1:1/nowhere';

  it('a source with a table it does not know (a future table is never skipped silently)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'frontdesk-copy-')), 'source.db');
    expect(await runCli(['migrate', '--database', `sqlite:${file}`], () => {}, {})).toBe(0);
    const db = new Database(file);
    db.exec('create table surveys (id text primary key)');
    db.close();
    const out: string[] = [];
    expect(
      await runCli(['db:copy', '--from', `sqlite:${file}`, '--to', closedTarget], (l) => out.push(l), {}),
    ).toBe(1);
    expect(out.at(-1)).toBe(
      'Error: the source has tables db:copy does not know: surveys (add them to COPY_TABLES in server/src/storage/copy.ts)',
    );
  });

  it('a source not migrated to the latest schema, and a missing --to', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'frontdesk-copy-')), 'source.db');
    new Database(file).close();
    const out: string[] = [];
    expect(
      await runCli(['db:copy', '--from', `sqlite:${file}`, '--to', closedTarget], (l) => out.push(l), {}),
    ).toBe(1);
    expect(out.at(-1)).toMatch(
      /^Error: the source database lacks migrations 0001_initial, .*run `pnpm frontdesk migrate` on it first$/,
    );
    expect(await runCli(['db:copy'], (l) => out.push(l), {})).toBe(1);
    expect(out.at(-1)).toBe('Error: say where to copy: db:copy --to postgres://…');
  });
});
