/**
 * The two socket namespaces put together: each checks its handshake, then registers its events on
 * every connection. Agent sockets also follow their sessions (closed when a session ends).
 */
import { CONTACT_LIMITS, LIMITS } from '@frontdesk/shared';
import { agentEvents } from '../conversations/agent-events.ts';
import { visitorEvents } from '../conversations/visitor-events.ts';
import { agentHandshake } from '../identity/agent-handshake.ts';
import { relayPresence, trackAgentSocket } from '../identity/presence-relay.ts';
import { recheckSessions } from '../identity/session-sockets.ts';
import type { AgentNamespace, VisitorNamespace } from '../identity/sockets.ts';
import { visitorHandshake } from '../identity/visitor-handshake.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Budgets, TrustProxy } from '../limits/index.ts';
import type { Services } from './services.ts';

export type RealtimeDeps = {
  namespaces: { visitor: VisitorNamespace; agent: AgentNamespace };
  services: Services;
  /** Whether the server is reached over https (for the origin of same-origin handshakes). */
  secure: boolean;
  selfOrigins: readonly string[];
  budgets: Budgets;
  trustProxy: TrustProxy;
  logger: Logger;
  /** How often the sessions behind open agent sockets are checked again (default `LIMITS.agentSessionRecheckMs`). */
  sessionRecheckMs?: number;
};

/**
 * Sets up both namespaces; returns what stops their timers when the server closes. `close` resolves
 * once the work they started (an offline return under way) has ended: the server closes the storage
 * only after that.
 */
export function mountRealtime(deps: RealtimeDeps): { close(): Promise<void> } {
  const { namespaces, services, budgets, logger, secure, trustProxy } = deps;

  namespaces.visitor.use(
    visitorHandshake({ secure, visitors: services.visitors, budgets, trustProxy, logger }),
  );
  namespaces.visitor.on('connection', (socket) =>
    visitorEvents(socket, {
      conversations: services.visitorConversations,
      visitors: services.visitors,
      presence: services.presence,
      pageViews: services.pageViews,
      queue: services.queue,
      offlineMessages: services.offlineMessages,
      budgets,
      logger,
      clock: services.clock,
      transcripts: services.mail.transcripts,
      typing: services.typing,
      reads: services.reads,
      contacts: { contacts: services.contacts.visitor, sockets: services.contacts.sockets },
    }),
  );

  namespaces.agent.use(
    agentHandshake({
      secure,
      sessions: services.sessions,
      selfOrigins: deps.selfOrigins,
      budgets,
      trustProxy,
      logger,
    }),
  );
  namespaces.agent.on('connection', (socket) => {
    services.sessionSockets.join(socket);
    // Issue 10 (presence). Issue 14: joining reads the stored status first, so a status the console
    // chooses over this socket (its `presence:set` on connect) waits for the join; else the set would
    // find no socket in the book and be lost, and the join would put the agent online.
    const joined = trackAgentSocket(socket, services.presence, services.agentStatus, logger);
    agentEvents(socket, {
      conversations: services.agentConversations,
      budgets,
      logger,
      presence: { set: (agentId, input) => joined.then(() => services.agentStatus.set(agentId, input)) },
      typing: services.typing,
      reads: services.reads,
      transfers: services.transfers,
    });
  });

  // Issue 10 (presence): changes reach agents and visitors; the abandon sweeper runs with the server.
  const stopRelay = relayPresence({
    presence: services.presence,
    namespaces,
    queueChanged: (siteId) => services.broadcaster.queueChanged(siteId),
    logger,
  });
  services.abandonSweeper.start();
  // Issue 14 (routing): an offline agent's conversations go back to the queue after the site's grace.
  services.offlineRelease.start();
  // Issue 12: the daily retention run.
  services.contacts.retention.start(CONTACT_LIMITS.retentionIntervalMs);

  const sessions = recheckSessions(
    services.sessionSockets,
    services.sessions,
    deps.sessionRecheckMs ?? LIMITS.agentSessionRecheckMs,
    logger,
  );
  return {
    async close() {
      sessions.close();
      stopRelay();
      void services.abandonSweeper.stop();
      services.contacts.retention.stop();
      // Issue 14: a return under way ends (it reads presence) before presence and then storage close.
      await services.offlineRelease.close();
      services.presence.close();
    },
  };
}
