/**
 * Issue 11 (redis): presence across nodes, behind the same `PresenceBook` port as `MemoryPresence`.
 *
 * A socket lives on one node, so this node's sockets, grace timers and chosen statuses are kept by a
 * `MemoryPresence` (the per-node rules live there only). This class wraps it: every change the local
 * book reports is mirrored into a Redis hash of this node's own (`prefix:presence:node:<id>`, one
 * `{ status, siteIds }` per agent), and reads (`agentsOnline`, `ofSite`) merge the hashes of the live
 * nodes: an agent is online when online on any node, away when known only as away.
 *
 * A node that dies must not keep its agents online: every node refreshes a liveness key
 * (`prefix:presence:alive:<id>`, TTL `ttlMs`) every `heartbeatMs`; readers ignore and clean up the
 * hashes of nodes whose key expired.
 *
 * Change listeners fire on the node where the change happened, as with `MemoryPresence`: what they
 * send (room broadcasts) reaches every node through the socket.io Redis adapter, so firing them on
 * every node would send everything N times. They get the agent's status across the nodes (a chosen
 * status as chosen). A status chosen on one node (`setStatus`) or sites joined (`sitesJoined`) are
 * published so the agent's sockets on other nodes carry them too; a chosen status is told by the node
 * it was chosen on, joined sites by each node holding the agent's sockets.
 */
import type { AgentPresence, ChosenPresenceStatus } from '@frontdesk/shared';
import {
  type ChangeKind,
  type LiveStatus,
  MemoryPresence,
  type PresenceBook,
  type PresenceChange,
  type Timers,
} from '../identity/presence.ts';
import type { Logger } from '../kernel/logger.ts';
import { outageLog } from '../kernel/outage-log.ts';
import type { RedisNode } from './connection.ts';

type IntervalTimers = Timers & {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
};

const realTimers: IntervalTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

type Mirror = { status: LiveStatus; siteIds: readonly string[] };
type Op =
  | { node: string; op: 'status'; agentId: string; status: ChosenPresenceStatus }
  | { node: string; op: 'sites'; agentId: string; siteIds: string[] };
/** Whose call made a local change: this node's (told to listeners) or another node's op (mirrored). */
type Origin = 'here' | 'remote';

export type RedisPresenceOptions = {
  graceMs?: number;
  /** How often this node says it is alive (default 5 s). */
  heartbeatMs?: number;
  /** How long a silent node's agents still count (default 3 heartbeats). */
  ttlMs?: number;
  timers?: IntervalTimers;
  logger?: Logger;
};

export class RedisPresence implements PresenceBook {
  /** This node's agents: sockets, grace timers, statuses. */
  private readonly local: MemoryPresence;
  private readonly listeners = new Set<(change: PresenceChange) => void>();
  private readonly keys: { nodes: string; node(id: string): string; alive(id: string): string; ops: string };
  private readonly heartbeat: unknown;
  /** The Redis work started by the local call in progress (the local book reports synchronously). */
  private capture: { origin: Origin; work: Promise<void>[] } | null = null;
  private readonly opListener = (channel: string, raw: string) => {
    if (channel === this.keys.ops) this.applyRemote(raw);
  };

  private constructor(
    private readonly redis: RedisNode,
    private readonly options: RedisPresenceOptions,
  ) {
    const p = `${redis.prefix}:presence`;
    this.keys = {
      nodes: `${p}:nodes`,
      node: (id) => `${p}:node:${id}`,
      alive: (id) => `${p}:alive:${id}`,
      ops: `${p}:ops`,
    };
    this.local = new MemoryPresence({ graceMs: options.graceMs, timers: this.timers });
    this.local.onChange((change, kind) => this.localChanged(change, kind));
    const log = outageLog(options.logger, 'presence heartbeat');
    this.heartbeat = this.timers.setInterval(() => {
      this.beat().then(log.recovered, log.failed);
    }, this.heartbeatMs);
  }

  /** Says this node is alive and subscribes to the other nodes' status changes before it resolves. */
  static async start(redis: RedisNode, options: RedisPresenceOptions = {}): Promise<RedisPresence> {
    const presence = new RedisPresence(redis, options);
    await presence.beat();
    redis.sub.on('message', presence.opListener);
    await redis.sub.subscribe(presence.keys.ops);
    return presence;
  }

  private get timers() {
    return this.options.timers ?? realTimers;
  }
  private get heartbeatMs() {
    return this.options.heartbeatMs ?? 5000;
  }
  private get ttlMs() {
    return this.options.ttlMs ?? this.heartbeatMs * 3;
  }

  /**
   * Refreshes this node's liveness key and writes its hash anew from the local book (this node is the
   * truth about its own agents): after Redis lost the hash (restarted without persistence, or the hash
   * expired while this node could not reach Redis, TESTPLAN D5) its agents count again at the next
   * beat, not only at their next change.
   */
  async beat(): Promise<void> {
    const id = this.redis.nodeId;
    const key = this.keys.node(id);
    const write = this.redis.commands
      .multi()
      .sadd(this.keys.nodes, id)
      .set(this.keys.alive(id), '1', 'PX', this.ttlMs)
      .del(key);
    const mirrors = this.local.states().map(([agentId, state]) => {
      const mirror: Mirror = { status: state.status, siteIds: state.siteIds };
      return [agentId, JSON.stringify(mirror)] as const;
    });
    if (mirrors.length > 0) write.hset(key, Object.fromEntries(mirrors)).pexpire(key, this.ttlMs * 2);
    await write.exec();
  }

  /** Every live node's agents, merged: online anywhere wins over away. Dead nodes are cleaned up. */
  private async merged(): Promise<Map<string, Mirror>> {
    const nodes = await this.redis.commands.smembers(this.keys.nodes);
    const pipeline = this.redis.commands.pipeline();
    for (const node of nodes) pipeline.exists(this.keys.alive(node)).hgetall(this.keys.node(node));
    const replies = (await pipeline.exec()) ?? [];
    const all = new Map<string, Mirror>();
    const dead: string[] = [];
    nodes.forEach((node, i) => {
      const alive = replies[i * 2]?.[1] === 1;
      if (!alive) {
        dead.push(node);
        return;
      }
      const hash = (replies[i * 2 + 1]?.[1] ?? {}) as Record<string, string>;
      for (const [agentId, raw] of Object.entries(hash)) {
        const mirror = JSON.parse(raw) as Mirror;
        const known = all.get(agentId);
        all.set(agentId, {
          status: known?.status === 'online' || mirror.status === 'online' ? 'online' : 'away',
          siteIds: [...new Set([...(known?.siteIds ?? []), ...mirror.siteIds])],
        });
      }
    });
    if (dead.length > 0) {
      const clean = this.redis.commands.multi().srem(this.keys.nodes, ...dead);
      for (const node of dead) clean.del(this.keys.node(node));
      await clean.exec();
    }
    return all;
  }

  async agentsOnline(siteId: string): Promise<number> {
    let n = 0;
    for (const mirror of (await this.merged()).values())
      if (mirror.status === 'online' && mirror.siteIds.includes(siteId)) n++;
    return n;
  }

  async ofSite(siteId: string): Promise<AgentPresence[]> {
    return [...(await this.merged()).entries()]
      .filter(([, m]) => m.siteIds.includes(siteId))
      .map(([agentId, m]) => ({ agentId, status: m.status }));
  }

  async socketOpened(
    agent: { id: string; siteIds: readonly string[] },
    socketId: string,
    stored?: LiveStatus,
  ) {
    // Another node may know the agent's chosen status (a reload landing on another node keeps away);
    // else the stored one (issue 14) applies.
    const initial = this.local.stateOf(agent.id)
      ? undefined
      : ((await this.merged()).get(agent.id)?.status ?? stored);
    const status = await this.locally('here', () => this.local.socketOpened(agent, socketId, initial));
    // The agent's site list may have shrunk (nothing reported): the mirror follows.
    await this.mirror(agent.id);
    return status;
  }

  async socketClosed(agentId: string, socketId: string) {
    // The grace timer's `offline` is mirrored and told when it fires (`localChanged`).
    await this.local.socketClosed(agentId, socketId);
  }

  async setStatus(agentId: string, status: ChosenPresenceStatus) {
    return this.locally('here', () => this.local.setStatus(agentId, status));
  }

  async sitesJoined(agentId: string, siteIds: readonly string[]) {
    // The admin's request may have reached a node without the agent's sockets: the others apply it.
    await this.publish({ node: this.redis.nodeId, op: 'sites', agentId, siteIds: [...siteIds] });
    await this.locally('here', () => this.local.sitesJoined(agentId, siteIds));
  }

  onChange(listener: (change: PresenceChange) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the timers and takes this node's agents out of Redis at once (a clean shutdown). */
  close() {
    this.timers.clearInterval(this.heartbeat);
    this.local.close();
    this.redis.sub.off('message', this.opListener);
    const id = this.redis.nodeId;
    this.redis.commands
      .multi()
      .srem(this.keys.nodes, id)
      .del(this.keys.node(id), this.keys.alive(id))
      .exec()
      .catch(() => {});
  }

  /**
   * Runs one call of the local book and resolves once the Redis work of the changes it reported
   * (mirror, publish, listeners) is done; a failure there rejects the call.
   */
  private async locally<T>(origin: Origin, call: () => Promise<T>): Promise<T> {
    const capture = { origin, work: [] as Promise<void>[] };
    this.capture = capture;
    let result: Promise<T>;
    try {
      result = call();
    } finally {
      this.capture = null;
    }
    const [value] = await Promise.all([result, Promise.all(capture.work)]);
    return value;
  }

  /**
   * The local book reported a change: mirror it, then (for this node's own calls and timers) publish
   * a chosen status to the other nodes and tell this node's listeners.
   */
  private localChanged(change: PresenceChange, kind: ChangeKind): void {
    const origin = this.capture?.origin ?? 'here';
    const work = this.mirror(change.agentId).then(async () => {
      if (kind !== 'status') return this.tell(change.agentId, change.siteIds);
      if (origin === 'remote') return;
      const status = change.status as ChosenPresenceStatus;
      await this.publish({ node: this.redis.nodeId, op: 'status', agentId: change.agentId, status });
      // The chosen status is the agent's everywhere (other nodes apply the published op).
      this.tell(change.agentId, change.siteIds, status);
    });
    if (this.capture) this.capture.work.push(work);
    else
      work.catch((error: unknown) =>
        this.options.logger?.error({ err: error }, `presence: ${kind} not mirrored`),
      );
  }

  /** Writes one agent's state on this node into this node's hash (removed when offline here). */
  private async mirror(agentId: string): Promise<void> {
    const key = this.keys.node(this.redis.nodeId);
    const here = this.local.stateOf(agentId);
    if (!here) {
      await this.redis.commands.hdel(key, agentId);
      return;
    }
    await this.redis.commands
      .multi()
      .hset(key, agentId, JSON.stringify(here satisfies Mirror))
      .pexpire(key, this.ttlMs * 2)
      .exec();
  }

  /** Tells this node's listeners the agent's status across all nodes (or the status just chosen). */
  private async tell(agentId: string, siteIds: readonly string[], chosen?: LiveStatus): Promise<void> {
    const status = chosen ?? (await this.merged()).get(agentId)?.status ?? 'offline';
    for (const listener of this.listeners) listener({ agentId, status, siteIds });
  }

  private async publish(op: Op): Promise<void> {
    await this.redis.pub.publish(this.keys.ops, JSON.stringify(op));
  }

  /** Another node's agent chose a status or joined sites: this node's sockets of the agent follow. */
  private applyRemote(raw: string): void {
    let op: Op;
    try {
      op = JSON.parse(raw) as Op;
    } catch {
      return;
    }
    if (op.node === this.redis.nodeId || !this.local.stateOf(op.agentId)) return;
    this.locally('remote', async () => {
      if (op.op === 'status') await this.local.setStatus(op.agentId, op.status);
      else await this.local.sitesJoined(op.agentId, op.siteIds);
    }).catch((error: unknown) =>
      this.options.logger?.warn({ err: error }, 'presence: remote change not applied'),
    );
  }
}
