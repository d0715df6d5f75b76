/**
 * Issue 11 (redis): per-node caches stay right on every node. A node that changes a site's FAQ or
 * settings publishes the site's id; every other node drops its cached engine, rebuilt from storage
 * on next use. Without Redis there is one node and nothing to tell.
 */
import type { Logger } from '../kernel/logger.ts';
import type { RedisNode } from './connection.ts';

/** What a cache does when another node changed a site. */
export type SiteCache = { forget(siteId: string): void };

type Message = { node: string; siteId: string };

export class CacheBus {
  private readonly channel: string;
  private readonly listener = (channel: string, raw: string) => {
    if (channel !== this.channel) return;
    let message: Message;
    try {
      message = JSON.parse(raw) as Message;
    } catch {
      return;
    }
    if (message.node === this.redis.nodeId || typeof message.siteId !== 'string') return;
    for (const cache of this.caches) cache.forget(message.siteId);
  };

  private constructor(
    private readonly redis: RedisNode,
    private readonly caches: readonly SiteCache[],
    private readonly logger: Logger,
  ) {
    this.channel = `${redis.prefix}:site-changed`;
  }

  /** Subscribes before it resolves: a change published afterwards reaches these caches. */
  static async start(redis: RedisNode, caches: readonly SiteCache[], logger: Logger): Promise<CacheBus> {
    const bus = new CacheBus(redis, caches, logger);
    redis.sub.on('message', bus.listener);
    await redis.sub.subscribe(bus.channel);
    return bus;
  }

  /** Tells the other nodes that the site changed (this node has already applied the change). */
  siteChanged(siteId: string): void {
    const message: Message = { node: this.redis.nodeId, siteId };
    this.redis.pub.publish(this.channel, JSON.stringify(message)).catch((error: unknown) => {
      this.logger.warn({ err: error, siteId }, 'could not tell the other nodes of a site change');
    });
  }

  async stop(): Promise<void> {
    this.redis.sub.off('message', this.listener);
    await this.redis.sub.unsubscribe(this.channel).catch(() => {});
  }
}
