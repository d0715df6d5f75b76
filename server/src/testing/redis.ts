/**
 * Issue 11 (redis): Redis for tests. Each test file gets its own key prefix (keys and channels), so
 * files running in parallel on the one Redis never meet; its keys are deleted after the file.
 *
 * Where Redis is not reachable the Redis suites skip with one clear line, except under `CI`, where
 * Redis is part of the machine and its absence fails the run.
 */
import { afterAll } from 'vitest';
import { openRedisPrefix } from './redis-prefix.ts';

/** The one place the tests' Redis address is written. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export type TestRedis = { url: string; prefix: string; env: { REDIS_URL: string; REDIS_PREFIX: string } };

/** For a test file's top level: a fresh prefix (cleaned after the file), or `null` with the skip line. */
export async function redisForThisFile(): Promise<TestRedis | null> {
  const opened = await openRedisPrefix(TEST_REDIS_URL, 'frontdesk-test');
  if ('unavailable' in opened) {
    if (process.env.CI)
      throw new Error(`${opened.unavailable}: Redis is required under CI`, { cause: opened.cause });
    console.warn(`${opened.unavailable}: the Redis suite is skipped`);
    return null;
  }
  afterAll(() => opened.drop());
  const { prefix } = opened;
  return { url: TEST_REDIS_URL, prefix, env: { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix } };
}
