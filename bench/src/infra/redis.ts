/**
 * Redis for the bench: a unique key prefix per target run (its keys deleted after), and the Redis
 * server's CPU time from `INFO cpu` — the whole server's, so other users of that Redis count too.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CpuSample } from './postgres.ts';
import { redisInfoCpuMicros } from './proc-cpu.ts';

export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';

export type BenchRedis = {
  url: string;
  prefix: string;
  /** The whole Redis server's CPU so far, as one entry (key 0). */
  serverCpu(): Promise<CpuSample>;
  drop(): Promise<void>;
};

export async function openBenchRedis(url = BENCH_REDIS_URL): Promise<BenchRedis | { unavailable: string }> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    return { unavailable: `Redis not reachable at ${url} (${(error as Error).message})` };
  }
  const prefix = `frontdesk-bench-${randomBytes(6).toString('hex')}`;
  return {
    url,
    prefix,
    async serverCpu() {
      const micros = redisInfoCpuMicros(await client.info('cpu'));
      return micros === null ? null : new Map([[0, micros]]);
    },
    async drop() {
      try {
        let cursor = '0';
        do {
          const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
          if (keys.length > 0) await client.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        client.disconnect();
      }
    },
  };
}
