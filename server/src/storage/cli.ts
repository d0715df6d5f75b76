/**
 * The database commands of the CLI (issue 11):
 *   migrate [--database URL]             applies pending migrations and says which
 *   db:copy --to URL [--from URL] [--batch N]   copies an install into an empty database, verified
 * URLs are spelled like `DATABASE_URL` (sqlite:<file> or postgres://…); the default is the configured one.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.ts';
import { AppError } from '../kernel/errors.ts';
import { type CopyProgress, copyDatabase, openForCopy } from './copy.ts';
import { type DatabaseTarget, openStorage } from './open.ts';

export const DB_USAGE = `  pnpm frontdesk migrate [--database URL]   (applies pending migrations only)
  pnpm frontdesk db:copy --to postgres://… [--from URL] [--batch 500]   (into an EMPTY database; stop the servers first)`;

export type Terminal = { out: (line: string) => void; isTTY?: boolean; write?: (text: string) => void };

function targetOf(url: string | undefined, env: NodeJS.ProcessEnv): DatabaseTarget {
  return loadConfig(url === undefined ? env : { ...env, DATABASE_URL: url }).database;
}

/** Where a URL's password would be printed, `***`. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.engine === 'sqlite') return `sqlite:${target.file}`;
  const url = new URL(target.url);
  if (url.password) url.password = '***';
  return url.href;
}

const BAR_WIDTH = 24;

/**
 * A progress bar redrawn in place on a terminal; in a log (not a TTY) one plain line per finished
 * table, so logs carry no carriage returns or escape codes.
 */
export function progressReporter(terminal: Terminal): (p: CopyProgress) => void {
  let lastDrawn = '';
  return (p) => {
    const ratio = p.allTotal === 0 ? 1 : p.allCopied / p.allTotal;
    const filled = Math.round(ratio * BAR_WIDTH);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.floor(ratio * 100)
      .toString()
      .padStart(3)}%  ${p.table} ${p.copied}/${p.total}`;
    if (terminal.isTTY && terminal.write) {
      if (line !== lastDrawn) terminal.write(`\r${line.padEnd(lastDrawn.length)}`);
      lastDrawn = line;
      if (p.allCopied === p.allTotal && p.copied === p.total) terminal.write('\n');
    } else if (p.copied === p.total) {
      terminal.out(`${p.table}: ${p.total} rows copied (${Math.floor(ratio * 100)}% of all rows)`);
    }
  };
}

export async function runDbCommand(
  command: 'migrate' | 'db:copy',
  args: string[],
  terminal: Terminal,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { out } = terminal;
  try {
    if (command === 'migrate') {
      const { values } = parseArgs({ args, options: { database: { type: 'string' } } });
      const target = targetOf(values.database, env);
      const storage = openStorage(target);
      try {
        const applied = await storage.migrate();
        for (const name of applied) out(`Applied ${name}`);
        out(
          applied.length === 0
            ? `${describeTarget(target)} is up to date.`
            : `${describeTarget(target)} is up to date (${applied.length} migration${applied.length === 1 ? '' : 's'} applied).`,
        );
        return 0;
      } finally {
        await storage.close();
      }
    }
    const { values } = parseArgs({
      args,
      options: { from: { type: 'string' }, to: { type: 'string' }, batch: { type: 'string' } },
    });
    if (!values.to) throw new AppError('bad_request', 'say where to copy: db:copy --to postgres://…');
    const batchSize = values.batch === undefined ? undefined : Number(values.batch);
    if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 5000)) {
      throw new AppError('bad_request', '--batch must be a whole number from 1 to 5000');
    }
    const from = targetOf(values.from, env);
    const to = targetOf(values.to, env);
    if (describeTarget(from) === describeTarget(to)) {
      throw new AppError('bad_request', 'the source and the target are the same database');
    }
    out(`Copying ${describeTarget(from)} → ${describeTarget(to)}`);
    const source = openForCopy(from, { readonly: true });
    const target = openForCopy(to, { readonly: false });
    try {
      const summary = await copyDatabase(source, target, {
        batchSize,
        onProgress: progressReporter(terminal),
      });
      for (const name of summary.applied) out(`Target: applied ${name}`);
      const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
      out('Verified row counts:');
      for (const { table, rows } of summary.tables) out(`  ${table.padEnd(14)} ${rows}`);
      out(`Verified last_seq and highest message seq of ${summary.conversationsVerified} conversations.`);
      out(
        `Copied ${rows} rows in ${(summary.ms / 1000).toFixed(1)} s. Point DATABASE_URL at the target and start.`,
      );
      return 0;
    } finally {
      await source.destroy();
      await target.destroy();
    }
  } catch (error) {
    // Our own refusals, a bad URL, and a database that cannot be reached (its driver's error code).
    if (
      error instanceof AppError ||
      error instanceof ConfigError ||
      (error instanceof Error && 'code' in error)
    ) {
      out(`Error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
