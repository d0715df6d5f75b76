/**
 * Issue 14 (routing): automatic assignment. On every change of a site's queue (a conversation queued,
 * an agent freed by a resolve, an agent online or back from away) the site's queued conversations are
 * offered, oldest first, to the policy's choice; storage applies each choice atomically and refuses
 * it when the agent filled up meanwhile (another node was faster), and the next candidate is tried.
 * One pass per site at a time on a node; a change during a pass runs one more pass after it.
 */
import { ROUTING_LIMITS, transition } from '@frontdesk/shared';
import type { Broadcaster } from '../conversations/ports.ts';
import type { ConversationRecord, ConversationsStore } from '../conversations/store.ts';
import type { PresenceBook } from '../identity/presence.ts';
import type { Logger } from '../kernel/logger.ts';
import type { SitesStore } from '../sites/store.ts';
import { type Candidate, siteCandidates } from './candidates.ts';
import { rankCandidates } from './policy.ts';
import type { RoutingStore } from './store.ts';
import { systemEventMessage } from './system-event.ts';

export type AutoAssignerDeps = {
  store: Pick<ConversationsStore, 'listConversations' | 'getConversation'> &
    Pick<SitesStore, 'getSite'> &
    Pick<RoutingStore, 'routingAgents' | 'assignWithinCapacity' | 'getTeam'>;
  presence: Pick<PresenceBook, 'ofSite'>;
  /** The broadcaster without routing in it (an assignment must not start another pass by itself). */
  broadcaster: Broadcaster;
  logger: Logger;
  clock: () => Date;
};

export class AutoAssigner {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  constructor(private readonly deps: AutoAssignerDeps) {}

  /** Starts a pass for the site (or one more after the running one); resolves when the site is idle. */
  kick(siteId: string): Promise<void> {
    const current = this.running.get(siteId);
    if (current) {
      this.again.add(siteId);
      return current;
    }
    const pass = (async () => {
      do {
        this.again.delete(siteId);
        try {
          await this.pass(siteId);
        } catch (error) {
          this.deps.logger.error({ err: error, siteId }, 'automatic assignment failed');
        }
      } while (this.again.has(siteId));
      this.running.delete(siteId);
    })();
    this.running.set(siteId, pass);
    return pass;
  }

  /** Waits for every running pass (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  private async pass(siteId: string): Promise<void> {
    const site = await this.deps.store.getSite(siteId);
    if (!site || site.archived || site.settings.routing.mode !== 'auto') return;
    const queued = (
      await this.deps.store.listConversations({
        siteIds: [siteId],
        state: 'queued',
        limit: ROUTING_LIMITS.routingBatch,
      })
    ).filter((c) => c.offline === null);
    if (queued.length === 0) return;
    const candidates = await siteCandidates(
      this.deps.store,
      this.deps.presence,
      siteId,
      site.settings.routing,
    );
    const teams = new Map<string, readonly string[] | null>();
    for (const conversation of queued) {
      if (!candidates.some((c) => c.status === 'online' && c.load < c.capacity)) return;
      let teamAgentIds: readonly string[] | null = null;
      if (conversation.teamId) {
        if (!teams.has(conversation.teamId))
          teams.set(
            conversation.teamId,
            (await this.deps.store.getTeam(conversation.teamId))?.agentIds ?? null,
          );
        teamAgentIds = teams.get(conversation.teamId) ?? null;
      }
      await this.offer(conversation, candidates, teamAgentIds);
    }
  }

  /** Tries the ranked candidates in turn until one takes the conversation or none is left. */
  private async offer(
    first: ConversationRecord,
    candidates: Candidate[],
    teamAgentIds: readonly string[] | null,
  ): Promise<void> {
    let conversation = first;
    for (let attempt = 0; attempt <= candidates.length; attempt++) {
      const [ranked] = rankCandidates(candidates, { teamAgentIds });
      // The ranking returns the same objects: the pass updates their figures as it assigns.
      const best = candidates.find((c) => c.agentId === ranked?.agentId);
      if (!best) return;
      const decided = transition(conversation.state, { type: 'take', agentId: best.agentId });
      if (!decided.ok || !decided.changed || conversation.state !== 'queued') return;
      const at = this.deps.clock().toISOString();
      const result = await this.deps.store.assignWithinCapacity({
        conversationId: conversation.id,
        expectedVersion: conversation.version,
        agentId: best.agentId,
        capacity: best.capacity,
        patch: { state: 'assigned', agentId: best.agentId, assignedAt: at },
        event: systemEventMessage(conversation.id, { name: 'assigned', agentName: best.name }),
        at,
      });
      if (result.status === 'assigned') {
        best.load += 1;
        best.lastAssignedAt = at;
        for (const message of result.messages)
          this.deps.broadcaster.messageStored(result.conversation, message);
        this.deps.broadcaster.conversationChanged(result.conversation);
        this.deps.broadcaster.queueChanged(conversation.siteId);
        return;
      }
      if (result.status === 'full') {
        // Another assignment (maybe on another node) filled the agent: they are out of this pass.
        best.load = best.capacity;
        continue;
      }
      const fresh = await this.deps.store.getConversation(conversation.id);
      if (!fresh || fresh.state !== 'queued') return;
      conversation = fresh;
    }
  }
}
