/** The socket.io side of `Broadcaster`: rooms per visitor, per site's agents, per watched conversation. */
import { type AgentServerEvents, EVENTS, LIMITS, type VisitorServerEvents } from '@frontdesk/shared';
import type { Logger } from '../kernel/logger.ts';
import { Coalescer } from '../limits/index.ts';
import type { EventMap } from '../transport/realtime/io.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';
import type { Broadcaster } from './ports.ts';
import type { QueuePositions } from './queue.ts';
import type { ConversationRecord } from './store.ts';
import { isVisibleToVisitor, toAgentConversation, toVisitorConversation, toVisitorMessage } from './views.ts';

const PREVIEW_INTERVAL_MS = 250;

/**
 * Issue 17: where a message preview goes — the site's consoles that show the list, and every socket
 * of the conversation's assigned agent (their unread count and attention follow their own
 * conversations on any page). Real changes (state, assignment, queue) still go to every agent of the site.
 */
export function previewRooms(
  conversation: Pick<ConversationRecord, 'siteId' | 'state' | 'agentId'>,
): string[] {
  const rooms = [ROOMS.siteLists(conversation.siteId)];
  if (conversation.state === 'assigned' && conversation.agentId)
    rooms.push(ROOMS.agent(conversation.agentId));
  return rooms;
}

/** A namespace's rooms as far as emitting goes (a typed socket.io `Namespace` is one). */
export type Rooms<Events extends EventMap> = {
  /** Several rooms: each socket in any of them gets the event once. */
  to(room: string | string[]): {
    emit<E extends keyof Events & string>(event: E, ...args: Parameters<Events[E]>): boolean;
  };
};

export class SocketBroadcaster implements Broadcaster {
  /**
   * Message previews are coalesced: at most one per conversation per PREVIEW_INTERVAL_MS, always the
   * newest. A real change cancels a pending one.
   */
  private readonly previews = new Coalescer<ConversationRecord>(PREVIEW_INTERVAL_MS, (_id, conversation) =>
    this.agents
      .to(previewRooms(conversation))
      .emit(EVENTS.conversationUpdated, toAgentConversation(conversation)),
  );

  /** Issue 10: queue refreshes of a site, at most one per `LIMITS.queueRefreshMs`, the last always sent. */
  private readonly queues = new Coalescer<string>(LIMITS.queueRefreshMs, (siteId) => {
    this.refreshQueue(siteId).catch((error: unknown) =>
      this.logger.error({ err: error, siteId }, 'queue refresh failed'),
    );
  });

  constructor(
    private readonly visitors: Rooms<VisitorServerEvents>,
    private readonly agents: Rooms<AgentServerEvents>,
    private readonly queue: Pick<QueuePositions, 'of'> & Partial<Pick<QueuePositions, 'facts'>>,
    private readonly logger: Logger,
    /** Issue 10: the queued conversations of a site, oldest first (for the queue refresh). */
    private readonly listQueued: (siteId: string) => Promise<ConversationRecord[]> = async () => [],
  ) {}

  queueChanged(siteId: string) {
    this.queues.submit(siteId, siteId);
  }

  private async refreshQueue(siteId: string) {
    const queued = await this.listQueued(siteId);
    if (queued.length === 0) return;
    const facts = await this.queue.facts?.(siteId);
    for (const c of queued) {
      const info = await this.queue.of(c, facts);
      this.visitors
        .to(ROOMS.visitor(c.visitorId))
        .emit(EVENTS.conversationState, toVisitorConversation(c, info));
    }
  }

  messageStored(conversation: ConversationRecord, message: Parameters<Broadcaster['messageStored']>[1]) {
    if (isVisibleToVisitor(message)) {
      this.visitors
        .to(ROOMS.visitor(conversation.visitorId))
        .emit(EVENTS.messageNew, toVisitorMessage(message));
    }
    this.agents.to(ROOMS.conversation(conversation.id)).emit(EVENTS.messageNew, message);
  }

  conversationChanged(conversation: ConversationRecord) {
    this.previews.cancel(conversation.id);
    this.emitToAgents(conversation);
    this.visitorViewChanged(conversation);
  }

  previewChanged(conversation: ConversationRecord) {
    this.previews.submit(conversation.id, conversation);
  }

  visitorViewChanged(conversation: ConversationRecord) {
    this.queue
      .of(conversation)
      .then((info) =>
        this.visitors
          .to(ROOMS.visitor(conversation.visitorId))
          .emit(EVENTS.conversationState, toVisitorConversation(conversation, info)),
      )
      .catch((error: unknown) => this.logger.error({ err: error }, 'queue position failed'));
  }

  private emitToAgents(conversation: ConversationRecord) {
    this.agents
      .to(ROOMS.siteAgents(conversation.siteId))
      .emit(EVENTS.conversationUpdated, toAgentConversation(conversation));
  }
}
