/**
 * Issue 11 (redis): the `presence-queue.test.ts` suite once more with `REDIS_URL` set (socket.io Redis
 * adapter, RedisPresence, shared throttles) on PostgreSQL: one node with Redis behaves as one without.
 */
import { describe, it } from 'vitest';
import { useDatabaseForHarnesses, useEnvForHarnesses } from '../testing/harness.ts';
import { postgresForThisFile } from '../testing/postgres.ts';
import { redisForThisFile } from '../testing/redis.ts';

const database = await postgresForThisFile();
const redis = database ? await redisForThisFile() : null;

if (database && redis) {
  useDatabaseForHarnesses(database.url);
  useEnvForHarnesses(redis.env);
  await import('./presence-queue.test.ts');
} else {
  describe.skip('presence-queue on PostgreSQL + Redis', () => {
    it('needs PostgreSQL and Redis', () => {});
  });
}
