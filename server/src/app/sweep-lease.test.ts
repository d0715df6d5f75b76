/** Issue 11: the abandon sweep's lease follows the deployment (no connection is made to choose it). */
import { describe, expect, it } from 'vitest';
import { soleLease } from '../conversations/sweep-lease.ts';
import { createLogger } from '../kernel/logger.ts';
import type { RedisNode } from '../redis/connection.ts';
import { RedisSweepLease } from '../redis/sweep-lease.ts';
import { PostgresSweepLease } from '../storage/sweep-lease.ts';
import { LEASE_INTERVALS, sweepLeaseFor } from './sweep-lease.ts';

const logger = createLogger('silent');
const postgres = { engine: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/none' } as const;
/** Only the fields the lease reads at construction: no client is connected or used here. */
const redisNode = { prefix: 'fd', nodeId: 'n1' } as RedisNode;

describe('sweepLeaseFor', () => {
  it('SQLite, one node: no lease, every pass sweeps', () => {
    expect(sweepLeaseFor({ engine: 'sqlite', file: ':memory:' }, null, logger)).toBe(soleLease);
  });

  it('PostgreSQL without Redis: the advisory lock', () => {
    expect(sweepLeaseFor(postgres, null, logger)).toBeInstanceOf(PostgresSweepLease);
  });

  it('with Redis (on either engine): the lease key, lapsing after a few sweep intervals', () => {
    const lease = sweepLeaseFor(postgres, redisNode, logger, 1000);
    expect(lease).toBeInstanceOf(RedisSweepLease);
    expect((lease as RedisSweepLease).key).toBe('fd:lease:abandon-sweep');
    expect(LEASE_INTERVALS).toBeGreaterThan(1);
    expect(sweepLeaseFor({ engine: 'sqlite', file: ':memory:' }, redisNode, logger)).toBeInstanceOf(
      RedisSweepLease,
    );
  });
});
