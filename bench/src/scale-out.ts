/**
 * The scale-out targets, run from the orchestrator: Frontdesk on one node with PostgreSQL, and on two
 * nodes with PostgreSQL + Redis. Each gets a fresh database (unique name, dropped after) and a unique
 * Redis prefix (its keys deleted after); a target whose PostgreSQL or Redis is not reachable is skipped
 * with the reason.
 */
import { randomBytes } from 'node:crypto';
import { type BenchDatabase, createBenchDatabase } from './infra/postgres.ts';
import { type BenchRedis, openBenchRedis } from './infra/redis.ts';
import { placement } from './load/nodes.ts';
import type { ScaleOutName, ScaleOutOutcome } from './scale-out-report.ts';
import { type Log, runTarget, type ServerPlan, type TargetSetup } from './server-load.ts';

/** Every node of a multi-node install shares the secret (README, "Run several nodes"). */
const sharedSecret = () => randomBytes(32).toString('base64url');

function setupFor(target: ScaleOutName, database: BenchDatabase, redis: BenchRedis | null): TargetSetup {
  const postgres = () => database.backendsCpu();
  if (target === 'postgres' || !redis)
    return {
      name: target,
      kind: 'frontdesk',
      nodes: [{ databaseUrl: database.url }],
      samplers: { postgres },
    };
  const env = { REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix, SECRET: sharedSecret() };
  return {
    name: target,
    kind: 'frontdesk',
    nodes: [
      { databaseUrl: database.url, env },
      { databaseUrl: database.url, env },
    ],
    samplers: { postgres, redis: () => redis.serverCpu() },
  };
}

async function runOne(target: ScaleOutName, plan: ServerPlan, log: Log): Promise<ScaleOutOutcome> {
  const database = await createBenchDatabase();
  if ('unavailable' in database) return { target, skipped: database.unavailable };
  let redis: BenchRedis | null = null;
  try {
    if (target === 'two-nodes') {
      const opened = await openBenchRedis();
      if ('unavailable' in opened) return { target, skipped: opened.unavailable };
      redis = opened;
    }
    if (database.cpuUnavailable) log(`  ${target}: PostgreSQL CPU not measured: ${database.cpuUnavailable}`);
    log(`  ${target}: database ${database.name}${redis ? `, Redis prefix ${redis.prefix}` : ''}`);
    const setup = setupFor(target, database, redis);
    const pairs = Math.max(...plan.sizes);
    try {
      const run = await runTarget(setup, plan, log);
      return { target, run, placement: setup.nodes.length > 1 ? placement(pairs, plan.topology, 2) : null };
    } catch (error) {
      // One target failing (e.g. a node that would not start) must not cost the rest of the run.
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      return { target, skipped: `the run failed: ${message}` };
    }
  } finally {
    await redis?.drop().catch(() => {});
    await database
      .drop()
      .catch((error: unknown) =>
        log(`  ${target}: could not drop ${database.name}: ${(error as Error).message}`),
      );
  }
}

export async function runScaleOut(plan: ServerPlan, log: Log): Promise<ScaleOutOutcome[]> {
  const outcomes: ScaleOutOutcome[] = [];
  for (const target of ['postgres', 'two-nodes'] as const) {
    log(
      `server: Frontdesk, ${target === 'postgres' ? 'one node on PostgreSQL' : 'two nodes on PostgreSQL + Redis'}`,
    );
    const outcome = await runOne(target, plan, log);
    if ('skipped' in outcome) log(`  ${target}: skipped — ${outcome.skipped}`);
    outcomes.push(outcome);
  }
  return outcomes;
}
