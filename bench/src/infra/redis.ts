/**
 * Redis for the bench: a unique key prefix per target run (its keys deleted after; the helper is the
 * tests' one, from `@frontdesk/server/testing`), and the Redis server's CPU time from `INFO cpu` — the
 * whole server's, so other users of that Redis count too.
 */
import { openRedisPrefix } from '@frontdesk/server/testing';
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
  const opened = await openRedisPrefix(url, 'frontdesk-bench');
  if ('unavailable' in opened) return { unavailable: opened.unavailable };
  const { client, prefix, drop } = opened;
  return {
    url,
    prefix,
    async serverCpu() {
      const micros = redisInfoCpuMicros(await client.info('cpu'));
      return micros === null ? null : new Map([[0, micros]]);
    },
    drop,
  };
}
