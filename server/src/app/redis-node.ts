/**
 * Issue 11 (redis): what `REDIS_URL` adds to one node, put together: the Redis clients, the socket.io
 * adapter (broadcasts, `fetchSockets` and `disconnectSockets` reach every node) and the cache bus
 * (FAQ and settings edits refresh every node's bot engines). Without `REDIS_URL` the node runs alone
 * as before; on PostgreSQL (meant for several nodes) it says once what stays on this node.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import type { ServerOptions } from 'socket.io';
import type { Config } from '../config/config.ts';
import type { SessionBudgets } from '../identity/visitor-sessions.ts';
import type { Logger } from '../kernel/logger.ts';
import { RedisBuckets, sharedSessionBudgets } from '../redis/buckets.ts';
import { CacheBus, type SiteCache } from '../redis/cache-bus.ts';
import { connectRedis, type RedisNode } from '../redis/connection.ts';
import { RedisLoginGuard } from '../redis/login-guard.ts';
import { RedisPresence } from '../redis/presence.ts';
import type { HealthCheck } from './readiness.ts';

export type RedisSetup = {
  /** The connected clients, or null on a node without Redis. */
  node: RedisNode | null;
  adapter: ServerOptions['adapter'] | undefined;
  /** Tell the other nodes that a site's FAQ or settings changed. */
  siteChanged(siteId: string): void;
  /** The per-node site caches that forget a site when another node changed it. */
  caches(...caches: SiteCache[]): void;
  /** Presence across the nodes, or undefined (each node keeps its own in memory). */
  presence: RedisPresence | undefined;
  /** Sign-in throttling shared by the nodes, or undefined (each node counts in memory). */
  loginGuard: RedisLoginGuard | undefined;
  /** New-visitor-session budgets shared by the nodes, or undefined (this node's `Budgets`). */
  sessionBudgets: SessionBudgets | undefined;
  close(): Promise<void>;
  /** `/readyz`: Redis answers a PING (null without Redis). */
  check: HealthCheck | null;
};

export const SINGLE_NODE_WARNING =
  'PostgreSQL without REDIS_URL: broadcasts, presence and throttles stay on this node (the abandonment sweep is shared through the database); run one node, or set REDIS_URL';

export async function startRedisNode(
  config: Config,
  logger: Logger,
  presence: { graceMs?: number } = {},
): Promise<RedisSetup> {
  if (!config.redis) {
    if (config.database.engine === 'postgres') logger.warn(SINGLE_NODE_WARNING);
    return {
      node: null,
      adapter: undefined,
      siteChanged() {},
      caches() {},
      presence: undefined,
      loginGuard: undefined,
      sessionBudgets: undefined,
      check: null,
      async close() {},
    };
  }
  const node = await connectRedis(config.redis, logger);
  const caches: SiteCache[] = [];
  const bus = await CacheBus.start(node, caches, logger);
  return {
    node,
    presence: await RedisPresence.start(node, { graceMs: presence.graceMs, logger }),
    loginGuard: new RedisLoginGuard(node, {}, Date.now, logger),
    sessionBudgets: sharedSessionBudgets(
      new RedisBuckets(node, config.rateLimits.floodFactor),
      config.rateLimits,
    ),
    check: {
      name: 'redis',
      check: async () => {
        await node.commands.ping();
      },
    },
    adapter: createAdapter(node.pub, node.sub, { key: `${node.prefix}:socket.io` }),
    siteChanged: (siteId) => bus.siteChanged(siteId),
    caches: (...more) => {
      caches.push(...more);
    },
    async close() {
      await bus.stop();
      await node.close();
    },
  };
}
