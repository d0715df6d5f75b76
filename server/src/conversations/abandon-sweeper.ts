/**
 * Issue 10: the sweeper that takes abandoned conversations out of the queue. Every `intervalMs` it
 * lists queued conversations whose visitor has not been there for at least the smallest allowed
 * setting, checks each against its site's `abandonAfterMinutes` and against the visitor's sockets
 * (on any node), and abandons the rest. Started with the server, stopped on close; time is injected.
 *
 * Issue 11: with several nodes only one sweeps at a time: each pass starts by asking the `SweepLease`
 * (taking or renewing it), and a node that does not hold it skips the pass. Stopping gives it up.
 * A failing pass (the lease's Redis down, the database away) is logged once per outage (D5), not
 * once per interval.
 */
import { LIMITS } from '@frontdesk/shared';
import type { Logger } from '../kernel/logger.ts';
import { type OutageLog, outageLog } from '../kernel/outage-log.ts';
import type { SitesStore } from '../sites/store.ts';
import { isIdleQueued } from './abandonment.ts';
import type { ConversationsStore } from './store.ts';
import { type SweepLease, soleLease } from './sweep-lease.ts';
import type { Transitions } from './transitions.ts';

export type AbandonSweeperDeps = {
  store: Pick<ConversationsStore, 'listIdleQueued' | 'touchVisitorActivity'> & Pick<SitesStore, 'getSite'>;
  transitions: Pick<Transitions, 'apply'>;
  /** Whether the visitor has a socket open anywhere (a socket.io room lookup across nodes). */
  visitorConnected(visitorId: string): Promise<boolean>;
  clock: () => Date;
  logger: Logger;
  intervalMs?: number;
  /** Conversations looked at per sweep (the rest wait for the next one). */
  batch?: number;
  /** Issue 11: which node sweeps (default: this one, always). */
  lease?: SweepLease;
};

/** One pass: whether this node held the lease (and so swept), and how many it abandoned. */
export type SweepTurn = { swept: boolean; abandoned: number };

export class AbandonSweeper {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<SweepTurn> | null = null;
  private stopping: Promise<void> | null = null;
  private failures: OutageLog | null = null;

  constructor(private readonly deps: AbandonSweeperDeps) {}

  private get lease() {
    return this.deps.lease ?? soleLease;
  }

  start(): void {
    if (this.timer || this.stopping) return;
    this.timer = setInterval(() => {
      void this.turn();
    }, this.deps.intervalMs ?? LIMITS.abandonSweepMs);
    this.timer.unref?.();
  }

  /** Stops the passes and, once the one running ends, gives the lease up. Final; safe to call twice. */
  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopping ??= (async () => {
      await this.running;
      await this.lease.release();
    })().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'abandon sweep lease not released'));
    return this.stopping;
  }

  /** One pass; returns how many conversations it abandoned (0 when another node holds the lease). */
  async sweep(): Promise<number> {
    return (await this.turn()).abandoned;
  }

  /** One pass if this node holds the lease. Never overlaps itself, never throws; none after `stop`. */
  turn(): Promise<SweepTurn> {
    if (this.stopping) return Promise.resolve({ swept: false, abandoned: 0 });
    this.failures ??= outageLog(this.deps.logger, 'abandon sweep');
    const failures = this.failures;
    this.running ??= this.leasedPass()
      .then((turn) => {
        failures.recovered();
        return turn;
      })
      .catch((error: unknown) => {
        failures.failed(error);
        return { swept: false, abandoned: 0 };
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async leasedPass(): Promise<SweepTurn> {
    if (!(await this.lease.acquire())) return { swept: false, abandoned: 0 };
    return { swept: true, abandoned: await this.pass() };
  }

  private async pass(): Promise<number> {
    const { store, clock } = this.deps;
    const now = clock();
    const cutoff = new Date(now.getTime() - LIMITS.abandonAfterMinutesMin * 60_000).toISOString();
    const candidates = await store.listIdleQueued(cutoff, this.deps.batch ?? 200);
    const settings = new Map<string, number>();
    let abandoned = 0;
    for (const c of candidates) {
      if (!settings.has(c.siteId)) {
        const site = await store.getSite(c.siteId);
        settings.set(c.siteId, site?.settings.abandonAfterMinutes ?? LIMITS.abandonAfterMinutes);
      }
      if (!isIdleQueued(c, now, settings.get(c.siteId) ?? LIMITS.abandonAfterMinutes)) continue;
      if (await this.deps.visitorConnected(c.visitorId)) {
        // Still there, just quiet: the clock starts again from now.
        await store.touchVisitorActivity(c.visitorId, now.toISOString());
        continue;
      }
      try {
        await this.deps.transitions.apply(c.id, { type: 'abandon' }, { abandonedAt: now.toISOString() });
        abandoned++;
      } catch (error) {
        // Taken or changed meanwhile: the state machine refused, which is the right outcome.
        this.deps.logger.debug({ err: error, conversationId: c.id }, 'abandon skipped');
      }
    }
    return abandoned;
  }
}
