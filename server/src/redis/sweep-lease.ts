/**
 * Issue 11 (redis): the abandon sweep's lease on Redis (`SweepLease`). The key
 * `<prefix>:lease:<name>` holds the holder's id with a TTL: taken with `SET NX PX`, renewed (TTL set
 * again) by the holder at each pass, deleted by the holder when it stops. A holder that dies stops
 * renewing; the key expires after `ttlMs` and the next node to ask takes it. Both steps are one Lua
 * script each, so a node never renews or deletes a lease another node took meanwhile.
 */
import { randomBytes } from 'node:crypto';
import type { SweepLease } from '../conversations/sweep-lease.ts';
import type { RedisNode } from './connection.ts';

/** Renews the lease when this node holds it, or takes it when nobody does: 1 held, 0 not. */
const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0
`;

/** Deletes the lease only if this node still holds it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export type RedisSweepLeaseOptions = {
  /** How long the lease outlives the holder's last renewal (a few sweep intervals). */
  ttlMs: number;
  /** Which lease (default `abandon-sweep`). */
  name?: string;
};

export class RedisSweepLease implements SweepLease {
  readonly key: string;
  /** This lease's holder id: the node's, plus a part of its own (two leases in one process differ). */
  readonly holder: string;

  constructor(
    private readonly redis: RedisNode,
    private readonly options: RedisSweepLeaseOptions,
  ) {
    this.key = `${redis.prefix}:lease:${options.name ?? 'abandon-sweep'}`;
    this.holder = `${redis.nodeId}:${randomBytes(4).toString('hex')}`;
  }

  async acquire(): Promise<boolean> {
    const held = await this.redis.commands.eval(ACQUIRE, 1, this.key, this.holder, this.options.ttlMs);
    return held === 1;
  }

  async release(): Promise<void> {
    await this.redis.commands.eval(RELEASE, 1, this.key, this.holder);
  }
}
