/**
 * Issue 11 (redis): `RedisLoginGuard` (TESTPLAN A9) on a real Redis, two guards standing for two
 * nodes. The back-off runs on a fake clock; the windows are Redis TTLs (minutes, never reached here).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../kernel/errors.ts';
import { createLogger } from '../kernel/logger.ts';
import { redisForThisFile } from '../testing/redis.ts';
import { connectRedis, type RedisNode } from './connection.ts';
import { RedisLoginGuard } from './login-guard.ts';

const redis = await redisForThisFile();
const MINUTE = 60_000;
const options = {
  freeFailures: 3,
  firstDelayMs: MINUTE,
  maxDelayMs: 8 * MINUTE,
  windowMs: 15 * MINUTE,
  addressFailuresPerWindow: 10,
  accountFailuresPerWindow: 20,
};

const nodes: RedisNode[] = [];
afterAll(async () => {
  for (const n of nodes) await n.close();
});

let count = 0;
/** Two guards ("nodes") on one fresh prefix and one fake clock. */
async function setup() {
  if (!redis) throw new Error('no redis');
  count += 1;
  const prefix = `${redis.prefix}:${count}`;
  const clock = { now: 1_000_000 };
  const make = async () => {
    const n = await connectRedis({ url: redis.url, prefix }, createLogger('silent'));
    nodes.push(n);
    return new RedisLoginGuard(n, options, () => clock.now);
  };
  const pair = [await make(), await make()] as const;
  /** Node 0 or 1 by parity. */
  const node = (i: number) => (i % 2 === 0 ? pair[0] : pair[1]);
  const refusal = async (guard: RedisLoginGuard, account: string, address: string) => {
    try {
      (await guard.begin(account, address)).failed();
      return null;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { code: error.code, retryAfter: error.retryAfter };
    }
  };
  return { clock, node, refusal };
}

describe.skipIf(!redis)('RedisLoginGuard (A9) across nodes', () => {
  it('A9 of 20 parallel guesses spread over two nodes only the free ones get through', async () => {
    const { node } = await setup();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        node(i % 2)
          .begin('anna@example.com', '10.0.0.1')
          .catch(() => null),
      ),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(options.freeFailures);
  });

  it('A9 the wait doubles with each failure, whichever node counts it, up to the cap', async () => {
    const { clock, node, refusal } = await setup();
    for (let i = 0; i < 3; i++) (await node(i % 2).begin('a', 'ip')).failed();
    expect(await refusal(node(1), 'a', 'ip')).toEqual({ code: 'rate_limited', retryAfter: 60 });
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      clock.now += 10 * MINUTE;
      (await node(i % 2).begin('a', 'ip')).failed();
      waits.push((await refusal(node((i + 1) % 2), 'a', 'ip'))?.retryAfter ?? 0);
    }
    expect(waits).toEqual([120, 240, 480, 480, 480]);
  });

  it('A9 strangers cannot lock the owner out: a known address still gets in on the other node', async () => {
    const { node, refusal } = await setup();
    (await node(0).begin('owner@example.com', 'home')).succeeded();
    for (let i = 0; i < 20; i++) await refusal(node(i % 2), 'owner@example.com', `attacker-${i}`);
    expect(await refusal(node(0), 'owner@example.com', 'stranger')).toMatchObject({ code: 'rate_limited' });
    // The success is recorded just after the answer: poll until the other node knows the address.
    await expect.poll(() => refusal(node(1), 'owner@example.com', 'home')).toBeNull();
  });

  it('A9 one address guessing many accounts meets the per-address cap on every node', async () => {
    const { node, refusal } = await setup();
    for (let i = 0; i < 10; i++) (await node(i % 2).begin(`user${i}`, 'bot')).failed();
    expect(await refusal(node(1), 'someone-else', 'bot')).toMatchObject({ code: 'rate_limited' });
    expect(await refusal(node(0), 'someone-else', 'fine')).toBeNull();
  });
});
