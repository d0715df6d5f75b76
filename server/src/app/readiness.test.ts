/**
 * Health (issue 11): `/healthz` is "process alive" and asks no database; `/readyz` asks the
 * database with a short timeout, answers 503 with the reason while it is unreachable, and the
 * change ready ↔ degraded is logged once per transition, not per request.
 */
import { Writable } from 'node:stream';
import { ROUTES } from '@frontdesk/shared';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.ts';
import { postgresForThisFile, TEST_DATABASE_URL } from '../testing/postgres.ts';
import { createReadiness, type HealthCheck } from './readiness.ts';

function capturedLogger() {
  const lines: { level: number; msg: string; reasons?: string[] }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

const transitions = (lines: { msg: string }[]) =>
  lines.filter((l) => l.msg.startsWith('degraded') || l.msg.startsWith('ready again')).map((l) => l.msg);

describe('readiness', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names the failing check, logs each transition once, and treats a check that hangs as down', async () => {
    vi.useFakeTimers();
    const { logger, lines } = capturedLogger();
    let database: 'up' | 'down' | 'hangs' = 'up';
    const check: HealthCheck = {
      name: 'database',
      check: () =>
        database === 'up'
          ? Promise.resolve()
          : database === 'down'
            ? Promise.reject(new Error('connection refused'))
            : new Promise<void>(() => {}),
    };
    const readiness = createReadiness([check], logger, 1000);
    expect(await readiness.probe()).toEqual({ ready: true });
    database = 'down';
    expect(await readiness.probe()).toEqual({ ready: false, reasons: ['database: connection refused'] });
    expect(await readiness.probe()).toEqual({ ready: false, reasons: ['database: connection refused'] });
    database = 'hangs';
    const hanging = readiness.probe();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await hanging).toEqual({ ready: false, reasons: ['database: no answer within 1000 ms'] });
    database = 'up';
    expect(await readiness.probe()).toEqual({ ready: true });
    expect(await readiness.probe()).toEqual({ ready: true });
    expect(transitions(lines)).toEqual([
      'degraded: a dependency does not answer',
      'ready again: every dependency answers',
    ]);
  });

  it('asks the checks added later (Redis) too', async () => {
    const { logger } = capturedLogger();
    const readiness = createReadiness([{ name: 'database', check: async () => {} }], logger);
    readiness.add({ name: 'redis', check: () => Promise.reject(new Error('ECONNREFUSED')) });
    expect(await readiness.probe()).toEqual({ ready: false, reasons: ['redis: ECONNREFUSED'] });
  });
});

const database = await postgresForThisFile();

async function onMaintenance(statement: string) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.skipIf(!database)('/healthz and /readyz on PostgreSQL', () => {
  let h: Harness | undefined;
  afterAll(async () => {
    if (database) await onMaintenance(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS true`);
    await h?.close();
  });

  it('PostgreSQL unreachable: /readyz 503 with the reason and one log line, /healthz still 200; back: 200 and one line', async () => {
    if (!database) return;
    const { logger, lines } = capturedLogger();
    h = await startHarness({ databaseUrl: database.url, logger });
    const get = async (route: string) => {
      const res = await fetch(h?.url + route);
      return { status: res.status, body: (await res.json()) as { status: string; reasons?: string[] } };
    };
    expect(await get(ROUTES.ready)).toEqual({ status: 200, body: { status: 'ready' } });

    // The database stops taking connections and every open one is ended.
    await onMaintenance(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS false`);
    await onMaintenance(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database.name}' AND pid <> pg_backend_pid()`,
    );
    for (let i = 0; i < 3; i++) {
      const ready = await get(ROUTES.ready);
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('degraded');
      expect(ready.body.reasons?.[0]).toMatch(/^database: /);
      expect(await get(ROUTES.health)).toEqual({ status: 200, body: { ok: true, status: 'ok' } });
    }
    expect(transitions(lines)).toEqual(['degraded: a dependency does not answer']);

    await onMaintenance(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS true`);
    expect(await get(ROUTES.ready)).toEqual({ status: 200, body: { status: 'ready' } });
    expect(await get(ROUTES.ready)).toEqual({ status: 200, body: { status: 'ready' } });
    expect(transitions(lines)).toEqual([
      'degraded: a dependency does not answer',
      'ready again: every dependency answers',
    ]);
  }, 30_000);
});
