/** Issue 14 (routing): automatic assignment, transfer, offline release, teams and settings. */
import { EVENTS } from '@frontdesk/shared';
import type { ConversationAccess } from '../conversations/access.ts';
import type { Broadcaster } from '../conversations/ports.ts';
import type { Transitions } from '../conversations/transitions.ts';
import type { PresenceBook } from '../identity/presence.ts';
import type { AgentNamespace } from '../identity/sockets.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Storage } from '../storage/types.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';
import { RoutingAdmin } from './admin.ts';
import { AutoAssigner } from './auto-assigner.ts';
import { withRouting } from './broadcaster.ts';
import { OfflineRelease } from './offline-release.ts';
import { Transfers } from './transfer.ts';

export { routingRoutes } from './routes.ts';

export type RoutingDeps = {
  storage: Storage;
  presence: PresenceBook;
  /** The broadcaster before routing (assignments broadcast through it). */
  broadcaster: Broadcaster;
  agentNamespace: AgentNamespace;
  logger: Logger;
  clock: () => Date;
  minuteMs?: number;
};

/** The routing parts that do not need the transitions, and the broadcaster the use cases get. */
export function buildRouting(deps: RoutingDeps) {
  const assigner = new AutoAssigner({
    store: deps.storage,
    presence: deps.presence,
    broadcaster: deps.broadcaster,
    logger: deps.logger,
    clock: deps.clock,
  });
  const broadcaster = withRouting(deps.broadcaster, (siteId) => void assigner.kick(siteId));
  const admin = new RoutingAdmin({
    store: deps.storage,
    queueChanged: (siteId) => broadcaster.queueChanged(siteId),
  });
  /** The parts that need the transitions (built with the routed broadcaster). */
  const withTransitions = (transitions: Transitions, access: ConversationAccess) => ({
    transfers: new Transfers({
      store: deps.storage,
      access,
      presence: deps.presence,
      broadcaster,
      clock: deps.clock,
      notify: (agentIds, notice) => {
        if (agentIds.length > 0)
          deps.agentNamespace.to(agentIds.map(ROOMS.agent)).emit(EVENTS.conversationTransferred, notice);
      },
    }),
    offlineRelease: new OfflineRelease({
      store: deps.storage,
      presence: deps.presence,
      transitions,
      logger: deps.logger,
      clock: deps.clock,
      minuteMs: deps.minuteMs,
    }),
  });
  return { assigner, broadcaster, admin, withTransitions };
}
