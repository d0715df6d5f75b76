/** Issue 14 (routing): the candidates of a site now — storage's figures joined with presence. */
import type { PresenceStatus, RoutingSettings } from '@frontdesk/shared';
import type { PresenceBook } from '../identity/presence.ts';
import type { RoutingCandidate } from './policy.ts';
import type { AgentRoutingRow, RoutingStore } from './store.ts';

export type Candidate = RoutingCandidate & { name: string };

export async function siteCandidates(
  store: Pick<RoutingStore, 'routingAgents'>,
  presence: Pick<PresenceBook, 'ofSite'>,
  siteId: string,
  settings: RoutingSettings,
): Promise<Candidate[]> {
  const [rows, present] = await Promise.all([store.routingAgents(siteId), presence.ofSite(siteId)]);
  const status = new Map<string, PresenceStatus>(present.map((p) => [p.agentId, p.status]));
  return rows.map((row) => toCandidate(row, status.get(row.agentId) ?? 'offline', settings));
}

/**
 * The status routing goes by: presence says whether the agent is connected; a stored Away (issue 14,
 * away persisted) wins over an online that a node has not caught up with, so every node agrees.
 */
export function routingStatus(present: PresenceStatus, storedAway: boolean): PresenceStatus {
  return present === 'online' && storedAway ? 'away' : present;
}

export const toCandidate = (
  row: AgentRoutingRow,
  status: PresenceStatus,
  settings: RoutingSettings,
): Candidate => ({
  agentId: row.agentId,
  name: row.name,
  status: routingStatus(status, row.away),
  load: row.load,
  capacity: row.capacity ?? settings.defaultCapacity,
  lastAssignedAt: row.lastAssignedAt,
});
