/**
 * Issue 11 (redis): the Redis clients one node holds when `REDIS_URL` is set. `commands` runs
 * commands and scripts; `pub` and `sub` carry the socket.io adapter's and this node's own channels
 * (a subscribed client can run nothing else). Every key and channel starts with `prefix:`.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RedisConfig } from '../config/config.ts';
import type { Logger } from '../kernel/logger.ts';
import { outageLog } from '../kernel/outage-log.ts';

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
  const open = (name: string) => {
    const client = new Redis(config.url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    // ioredis reconnects by itself; a lost connection is logged (once per outage), not thrown.
    const log = outageLog(logger, `redis connection (${name})`);
    client.on('error', log.failed);
    client.on('ready', log.recovered);
    return client;
  };
  const commands = open('commands');
  const pub = open('pub');
  const sub = open('sub');
  try {
    await Promise.all([commands.connect(), pub.connect(), sub.connect()]);
  } catch (error) {
    for (const client of [commands, pub, sub]) client.disconnect();
    throw new Error(`Redis not reachable at REDIS_URL (${(error as Error).message})`, { cause: error });
  }
  // The socket.io adapter publishes, and unsubscribes on close, without handling the promise: a call
  // while Redis is down (or after close, from a timer) would be an unhandled rejection, which ends the
  // process. It is logged instead; a lost broadcast is made up by the clients' resync.
  const logged = <A extends unknown[]>(call: (...args: A) => Promise<unknown>, what: string) => {
    const log = outageLog(logger, `redis ${what}`);
    return (...args: A) =>
      call(...args).then(
        (result) => {
          log.recovered();
          return result;
        },
        (error: Error) => {
          log.failed(error);
          return 0;
        },
      );
  };
  pub.publish = logged(
    pub.publish.bind(pub) as (...a: unknown[]) => Promise<unknown>,
    'publish',
  ) as typeof pub.publish;
  sub.unsubscribe = logged(
    sub.unsubscribe.bind(sub) as (...a: unknown[]) => Promise<unknown>,
    'unsubscribe',
  ) as typeof sub.unsubscribe;
  sub.punsubscribe = logged(
    sub.punsubscribe.bind(sub) as (...a: unknown[]) => Promise<unknown>,
    'punsubscribe',
  ) as typeof sub.punsubscribe;
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
