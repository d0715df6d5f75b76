/**
 * Issue 11 (redis): Redis for tests. Each test file gets its own key prefix (keys and channels), so
 * files running in parallel on the one Redis never meet; its keys are deleted after the file.
 *
 * Where Redis is not reachable the Redis suites skip with one clear line, except under `CI`, where
 * Redis is part of the machine and its absence fails the run.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll } from 'vitest';

/** The one place the tests' Redis address is written. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export type TestRedis = { url: string; prefix: string; env: { REDIS_URL: string; REDIS_PREFIX: string } };

/** Deletes every key under the prefix. */
async function dropPrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** For a test file's top level: a fresh prefix (cleaned after the file), or `null` with the skip line. */
export async function redisForThisFile(): Promise<TestRedis | null> {
  const client = new Redis(TEST_REDIS_URL, {
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
    const reason = `Redis not reachable at ${TEST_REDIS_URL} (${(error as Error).message})`;
    if (process.env.CI) throw new Error(`${reason}: Redis is required under CI`, { cause: error });
    console.warn(`${reason}: the Redis suite is skipped`);
    return null;
  }
  const prefix = `frontdesk-test-${randomBytes(6).toString('hex')}`;
  afterAll(async () => {
    await dropPrefix(client, prefix);
    client.disconnect();
  });
  return { url: TEST_REDIS_URL, prefix, env: { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix } };
}
