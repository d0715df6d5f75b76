/**
 * Issue 10 (presence): the socket side of presence. Agent sockets report to the presence book as they
 * open and close; each change goes to the agents of the agent's sites (`presence:changed`), to the
 * visitors of those sites (`site:availability`) and refreshes their queues (positions and estimates).
 */
import { EVENTS, type PresenceStatus } from '@frontdesk/shared';
import type { Logger } from '../kernel/logger.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';
import type { AgentStatus } from './agent-status.ts';
import type { PresenceBook } from './presence.ts';
import type { AgentNamespace, AgentSocket, VisitorNamespace } from './sockets.ts';

export type PresenceRelayDeps = {
  presence: PresenceBook;
  namespaces: { visitor: VisitorNamespace; agent: AgentNamespace };
  queueChanged(siteId: string): void;
  logger: Logger;
};

/** Forwards every change; returns what stops forwarding. */
export function relayPresence(deps: PresenceRelayDeps): () => void {
  const { presence, namespaces } = deps;
  return presence.onChange((change) => {
    const { agentId, status } = change;
    if (change.siteIds.length === 0) return;
    namespaces.agent
      .to(change.siteIds.map(ROOMS.siteAgents))
      .emit(EVENTS.presenceChanged, { agentId, status });
    for (const siteId of change.siteIds) {
      presence
        .agentsOnline(siteId)
        .then((agentsOnline) =>
          namespaces.visitor.to(ROOMS.siteVisitors(siteId)).emit(EVENTS.siteAvailability, { agentsOnline }),
        )
        .catch((error: unknown) => deps.logger.error({ err: error, siteId }, 'availability update failed'));
      deps.queueChanged(siteId);
    }
  });
}

/**
 * An agent socket joins the presence book (with the agent's stored status, issue 14); it learns
 * everyone's status of its sites, the agent's own included.
 *
 * Joining reads storage first, so the socket may close before it has joined: its close is reported
 * only after the join settled, else the book would keep a socket that is gone and the agent online.
 */
export async function trackAgentSocket(
  socket: AgentSocket,
  presence: PresenceBook,
  status: Pick<AgentStatus, 'opened'>,
  logger: Logger,
) {
  const { agent, siteIds } = socket.data.ctx;
  const joined = status.opened({ id: agent.id, siteIds }, socket.id);
  socket.on('disconnect', () => {
    joined
      .catch(() => undefined)
      .then(() => presence.socketClosed(agent.id, socket.id))
      .catch((error: unknown) => logger.error({ err: error }, 'presence: socket close failed'));
  });
  try {
    await joined;
    const known = new Map<string, PresenceStatus>();
    for (const siteId of siteIds)
      for (const p of await presence.ofSite(siteId)) known.set(p.agentId, p.status);
    for (const [agentId, status] of known) socket.emit(EVENTS.presenceChanged, { agentId, status });
  } catch (error) {
    logger.error({ err: error }, 'presence: socket open failed');
  }
}
