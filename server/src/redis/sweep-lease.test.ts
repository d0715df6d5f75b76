/**
 * Issue 11 (redis): `RedisSweepLease` on a real Redis, two "nodes" (own connections, one prefix): one
 * holds the lease at a time, the holder renews it, gives it up on stop, and a dead holder's lease
 * lapses so that the other node takes it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { redisForThisFile } from '../testing/redis.ts';
import { connectRedis, type RedisNode } from './connection.ts';
import { RedisSweepLease } from './sweep-lease.ts';

const redis = await redisForThisFile();
const logger = createLogger('silent');

const nodes: RedisNode[] = [];
afterAll(async () => {
  for (const node of nodes) await node.close();
});

let count = 0;
/** Two nodes sharing a fresh prefix, each with its lease. */
async function twoNodes(ttlMs = 60_000) {
  if (!redis) throw new Error('no redis');
  count += 1;
  const prefix = `${redis.prefix}:${count}`;
  const a = await connectRedis({ url: redis.url, prefix }, logger);
  const b = await connectRedis({ url: redis.url, prefix }, logger);
  nodes.push(a, b);
  return { a, b, leaseA: new RedisSweepLease(a, { ttlMs }), leaseB: new RedisSweepLease(b, { ttlMs }) };
}

describe.skipIf(!redis)('RedisSweepLease', () => {
  it('one node holds the lease; the holder renews it, the other is refused', async () => {
    const { a, leaseA, leaseB } = await twoNodes();
    expect(await leaseA.acquire()).toBe(true);
    expect(await leaseB.acquire()).toBe(false);
    expect(await a.commands.get(leaseA.key)).toBe(leaseA.holder);
    // Renewal sets the TTL again: shorten it by hand, the holder's next acquire restores it.
    await a.commands.pexpire(leaseA.key, 5_000);
    expect(await leaseA.acquire()).toBe(true);
    expect(await a.commands.pttl(leaseA.key)).toBeGreaterThan(5_000);
    expect(await leaseB.acquire()).toBe(false);
  });

  it('release gives the lease up at once: the other node takes it at its next acquire', async () => {
    const { leaseA, leaseB } = await twoNodes();
    expect(await leaseA.acquire()).toBe(true);
    await leaseA.release();
    expect(await leaseB.acquire()).toBe(true);
    expect(await leaseA.acquire()).toBe(false);
  });

  it('a holder that dies (no release) loses the lease when the TTL runs out; it cannot renew or delete the new one', async () => {
    const { a, b, leaseA, leaseB } = await twoNodes(200);
    expect(await leaseA.acquire()).toBe(true);
    expect(await leaseB.acquire()).toBe(false);
    // Node A stops renewing (killed): B takes over once Redis expired the key.
    await expect.poll(() => leaseB.acquire()).toBe(true);
    expect(await b.commands.get(leaseB.key)).toBe(leaseB.holder);
    // A late release or acquire from A (a paused process waking up) leaves B's lease alone.
    await leaseA.release();
    expect(await leaseA.acquire()).toBe(false);
    expect(await a.commands.get(leaseA.key)).toBe(leaseB.holder);
  });

  it('two leases in one process are two holders', async () => {
    const { a, leaseA } = await twoNodes();
    const second = new RedisSweepLease(a, { ttlMs: 60_000 });
    expect(second.holder).not.toBe(leaseA.holder);
    expect(await leaseA.acquire()).toBe(true);
    expect(await second.acquire()).toBe(false);
  });
});
