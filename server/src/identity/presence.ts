/**
 * Who is available (issue 10): each agent is `online`, `away` or `offline`. Only online agents count.
 * `Presence` is the read side the bot policy and the widget's site info use; `PresenceBook` is the
 * whole port, kept in memory per node by `MemoryPresence` (a Redis implementation behind the same
 * interface makes it work across nodes). Everything is async so that a networked store fits.
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

export type PresenceBook = Presence & {
  /** A console socket of the agent opened; returns the agent's status (online unless they chose away). */
  socketOpened(agent: { id: string; siteIds: readonly string[] }, socketId: string): Promise<PresenceStatus>;
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

type Timers = {
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

type Entry = {
  status: Exclude<PresenceStatus, 'offline'>;
  siteIds: readonly string[];
  sockets: Set<string>;
  /** Pending "offline" after the last socket closed. */
  grace: unknown;
};

/** Presence of the agents connected to this node, in memory. */
export class MemoryPresence implements PresenceBook {
  private readonly agents = new Map<string, Entry>();
  private readonly listeners = new Set<(change: PresenceChange) => void>();

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

  async socketOpened(agent: { id: string; siteIds: readonly string[] }, socketId: string) {
    const entry = this.agents.get(agent.id);
    if (entry) {
      if (entry.grace !== null) this.timers.clearTimeout(entry.grace);
      entry.grace = null;
      entry.sockets.add(socketId);
      const added = agent.siteIds.filter((s) => !entry.siteIds.includes(s));
      entry.siteIds = [...agent.siteIds];
      if (added.length > 0) this.emit({ agentId: agent.id, status: entry.status, siteIds: added });
      return entry.status;
    }
    this.agents.set(agent.id, {
      status: 'online',
      siteIds: [...agent.siteIds],
      sockets: new Set([socketId]),
      grace: null,
    });
    this.emit({ agentId: agent.id, status: 'online', siteIds: agent.siteIds });
    return 'online' as const;
  }

  async socketClosed(agentId: string, socketId: string) {
    const entry = this.agents.get(agentId);
    if (!entry) return;
    if (!entry.sockets.delete(socketId) || entry.sockets.size > 0) return;
    // A reload closes the socket and opens another within a second or two: wait before going offline.
    entry.grace = this.timers.setTimeout(() => {
      if (this.agents.get(agentId) !== entry || entry.sockets.size > 0) return;
      this.agents.delete(agentId);
      this.emit({ agentId, status: 'offline', siteIds: entry.siteIds });
    }, this.options.graceMs ?? LIMITS.presenceOfflineGraceMs);
  }

  async setStatus(agentId: string, status: ChosenPresenceStatus) {
    const entry = this.agents.get(agentId);
    // Only a connected agent has a status to set (the event comes over their socket).
    if (!entry) return 'offline' as const;
    if (entry.status !== status) {
      entry.status = status;
      this.emit({ agentId, status, siteIds: entry.siteIds });
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
    this.emit({ agentId, status: entry.status, siteIds: added });
  }

  onChange(listener: (change: PresenceChange) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close() {
    for (const entry of this.agents.values()) if (entry.grace !== null) this.timers.clearTimeout(entry.grace);
    this.agents.clear();
  }

  private emit(change: PresenceChange) {
    for (const listener of this.listeners) listener(change);
  }
}
