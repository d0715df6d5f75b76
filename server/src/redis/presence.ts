/**
 * Issue 11 (redis): presence across nodes, behind the same `PresenceBook` port as `MemoryPresence`.
 *
 * Each node keeps its own agents' sockets and grace timers in memory (a socket lives on one node) and
 * mirrors each of its agents' `{ status, siteIds }` into a Redis hash of its own
 * (`prefix:presence:node:<id>`). Reads (`agentsOnline`, `ofSite`) merge the hashes of the live nodes:
 * an agent is online when online on any node, away when known only as away.
 *
 * A node that dies must not keep its agents online: every node refreshes a liveness key
 * (`prefix:presence:alive:<id>`, TTL `ttlMs`) every `heartbeatMs`; readers ignore and clean up the
 * hashes of nodes whose key expired.
 *
 * Change listeners fire on the node where the change happened, as with `MemoryPresence`: what they
 * send (room broadcasts) reaches every node through the socket.io Redis adapter, so firing them on
 * every node would send everything N times. A status chosen on one node (`setStatus`) or sites joined
 * (`sitesJoined`) are published so the agent's sockets on other nodes carry them too; a chosen
 * status is told by the node it was chosen on, joined sites by each node holding the agent's sockets.
 */
import {
  type AgentPresence,
  type ChosenPresenceStatus,
  LIMITS,
  type PresenceStatus,
} from '@frontdesk/shared';
import type { PresenceBook, PresenceChange } from '../identity/presence.ts';
import type { Logger } from '../kernel/logger.ts';
import type { RedisNode } from './connection.ts';
import { outageLog } from './outage-log.ts';

type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
};

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

type Status = Exclude<PresenceStatus, 'offline'>;
type Entry = { status: Status; siteIds: readonly string[]; sockets: Set<string>; grace: unknown };
type Mirror = { status: Status; siteIds: readonly string[] };
type Op =
  | { node: string; op: 'status'; agentId: string; status: ChosenPresenceStatus }
  | { node: string; op: 'sites'; agentId: string; siteIds: string[] };

export type RedisPresenceOptions = {
  graceMs?: number;
  /** How often this node says it is alive (default 5 s). */
  heartbeatMs?: number;
  /** How long a silent node's agents still count (default 3 heartbeats). */
  ttlMs?: number;
  timers?: Timers;
  logger?: Logger;
};

export class RedisPresence implements PresenceBook {
  private readonly agents = new Map<string, Entry>();
  private readonly listeners = new Set<(change: PresenceChange) => void>();
  private readonly keys: { nodes: string; node(id: string): string; alive(id: string): string; ops: string };
  private readonly heartbeat: unknown;
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
   * Refreshes this node's liveness key and writes its hash anew from memory (this node is the truth
   * about its own agents): after Redis lost the hash (restarted without persistence, or the hash
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
    if (this.agents.size > 0) {
      const mirrors = [...this.agents].map(([agentId, entry]) => {
        const mirror: Mirror = { status: entry.status, siteIds: entry.siteIds };
        return [agentId, JSON.stringify(mirror)] as const;
      });
      write.hset(key, Object.fromEntries(mirrors)).pexpire(key, this.ttlMs * 2);
    }
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

  async socketOpened(agent: { id: string; siteIds: readonly string[] }, socketId: string) {
    const entry = this.agents.get(agent.id);
    if (entry) {
      if (entry.grace !== null) this.timers.clearTimeout(entry.grace);
      entry.grace = null;
      entry.sockets.add(socketId);
      const added = agent.siteIds.filter((s) => !entry.siteIds.includes(s));
      entry.siteIds = [...agent.siteIds];
      await this.mirror(agent.id);
      if (added.length > 0) await this.emit(agent.id, added);
      return entry.status;
    }
    // Another node may know the agent's chosen status (a reload landing on another node keeps away).
    const elsewhere = (await this.merged()).get(agent.id);
    const status: Status = elsewhere?.status ?? 'online';
    this.agents.set(agent.id, {
      status,
      siteIds: [...agent.siteIds],
      sockets: new Set([socketId]),
      grace: null,
    });
    await this.mirror(agent.id);
    await this.emit(agent.id, agent.siteIds);
    return status;
  }

  async socketClosed(agentId: string, socketId: string) {
    const entry = this.agents.get(agentId);
    if (!entry) return;
    if (!entry.sockets.delete(socketId) || entry.sockets.size > 0) return;
    entry.grace = this.timers.setTimeout(() => {
      if (this.agents.get(agentId) !== entry || entry.sockets.size > 0) return;
      this.agents.delete(agentId);
      this.mirror(agentId)
        .then(() => this.emit(agentId, entry.siteIds))
        .catch((error: unknown) => this.options.logger?.error({ err: error }, 'presence: offline failed'));
    }, this.options.graceMs ?? LIMITS.presenceOfflineGraceMs);
  }

  async setStatus(agentId: string, status: ChosenPresenceStatus) {
    const entry = this.agents.get(agentId);
    if (!entry) return 'offline' as const;
    if (entry.status !== status) {
      entry.status = status;
      await this.mirror(agentId);
      await this.publish({ node: this.redis.nodeId, op: 'status', agentId, status });
      // The chosen status is the agent's everywhere (other nodes apply the published op).
      await this.emit(agentId, entry.siteIds, status);
    }
    return entry.status;
  }

  async sitesJoined(agentId: string, siteIds: readonly string[]) {
    await this.publish({ node: this.redis.nodeId, op: 'sites', agentId, siteIds: [...siteIds] });
    const added = this.joinLocally(agentId, siteIds);
    if (added.length === 0) return;
    await this.mirror(agentId);
    await this.emit(agentId, added);
  }

  onChange(listener: (change: PresenceChange) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the timers and takes this node's agents out of Redis at once (a clean shutdown). */
  close() {
    this.timers.clearInterval(this.heartbeat);
    for (const entry of this.agents.values()) if (entry.grace !== null) this.timers.clearTimeout(entry.grace);
    this.agents.clear();
    this.redis.sub.off('message', this.opListener);
    const id = this.redis.nodeId;
    this.redis.commands
      .multi()
      .srem(this.keys.nodes, id)
      .del(this.keys.node(id), this.keys.alive(id))
      .exec()
      .catch(() => {});
  }

  private joinLocally(agentId: string, siteIds: readonly string[]): string[] {
    const entry = this.agents.get(agentId);
    if (!entry) return [];
    const added = siteIds.filter((s) => !entry.siteIds.includes(s));
    entry.siteIds = [...entry.siteIds, ...added];
    return added;
  }

  /** Writes one agent's state on this node into this node's hash (removed when offline here). */
  private async mirror(agentId: string): Promise<void> {
    const key = this.keys.node(this.redis.nodeId);
    const entry = this.agents.get(agentId);
    if (!entry) {
      await this.redis.commands.hdel(key, agentId);
      return;
    }
    const mirror: Mirror = { status: entry.status, siteIds: entry.siteIds };
    await this.redis.commands
      .multi()
      .hset(key, agentId, JSON.stringify(mirror))
      .pexpire(key, this.ttlMs * 2)
      .exec();
  }

  /** Tells this node's listeners the agent's status across all nodes. */
  private async emit(agentId: string, siteIds: readonly string[], chosen?: Status): Promise<void> {
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
    if (op.node === this.redis.nodeId) return;
    const entry = this.agents.get(op.agentId);
    if (!entry) return;
    // A chosen status is told by the node it was chosen on; joined sites by the nodes holding the
    // agent's sockets (the admin's request may have reached a node without any).
    let added: string[] = [];
    if (op.op === 'status') entry.status = op.status;
    else added = this.joinLocally(op.agentId, op.siteIds);
    this.mirror(op.agentId)
      .then(() => (added.length > 0 ? this.emit(op.agentId, added) : undefined))
      .catch((error: unknown) =>
        this.options.logger?.warn({ err: error }, 'presence: remote change not applied'),
      );
  }
}
