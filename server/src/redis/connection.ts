/**
 * Issue 11 (redis): the Redis clients one node holds when `REDIS_URL` is set. `commands` runs
 * commands and scripts; `pub` and `sub` carry the socket.io adapter's and this node's own channels
 * (a subscribed client can run nothing else). Every key and channel starts with `prefix:`.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RedisConfig } from '../config/config.ts';
import type { Logger } from '../kernel/logger.ts';

export type RedisNode = {
  commands: Redis;
  pub: Redis;
  sub: Redis;
  prefix: string;
  /** This process among the nodes (it tells a node's own messages from the others'). */
  nodeId: string;
  close(): Promise<void>;
};

/** Connects the three clients; rejects (naming the URL's host) when Redis does not answer. */
export async function connectRedis(config: RedisConfig, logger: Logger): Promise<RedisNode> {
  const open = () => {
    const client = new Redis(config.url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    // ioredis reconnects by itself; a lost connection is logged, not thrown.
    client.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection error'));
    return client;
  };
  const commands = open();
  const pub = open();
  const sub = open();
  try {
    await Promise.all([commands.connect(), pub.connect(), sub.connect()]);
  } catch (error) {
    for (const client of [commands, pub, sub]) client.disconnect();
    throw new Error(`Redis not reachable at REDIS_URL (${(error as Error).message})`, { cause: error });
  }
  // The socket.io adapter publishes without handling the promise: a publish while Redis is down (or
  // after close, from a timer) would be an unhandled rejection, which ends the process. It is logged
  // instead; the broadcast is lost on the other nodes, and clients converge by resync.
  const publish = pub.publish.bind(pub);
  pub.publish = ((channel: string, message: string | Buffer) =>
    publish(channel, message).catch((error: Error) => {
      logger.warn({ err: error, channel }, 'redis publish failed');
      return 0;
    })) as typeof pub.publish;
  return {
    commands,
    pub,
    sub,
    prefix: config.prefix,
    nodeId: randomBytes(8).toString('hex'),
    async close() {
      await Promise.all([commands, pub, sub].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
