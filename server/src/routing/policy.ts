/**
 * Issue 14 (routing): who gets a queued conversation under automatic routing. Pure: the inputs are
 * the candidates as storage and presence see them now. Only online agents with free capacity (and in
 * the target team, when there is one) are eligible; among them the one assigned least recently wins
 * (never assigned first), then the lightest load, then the id (a stable order). Storage applies the
 * choice atomically and refuses it when the agent filled up meanwhile (another node was faster);
 * the caller then decides again with fresh figures.
 */
import type { PresenceStatus } from '@frontdesk/shared';

export type RoutingCandidate = {
  agentId: string;
  status: PresenceStatus;
  /** Conversations assigned to the agent now. */
  load: number;
  capacity: number;
  /** When the agent was last given a conversation (ISO), null: never. */
  lastAssignedAt: string | null;
};

export type RoutingRequest = {
  /** Only members of this team, when the conversation waits for a team. */
  teamAgentIds?: readonly string[] | null;
  /** Never this agent (the one the conversation comes from). */
  excludeAgentId?: string | null;
};

export const hasRoom = (c: RoutingCandidate): boolean => c.status === 'online' && c.load < c.capacity;

/** Least recently assigned first (never assigned before anyone), then lighter load, then id. */
export function compareCandidates(a: RoutingCandidate, b: RoutingCandidate): number {
  if (a.lastAssignedAt !== b.lastAssignedAt) {
    if (a.lastAssignedAt === null) return -1;
    if (b.lastAssignedAt === null) return 1;
    return a.lastAssignedAt < b.lastAssignedAt ? -1 : 1;
  }
  if (a.load !== b.load) return a.load - b.load;
  return a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0;
}

/** The eligible candidates, best first. */
export function rankCandidates(
  candidates: readonly RoutingCandidate[],
  request: RoutingRequest = {},
): RoutingCandidate[] {
  const team = request.teamAgentIds ? new Set(request.teamAgentIds) : null;
  return candidates
    .filter((c) => hasRoom(c) && (!team || team.has(c.agentId)) && c.agentId !== request.excludeAgentId)
    .sort(compareCandidates);
}

/** The agent who should get the conversation, or null when it must wait in the queue. */
export function pickAgent(
  candidates: readonly RoutingCandidate[],
  request: RoutingRequest = {},
): string | null {
  return rankCandidates(candidates, request)[0]?.agentId ?? null;
}

/**
 * Several conversations in queue order: each pick counts for the next (load + 1, assigned "now"),
 * so a burst of arrivals is spread round-robin and never beyond anyone's capacity.
 * `at` gives each assignment's time, increasing.
 */
export function planAssignments(
  candidates: readonly RoutingCandidate[],
  conversations: readonly ({ id: string } & RoutingRequest)[],
  at: (index: number) => string,
): { conversationId: string; agentId: string | null }[] {
  const pool = candidates.map((c) => ({ ...c }));
  return conversations.map((conversation, index) => {
    const agentId = pickAgent(pool, conversation);
    const chosen = pool.find((c) => c.agentId === agentId);
    if (chosen) {
      chosen.load += 1;
      chosen.lastAssignedAt = at(index);
    }
    return { conversationId: conversation.id, agentId };
  });
}
