/**
 * Issue 11: the abandon sweep's lease for this deployment. With Redis, a lease key (every node shares
 * Redis); on PostgreSQL without Redis, an advisory lock; on SQLite (one node) none. See
 * `conversations/sweep-lease.ts`.
 */
import { LIMITS } from '@frontdesk/shared';
import { type SweepLease, soleLease } from '../conversations/sweep-lease.ts';
import type { Logger } from '../kernel/logger.ts';
import type { RedisNode } from '../redis/connection.ts';
import { RedisSweepLease } from '../redis/sweep-lease.ts';
import type { DatabaseTarget } from '../storage/open.ts';
import { PostgresSweepLease } from '../storage/sweep-lease.ts';

/** A dead holder's Redis lease lapses after this many sweep intervals without renewal. */
export const LEASE_INTERVALS = 3;

export function sweepLeaseFor(
  database: DatabaseTarget,
  redis: RedisNode | null,
  logger: Logger,
  sweepMs: number = LIMITS.abandonSweepMs,
): SweepLease {
  if (redis) return new RedisSweepLease(redis, { ttlMs: sweepMs * LEASE_INTERVALS });
  if (database.engine === 'postgres') return new PostgresSweepLease(database.url, { logger });
  return soleLease;
}
