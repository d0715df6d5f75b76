/**
 * A Redis key prefix of its own on a shared Redis, for tests and the bench: open a client (or say
 * why Redis is not reachable), take a fresh prefix, and delete every key under it afterwards. The one
 * helper behind `redisForThisFile` (tests) and the bench's Redis target. Nothing here imports vitest.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export type RedisPrefix = {
  url: string;
  /** `<label>-<12 hex digits>`: keys and channels under `<prefix>:` belong to this user alone. */
  prefix: string;
  /** The connected client (for reads such as `INFO`); closed by `drop`. */
  client: Redis;
  /** Deletes every key under the prefix, then closes the client. */
  drop(): Promise<void>;
};

/** Deletes every key under `<prefix>:`. */
export async function dropPrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** A fresh prefix on the Redis at `url`, or why that Redis is not reachable (no retries). */
export async function openRedisPrefix(
  url: string,
  label: string,
): Promise<RedisPrefix | { unavailable: string; cause: unknown }> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    return { unavailable: `Redis not reachable at ${url} (${(error as Error).message})`, cause: error };
  }
  const prefix = `${label}-${randomBytes(6).toString('hex')}`;
  return {
    url,
    prefix,
    client,
    async drop() {
      try {
        await dropPrefix(client, prefix);
      } finally {
        client.disconnect();
      }
    },
  };
}
