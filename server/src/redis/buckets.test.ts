/**
 * Issue 11 (redis): shared token buckets on a real Redis, two "nodes" on one prefix and a fake clock.
 * New visitor sessions per address and per site are counted once for all nodes.
 */
import { RATE_LIMITS } from '@frontdesk/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { RateLimiter } from '../limits/index.ts';
import { redisForThisFile } from '../testing/redis.ts';
import { RedisBuckets, sharedSessionBudgets } from './buckets.ts';
import { connectRedis, type RedisNode } from './connection.ts';

const redis = await redisForThisFile();
const nodes: RedisNode[] = [];
afterAll(async () => {
  for (const n of nodes) await n.close();
});

let count = 0;
async function setup() {
  if (!redis) throw new Error('no redis');
  count += 1;
  const prefix = `${redis.prefix}:${count}`;
  const clock = { now: 5_000_000 };
  const make = async () => {
    const n = await connectRedis({ url: redis.url, prefix }, createLogger('silent'));
    nodes.push(n);
    return new RedisBuckets(n, 10, () => clock.now);
  };
  const pair = [await make(), await make()] as const;
  return { clock, node: (i: number) => (i % 2 === 0 ? pair[0] : pair[1]) };
}

describe.skipIf(!redis)('RedisBuckets across nodes', () => {
  it('one burst for all nodes, refilled with time, the same verdicts as the in-memory limiter', async () => {
    const { clock, node } = await setup();
    const budget = { burst: 4, perMinute: 6 };
    const local = new RateLimiter({ clock: () => clock.now });
    const shared: unknown[] = [];
    const memory: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      shared.push(await node(i).take('k', budget));
      memory.push(local.take('k', budget));
    }
    clock.now += 10_000; // one token back
    shared.push(await node(1).take('k', budget), await node(0).take('k', budget));
    memory.push(local.take('k', budget), local.take('k', budget));
    expect(shared).toEqual(memory);
    expect(shared.filter((v) => (v as { ok: boolean }).ok)).toHaveLength(5);
  });

  it('new visitor sessions from one address are counted once across nodes', async () => {
    const { node } = await setup();
    const limits = RATE_LIMITS;
    const budgets = [sharedSessionBudgets(node(0), limits), sharedSessionBudgets(node(1), limits)];
    const burst = limits.http.visitorSession.address.burst;
    const verdicts = [];
    for (let i = 0; i <= burst; i++) verdicts.push(await budgets[i % 2]?.visitorSessionFrom('10.0.0.9'));
    expect(verdicts.filter((v) => v?.ok)).toHaveLength(burst);
    expect(verdicts.at(-1)).toMatchObject({ ok: false });
    expect(await budgets[1]?.visitorSessionFrom('10.0.0.10')).toEqual({ ok: true });
  });

  it('a bucket key expires once it would be full again', async () => {
    const { node } = await setup();
    await node(0).take('idle', { burst: 2, perMinute: 60 });
    const ttl = await nodes.at(-1)?.commands.pttl(`${redis?.prefix}:${count}:bucket:idle`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(3000);
  });
});
