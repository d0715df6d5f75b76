/**
 * Who is available (issue 10): each agent is `online`, `away` or `offline`. Only online agents count.
 * `Presence` is the read side the bot policy and the widget's site info use; `PresenceBook` is the
 * whole port, kept in memory per node by `MemoryPresence`. `RedisPresence` (issue 11) wraps a
 * `MemoryPresence` for this node's sockets and grace timers and mirrors what it reports to Redis, so
 * the per-node rules live here only. Everything is async so that a networked store fits.
 */
import {
  type AgentPresence,
  type ChosenPresenceStatus,
  LIMITS,
  type PresenceStatus,
} from '@frontdesk/shared';

export type Presence = {
  /** Available (online) agents of a site right now, each counted once however many tabs they have. */
  agentsOnline(siteId: string): Promise<number>;
};

/** One agent's presence changed; `siteIds` are the sites whose availability it touches. */
export type PresenceChange = AgentPresence & { siteIds: readonly string[] };

/**
 * What made `MemoryPresence` report a change: a first socket (`opened`), sites added (`sites`), a chosen
 * status (`status`), the grace after the last socket ran out (`offline`). The Redis wrapper tells them
 * apart; other listeners can ignore it.
 */
export type ChangeKind = 'opened' | 'sites' | 'status' | 'offline';

export type PresenceBook = Presence & {
  /**
   * A console socket of the agent opened; returns the agent's status (online unless they chose away).
   * `stored` is the status kept in storage (issue 14): a first socket starts with it unless a node
   * that has the agent connected already knows better.
   */
  socketOpened(
    agent: { id: string; siteIds: readonly string[] },
    socketId: string,
    stored?: LiveStatus,
  ): Promise<PresenceStatus>;
  /** A console socket closed; the last one makes the agent offline after the grace period. */
  socketClosed(agentId: string, socketId: string): Promise<void>;
  /** The agent chose a status (or the console set away after idle time). */
  setStatus(agentId: string, status: ChosenPresenceStatus): Promise<PresenceStatus>;
  /** Every known agent (not offline) of a site and their status. */
  ofSite(siteId: string): Promise<AgentPresence[]>;
  /** A signed-in agent joined sites (an admin creating one): they count there at once. */
  sitesJoined(agentId: string, siteIds: readonly string[]): Promise<void>;
  /** Called after each change; returns what unsubscribes. */
  onChange(listener: (change: PresenceChange) => void): () => void;
  /** Stops the grace timers. */
  close(): void;
};

export type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A status an agent with a socket has. */
export type LiveStatus = Exclude<PresenceStatus, 'offline'>;

type Entry = {
  status: LiveStatus;
  siteIds: readonly string[];
  sockets: Set<string>;
  /** Pending "offline" after the last socket closed. */
  grace: unknown;
};

type Listener = (change: PresenceChange, kind: ChangeKind) => void;

/**
 * Presence of the agents connected to this node, in memory. Listeners are called synchronously inside
 * the call that made the change (the grace timer's callback for `offline`), before it resolves.
 */
export class MemoryPresence implements PresenceBook {
  private readonly agents = new Map<string, Entry>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly options: { graceMs?: number; timers?: Timers } = {}) {}

  private get timers() {
    return this.options.timers ?? realTimers;
  }

  async agentsOnline(siteId: string): Promise<number> {
    let n = 0;
    for (const entry of this.agents.values())
      if (entry.status === 'online' && entry.siteIds.includes(siteId)) n++;
    return n;
  }

  /** The agent's state here while they have a socket (or are within the grace after their last one). */
  stateOf(agentId: string): { status: LiveStatus; siteIds: readonly string[] } | undefined {
    const entry = this.agents.get(agentId);
    return entry && { status: entry.status, siteIds: entry.siteIds };
  }

  /** Every agent here with their state (a node's whole mirror, written anew by its heartbeat). */
  states(): Array<[string, { status: LiveStatus; siteIds: readonly string[] }]> {
    return [...this.agents].map(([agentId, entry]) => [
      agentId,
      { status: entry.status, siteIds: entry.siteIds },
    ]);
  }

  /**
   * `initial` is the status a first socket starts with (default online); another node may know the
   * agent's chosen status. It is ignored when the agent is already here.
   */
  async socketOpened(
    agent: { id: string; siteIds: readonly string[] },
    socketId: string,
    initial: LiveStatus = 'online',
  ) {
    const entry = this.agents.get(agent.id);
    if (entry) {
      if (entry.grace !== null) this.timers.clearTimeout(entry.grace);
      entry.grace = null;
      entry.sockets.add(socketId);
      const added = agent.siteIds.filter((s) => !entry.siteIds.includes(s));
      entry.siteIds = [...agent.siteIds];
      if (added.length > 0) this.emit({ agentId: agent.id, status: entry.status, siteIds: added }, 'sites');
      return entry.status;
    }
    this.agents.set(agent.id, {
      status: initial,
      siteIds: [...agent.siteIds],
      sockets: new Set([socketId]),
      grace: null,
    });
    this.emit({ agentId: agent.id, status: initial, siteIds: agent.siteIds }, 'opened');
    return initial;
  }

  async socketClosed(agentId: string, socketId: string) {
    const entry = this.agents.get(agentId);
    if (!entry) return;
    if (!entry.sockets.delete(socketId) || entry.sockets.size > 0) return;
    // A reload closes the socket and opens another within a second or two: wait before going offline.
    entry.grace = this.timers.setTimeout(() => {
      if (this.agents.get(agentId) !== entry || entry.sockets.size > 0) return;
      this.agents.delete(agentId);
      this.emit({ agentId, status: 'offline', siteIds: entry.siteIds }, 'offline');
    }, this.options.graceMs ?? LIMITS.presenceOfflineGraceMs);
  }

  async setStatus(agentId: string, status: ChosenPresenceStatus) {
    const entry = this.agents.get(agentId);
    // Only a connected agent has a status to set (the event comes over their socket).
    if (!entry) return 'offline' as const;
    if (entry.status !== status) {
      entry.status = status;
      this.emit({ agentId, status, siteIds: entry.siteIds }, 'status');
    }
    return entry.status;
  }

  async ofSite(siteId: string): Promise<AgentPresence[]> {
    return [...this.agents.entries()]
      .filter(([, e]) => e.siteIds.includes(siteId))
      .map(([agentId, e]) => ({ agentId, status: e.status }));
  }

  async sitesJoined(agentId: string, siteIds: readonly string[]) {
    const entry = this.agents.get(agentId);
    if (!entry) return;
    const added = siteIds.filter((s) => !entry.siteIds.includes(s));
    if (added.length === 0) return;
    entry.siteIds = [...entry.siteIds, ...added];
    this.emit({ agentId, status: entry.status, siteIds: added }, 'sites');
  }

  onChange(listener: Listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close() {
    for (const entry of this.agents.values()) if (entry.grace !== null) this.timers.clearTimeout(entry.grace);
    this.agents.clear();
  }

  private emit(change: PresenceChange, kind: ChangeKind) {
    for (const listener of this.listeners) listener(change, kind);
  }
}
