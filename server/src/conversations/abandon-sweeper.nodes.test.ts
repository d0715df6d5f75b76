/**
 * Issue 11: two nodes, one abandon sweep at a time. Two `AbandonSweeper`s on one PostgreSQL database
 * (two pools, as two processes have), each with its node's lease: on Redis (`RedisSweepLease`) and on
 * PostgreSQL alone (`PostgresSweepLease`). Each "interval" runs both nodes' passes at once, with the
 * clock injected: exactly one node sweeps, always the same one, and the other takes over after the
 * holder stops (lease released) or dies (lease gone as its TTL or its session ends).
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { connectRedis, type RedisNode } from '../redis/connection.ts';
import { RedisSweepLease } from '../redis/sweep-lease.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openPostgresStorage } from '../storage/postgres.ts';
import { PostgresSweepLease } from '../storage/sweep-lease.ts';
import type { Storage } from '../storage/types.ts';
import { postgresForThisFile } from '../testing/postgres.ts';
import { redisForThisFile } from '../testing/redis.ts';
import { AbandonSweeper } from './abandon-sweeper.ts';
import { quietBroadcaster } from './fixtures/quiet-broadcaster.ts';
import type { SweepLease } from './sweep-lease.ts';
import { Transitions } from './transitions.ts';

const database = await postgresForThisFile();
const redis = await redisForThisFile();
const logger = createLogger('silent');
const MIN = 60_000;

const storages: Storage[] = [];
const redisNodes: RedisNode[] = [];
const sweepers: AbandonSweeper[] = [];
afterAll(async () => {
  for (const sweeper of sweepers) await sweeper.stop();
  for (const node of redisNodes) await node.close();
  for (const storage of storages) await storage.close();
});

/** A node: its own pool, its transitions and its sweeper with the given lease; the clock is shared. */
function node(lease: SweepLease, clock: () => Date) {
  const storage = openPostgresStorage(database?.url ?? '', { poolSize: 3 });
  storages.push(storage);
  const transitions = new Transitions(storage, quietBroadcaster(), clock);
  const sweeper = new AbandonSweeper({
    store: storage,
    transitions,
    // Nobody is connected: every idle queued conversation is abandoned by whoever sweeps.
    visitorConnected: async () => false,
    clock,
    logger,
    lease,
  });
  sweepers.push(sweeper);
  return { storage, transitions, sweeper };
}

type Lease = { lease: SweepLease; kill(): Promise<void> };

/** A two-node cluster sharing the database and a clock; `leases` makes each node's lease. */
async function cluster(leases: () => Promise<[Lease, Lease]>) {
  let now = Date.parse('2026-03-02T09:00:00.000Z');
  const clock = () => new Date(now);
  const [leaseA, leaseB] = await leases();
  const a = { ...node(leaseA.lease, clock), kill: leaseA.kill, name: 'A' };
  const b = { ...node(leaseB.lease, clock), kill: leaseB.kill, name: 'B' };
  await Promise.all([a.storage.migrate(), b.storage.migrate()]);
  const site = await a.storage.createSite({
    key: `site-${Math.random().toString(36).slice(2)}`,
    name: 'Shop',
    allowedOrigins: [],
    settings: { ...DEFAULT_SITE_SETTINGS, abandonAfterMinutes: 10 },
  });
  /** One sweep interval: a visitor queues and leaves, 11 minutes pass, both nodes run their pass. */
  async function interval(nodes = [a, b]) {
    const visitor = await a.storage.createVisitor({ siteId: site.id, tokenHash: `h-${Math.random()}` });
    const c = await a.storage.createConversation({ siteId: site.id, visitorId: visitor.id, locale: 'en' });
    await a.transitions.handoff(c.id, 'visitor');
    now += 11 * MIN;
    const turns = await Promise.all(nodes.map((n) => n.sweeper.turn()));
    const state = (await a.storage.getConversation(c.id))?.state;
    return {
      swept: nodes.filter((_, i) => turns[i]?.swept).map((n) => n.name),
      abandoned: turns.reduce((sum, t) => sum + t.abandoned, 0),
      state,
    };
  }
  return { a, b, interval };
}

async function redisNode(): Promise<RedisNode> {
  const node = await connectRedis({ url: redis?.url ?? '', prefix: redis?.prefix ?? '' }, logger);
  redisNodes.push(node);
  return node;
}

let redisLeases = 0;
/** Each node's Redis lease; killing a node drops its connections and lets its key lapse. */
async function onRedis(): Promise<[Lease, Lease]> {
  redisLeases += 1;
  const name = `abandon-sweep-${redisLeases}`;
  const make = async (): Promise<Lease> => {
    const connection = await redisNode();
    const lease = new RedisSweepLease(connection, { ttlMs: 60_000, name });
    return {
      lease,
      async kill() {
        connection.commands.disconnect();
        // What the TTL does a moment later when the holder renews no more, without waiting for it.
        const other = await redisNode();
        await other.commands.del(lease.key);
      },
    };
  };
  return [await make(), await make()];
}

let pgLeases = 0;
/** Each node's advisory lock; killing a node ends its lock session as PostgreSQL does for a dead process. */
async function onPostgres(): Promise<[Lease, Lease]> {
  pgLeases += 1;
  const key = String(7_000_000 + pgLeases);
  const make = (): Lease => {
    const lease = new PostgresSweepLease(database?.url ?? '', { logger, key });
    return {
      lease,
      async kill() {
        const client = new pg.Client({ connectionString: database?.url });
        await client.connect();
        try {
          await client.query(
            `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted
               AND ((classid::bigint << 32) | objid::bigint) = $1::bigint AND objsubid = 1`,
            [key],
          );
        } finally {
          await client.end();
        }
      },
    };
  };
  return [make(), make()];
}

const kinds = [
  { kind: 'Redis (SET NX PX lease)', leases: onRedis, ready: Boolean(database && redis) },
  { kind: 'PostgreSQL alone (advisory lock)', leases: onPostgres, ready: Boolean(database) },
];

describe.each(kinds)('two nodes, one abandon sweeper: $kind', ({ leases, ready }) => {
  it.skipIf(!ready)('only one node sweeps per interval, always the same one', async () => {
    const { interval } = await cluster(leases);
    const first = await interval();
    expect(first.swept).toHaveLength(1);
    expect(first).toMatchObject({ abandoned: 1, state: 'abandoned' });
    for (let i = 0; i < 4; i++) {
      expect(await interval()).toEqual({ swept: first.swept, abandoned: 1, state: 'abandoned' });
    }
  });

  it.skipIf(!ready)('the other node takes over at its next interval after the holder stops', async () => {
    const { a, b, interval } = await cluster(leases);
    const { swept } = await interval();
    const [holder, other] = swept[0] === 'A' ? [a, b] : [b, a];
    await holder.sweeper.stop();
    expect(await interval()).toEqual({ swept: [other.name], abandoned: 1, state: 'abandoned' });
    expect(await interval()).toEqual({ swept: [other.name], abandoned: 1, state: 'abandoned' });
  });

  it.skipIf(!ready)(
    'the other node takes over after the holder dies without giving the lease up',
    async () => {
      const { a, b, interval } = await cluster(leases);
      const { swept } = await interval();
      const [holder, other] = swept[0] === 'A' ? [a, b] : [b, a];
      await holder.kill();
      // The dead node runs no more passes; the survivor sweeps once the lease is free (the end of a
      // PostgreSQL session takes effect a moment after it is asked for: polled, not timed).
      await expect.poll(async () => (await interval([other])).swept).toEqual([other.name]);
      expect(await interval([other])).toEqual({ swept: [other.name], abandoned: 1, state: 'abandoned' });
    },
  );
});
