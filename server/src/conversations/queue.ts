/**
 * A visitor's place in the site's queue (1 = next) and the honest wait estimate, shown while they
 * wait for a person. Only `queued` conversations count (abandoned ones are out of the line).
 */
import { LIMITS, type QueueInfo } from '@frontdesk/shared';
import type { Presence } from '../identity/presence.ts';
import type { ConversationRecord, ConversationsStore } from './store.ts';
import { estimateWait } from './wait-estimate.ts';

/** What the estimate needs about a site, read once for all its waiting visitors. */
export type SiteQueueFacts = { waitsMs: number[]; agentsOnline: number; assigned: number };

export class QueuePositions {
  constructor(
    private readonly store: Pick<
      ConversationsStore,
      'countQueuedBefore' | 'recentTakeovers' | 'countAssigned'
    >,
    private readonly presence: Presence,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async facts(siteId: string): Promise<SiteQueueFacts> {
    const since = new Date(this.clock().getTime() - LIMITS.waitSamplesWindowMs).toISOString();
    const [takeovers, agentsOnline, assigned] = await Promise.all([
      this.store.recentTakeovers(siteId, since, LIMITS.waitSamplesMax),
      this.presence.agentsOnline(siteId),
      this.store.countAssigned(siteId),
    ]);
    const waitsMs = takeovers.map((t) => Date.parse(t.assignedAt) - Date.parse(t.queuedAt));
    return { waitsMs, agentsOnline, assigned };
  }

  async of(c: ConversationRecord, facts?: SiteQueueFacts): Promise<QueueInfo | null> {
    // An offline message is not in the live line: the visitor was told they get an e-mail.
    if (c.state !== 'queued' || !c.queuedAt || c.offline) return null;
    const position = (await this.store.countQueuedBefore(c.siteId, c.queuedAt)) + 1;
    const site = facts ?? (await this.facts(c.siteId));
    return { position, waitingSince: c.queuedAt, estimate: estimateWait({ ...site, position }) };
  }
}
