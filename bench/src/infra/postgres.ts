/**
 * PostgreSQL for the bench: a fresh database per target run (unique name, dropped after), created
 * through the maintenance database at `BENCH_DATABASE_URL`, and the CPU time of that database's own
 * backend processes read from `/proc` (only when PostgreSQL runs on this machine).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { procStatTicks } from './proc-cpu.ts';

/** The server the bench's databases are created on (its maintenance database). */
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** pid → CPU microseconds used so far; null when it cannot be read here. */
export type CpuSample = Map<number, number> | null;

export type BenchDatabase = {
  url: string;
  name: string;
  /** CPU used so far by the backends serving this database (not the shared WAL writer, checkpointer…). */
  backendsCpu(): Promise<CpuSample>;
  /** Why `backendsCpu` returns null, if it does. */
  cpuUnavailable: string | null;
  drop(): Promise<void>;
};

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function clockTicksPerSecond(): number {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(out.stdout?.trim());
  return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
}

async function readTicks(pid: number): Promise<number | null> {
  try {
    return procStatTicks(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null; // ended meanwhile
  }
}

/** A fresh database, or the reason PostgreSQL cannot be used (not reachable, no rights…). */
export async function createBenchDatabase(
  server = BENCH_DATABASE_URL,
): Promise<BenchDatabase | { unavailable: string }> {
  const admin = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5000 });
  admin.on('error', () => {});
  const name = `frontdesk_bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end().catch(() => {});
    const where = new URL(server);
    return { unavailable: `PostgreSQL not reachable at ${where.host} (${(error as Error).message})` };
  }
  const url = new URL(server);
  url.pathname = `/${name}`;

  const ticks = clockTicksPerSecond();
  let cpuUnavailable: string | null = null;
  if (!LOCAL_HOSTS.has(url.hostname)) cpuUnavailable = `PostgreSQL is not on this machine (${url.hostname})`;
  else {
    const { rows } = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    if ((await readTicks(rows[0]!.pid)) === null)
      cpuUnavailable = 'its backend processes are not readable in /proc here';
  }

  return {
    url: url.href,
    name,
    cpuUnavailable,
    async backendsCpu() {
      if (cpuUnavailable) return null;
      const { rows } = await admin.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      const sample = new Map<number, number>();
      for (const { pid } of rows) {
        const t = await readTicks(pid);
        if (t !== null) sample.set(pid, Math.round((t * 1e6) / ticks));
      }
      return sample;
    },
    async drop() {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end().catch(() => {});
      }
    },
  };
}
