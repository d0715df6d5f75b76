/**
 * Issue 14 (routing): when an agent goes offline (their last console socket closed and presence's own
 * grace ran out), their assigned conversations go back to the queue after the site's
 * `offlineReturnMinutes` — unless they are back by then. The visitor sees an honest "your agent got
 * disconnected" event; under automatic routing the queue change hands it to the next agent.
 *
 * Durable (issue 14, h9): the moment the agent went offline is stored on the agent. The node that saw
 * it keeps a timer for the return as a fast path, and every node sweeps every
 * `ROUTING_LIMITS.offlineSweepMs`, so the return happens even if that node stops or restarts. A
 * return first claims the agent in storage (one conditional update), so only one node does it at a
 * time; an agent who comes back clears the stored moment, which cancels every pending return.
 */
import { ROUTING_LIMITS } from '@frontdesk/shared';
import type { Transitions } from '../conversations/transitions.ts';
import type { PresenceBook, Timers } from '../identity/presence.ts';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import type { SitesStore } from '../sites/store.ts';
import type { RoutingStore } from './store.ts';

const MINUTE_MS = 60_000;
const MAX_RELEASED = 500;
const MAX_AGENTS_PER_SWEEP = 200;

export type OfflineReleaseDeps = {
  store: Pick<
    RoutingStore,
    | 'listAssignedTo'
    | 'markAgentOffline'
    | 'clearAgentOffline'
    | 'agentOfflineSince'
    | 'offlineAgentsWithWork'
    | 'claimOfflineReturn'
    | 'endOfflineClaim'
  > &
    Pick<SitesStore, 'getSite'>;
  presence: Pick<PresenceBook, 'ofSite' | 'onChange'>;
  transitions: Pick<Transitions, 'apply'>;
  logger: Logger;
  clock?: () => Date;
  timers?: Timers;
  /** How long a "minute" of the setting is (tests shorten it). */
  minuteMs?: number;
  /** How often the sweep runs (default `ROUTING_LIMITS.offlineSweepMs`). */
  sweepMs?: number;
};

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Whether a return of an agent offline since `offlineSince` is due on a site with that grace. */
export function returnDue(
  offlineSince: string,
  graceMinutes: number,
  now: Date,
  minuteMs = MINUTE_MS,
): boolean {
  return now.getTime() - Date.parse(offlineSince) >= graceMinutes * minuteMs;
}

export class OfflineRelease {
  private readonly pending = new Map<string, unknown[]>();
  private stop: (() => void) | null = null;
  private sweepTimer: unknown = null;
  private readonly inFlight = new Set<Promise<void>>();
  /** Set by `close`: no new timer, sweep or return starts, and work under way stops at its next step. */
  private closed = false;

  constructor(private readonly deps: OfflineReleaseDeps) {}

  private get timers() {
    return this.deps.timers ?? realTimers;
  }

  private now(): Date {
    return this.deps.clock?.() ?? new Date();
  }

  private get minuteMs() {
    return this.deps.minuteMs ?? MINUTE_MS;
  }

  start(): void {
    if (this.closed) return;
    this.stop ??= this.deps.presence.onChange((change) => {
      if (change.status === 'offline') this.track(this.agentOffline(change.agentId));
      else this.track(this.agentBack(change.agentId));
    });
    if (this.sweepTimer === null) this.scheduleSweep();
  }

  /**
   * Stops listening, sweeping and every pending return, then waits for the work under way (a sweep, a
   * return, an offline or back being stored) so that none of it touches storage after the server closed
   * it. Work under way stops at its next step (a claim it holds is ended, so another node or the next
   * start picks the rest up), and each step is one bounded storage or presence call. Final.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.stop?.();
    this.stop = null;
    if (this.sweepTimer !== null) this.timers.clearTimeout(this.sweepTimer);
    this.sweepTimer = null;
    for (const agentId of [...this.pending.keys()]) this.cancelTimers(agentId);
    await this.idle();
  }

  /** Timers (the sweep's and pending returns) this node holds now: none once closed. */
  get timersHeld(): number {
    let n = this.sweepTimer === null ? 0 : 1;
    for (const handles of this.pending.values()) n += handles.length;
    return n;
  }

  /** Waits for work under way. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  /** The agent is back (any node): the stored moment goes, so no node returns their conversations. */
  async agentBack(agentId: string): Promise<void> {
    this.cancelTimers(agentId);
    await this.deps.store.clearAgentOffline(agentId);
  }

  async agentOffline(agentId: string): Promise<void> {
    this.cancelTimers(agentId);
    await this.deps.store.markAgentOffline(agentId, this.now().toISOString());
    const assigned = await this.deps.store.listAssignedTo(agentId, MAX_RELEASED);
    const handles: unknown[] = [];
    for (const siteId of new Set(assigned.map((c) => c.siteId))) {
      const site = await this.deps.store.getSite(siteId);
      // Closed meanwhile: no timer outlives the node (the stored moment lets any sweep do the return).
      if (this.closed) break;
      const minutes = site?.settings.routing.offlineReturnMinutes ?? 0;
      handles.push(
        this.timers.setTimeout(() => this.track(this.returnFor(agentId)), minutes * this.minuteMs),
      );
    }
    if (this.closed) for (const handle of handles) this.timers.clearTimeout(handle);
    else if (handles.length > 0) this.pending.set(agentId, handles);
  }

  /** One sweep: every offline agent with assigned conversations whose site's grace has run out. */
  async sweep(): Promise<void> {
    if (this.closed) return;
    for (const { agentId, offlineSince } of await this.deps.store.offlineAgentsWithWork(
      MAX_AGENTS_PER_SWEEP,
    )) {
      if (this.closed) return;
      await this.returnFor(agentId, offlineSince);
    }
  }

  /** Returns the agent's conversations on every site whose grace has run out, under a claim. */
  async returnFor(agentId: string, known?: string): Promise<void> {
    if (this.closed) return;
    const offlineSince = known ?? (await this.deps.store.agentOfflineSince(agentId));
    if (!offlineSince || this.closed) return; // Back meanwhile, or this node is closing.
    const now = this.now();
    const until = new Date(now.getTime() + ROUTING_LIMITS.offlineClaimMs).toISOString();
    if (!(await this.deps.store.claimOfflineReturn(agentId, offlineSince, now.toISOString(), until))) return;
    try {
      const assigned = await this.deps.store.listAssignedTo(agentId, MAX_RELEASED);
      for (const siteId of new Set(assigned.map((c) => c.siteId))) {
        if (this.closed) break;
        const site = await this.deps.store.getSite(siteId);
        if (!site || !returnDue(offlineSince, site.settings.routing.offlineReturnMinutes, now, this.minuteMs))
          continue;
        // Connected on some node (presence may be ahead of storage): nothing to do there.
        if ((await this.deps.presence.ofSite(siteId)).some((p) => p.agentId === agentId)) continue;
        for (const conversation of assigned.filter((c) => c.siteId === siteId)) {
          if (this.closed) break;
          try {
            await this.deps.transitions.apply(conversation.id, { type: 'release' });
          } catch (error) {
            // Resolved, taken or released by someone else meanwhile.
            if (!(error instanceof AppError)) throw error;
          }
        }
      }
    } finally {
      await this.deps.store.endOfflineClaim(agentId, until);
    }
  }

  private cancelTimers(agentId: string): void {
    for (const handle of this.pending.get(agentId) ?? []) this.timers.clearTimeout(handle);
    this.pending.delete(agentId);
  }

  private scheduleSweep(): void {
    this.sweepTimer = this.timers.setTimeout(() => {
      this.sweepTimer = null;
      this.track(
        this.sweep().finally(() => {
          if (!this.closed) this.scheduleSweep();
        }),
      );
    }, this.deps.sweepMs ?? ROUTING_LIMITS.offlineSweepMs);
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'returning conversations failed'))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
