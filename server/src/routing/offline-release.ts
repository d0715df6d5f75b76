/**
 * Issue 14 (routing): when an agent goes offline (their last console socket closed and presence's own
 * grace ran out), their assigned conversations go back to the queue after the site's
 * `offlineReturnMinutes` — unless they are back by then. The visitor sees an honest "your agent got
 * disconnected" event; under automatic routing the queue change hands it to the next agent.
 * The timers live on the node that saw the agent go offline (see docs/ROUTING.md for what that means).
 */

import type { Transitions } from '../conversations/transitions.ts';
import type { PresenceBook, Timers } from '../identity/presence.ts';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import type { SitesStore } from '../sites/store.ts';
import type { RoutingStore } from './store.ts';

const MINUTE_MS = 60_000;
const MAX_RELEASED = 500;

export type OfflineReleaseDeps = {
  store: Pick<RoutingStore, 'listAssignedTo'> & Pick<SitesStore, 'getSite'>;
  presence: Pick<PresenceBook, 'ofSite' | 'onChange'>;
  transitions: Pick<Transitions, 'apply'>;
  logger: Logger;
  timers?: Timers;
  /** How long a "minute" of the setting is (tests shorten it). */
  minuteMs?: number;
};

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class OfflineRelease {
  private readonly pending = new Map<string, unknown[]>();
  private stop: (() => void) | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: OfflineReleaseDeps) {}

  private get timers() {
    return this.deps.timers ?? realTimers;
  }

  start(): void {
    this.stop ??= this.deps.presence.onChange((change) => {
      if (change.status === 'offline') this.track(this.agentOffline(change.agentId));
      else this.agentBack(change.agentId);
    });
  }

  close(): void {
    this.stop?.();
    this.stop = null;
    for (const agentId of [...this.pending.keys()]) this.agentBack(agentId);
  }

  /** Waits for releases under way (tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  agentBack(agentId: string): void {
    for (const handle of this.pending.get(agentId) ?? []) this.timers.clearTimeout(handle);
    this.pending.delete(agentId);
  }

  async agentOffline(agentId: string): Promise<void> {
    this.agentBack(agentId);
    const assigned = await this.deps.store.listAssignedTo(agentId, MAX_RELEASED);
    const handles: unknown[] = [];
    for (const siteId of new Set(assigned.map((c) => c.siteId))) {
      const site = await this.deps.store.getSite(siteId);
      const minutes = site?.settings.routing.offlineReturnMinutes ?? 0;
      handles.push(
        this.timers.setTimeout(
          () => this.track(this.release(agentId, siteId)),
          minutes * (this.deps.minuteMs ?? MINUTE_MS),
        ),
      );
    }
    if (handles.length > 0) this.pending.set(agentId, handles);
  }

  private async release(agentId: string, siteId: string): Promise<void> {
    // Back on another node meanwhile: nothing to do.
    if (
      (await this.deps.presence.ofSite(siteId)).some((p) => p.agentId === agentId && p.status !== 'offline')
    )
      return;
    const assigned = await this.deps.store.listAssignedTo(agentId, MAX_RELEASED);
    for (const conversation of assigned.filter((c) => c.siteId === siteId)) {
      try {
        await this.deps.transitions.apply(conversation.id, { type: 'release' });
      } catch (error) {
        // Resolved, taken or released by someone else meanwhile.
        if (!(error instanceof AppError)) throw error;
      }
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'returning conversations failed'))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
