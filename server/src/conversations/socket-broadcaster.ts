/** The socket.io side of the services' Notifier: rooms per visitor, per site's agents, per conversation. */
import { EVENTS } from '@frontdesk/shared';
import { Coalescer } from '../limits/index.ts';
import type { Logger } from '../logger.ts';
import type { ConversationService } from '../services/conversations.ts';
import {
  isVisibleToVisitor,
  toAgentConversation,
  toVisitorConversation,
  toVisitorMessage,
} from '../services/dto.ts';
import type { Notifier } from '../services/notifier.ts';
import type { ConversationRecord } from '../storage/index.ts';
import type { AgentNamespace } from './agent-namespace.ts';
import { ROOMS } from './rooms.ts';
import type { VisitorNamespace } from './visitor-namespace.ts';

const PREVIEW_INTERVAL_MS = 250;

export class SocketNotifier implements Notifier {
  /**
   * Message previews go to every agent of the site, so under load they are coalesced: at most one
   * per conversation per PREVIEW_INTERVAL_MS, always the newest. A real change cancels a pending one.
   */
  private readonly previews = new Coalescer<ConversationRecord>(PREVIEW_INTERVAL_MS, (_id, conversation) =>
    this.emitToAgents(conversation),
  );

  /** Set after construction: the service needs the notifier and the notifier asks the service for queue positions. */
  conversations: ConversationService | null = null;

  constructor(
    private readonly visitors: VisitorNamespace,
    private readonly agents: AgentNamespace,
    private readonly logger: Logger,
  ) {}

  messageStored(conversation: ConversationRecord, message: Parameters<Notifier['messageStored']>[1]) {
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

  private emitToAgents(conversation: ConversationRecord) {
    this.agents
      .to(ROOMS.siteAgents(conversation.siteId))
      .emit(EVENTS.conversationUpdated, toAgentConversation(conversation));
  }

  visitorViewChanged(conversation: ConversationRecord) {
    const position = this.conversations?.queuePosition(conversation) ?? Promise.resolve(null);
    position
      .then((p) =>
        this.visitors
          .to(ROOMS.visitor(conversation.visitorId))
          .emit(EVENTS.conversationState, toVisitorConversation(conversation, p)),
      )
      .catch((error: unknown) => this.logger.error({ err: error }, 'queue position failed'));
  }

  async agentsOnline(siteId: string): Promise<number> {
    const sockets = await this.agents.in(ROOMS.siteAgents(siteId)).fetchSockets();
    return new Set(sockets.map((s) => s.data.ctx.agent.id)).size;
  }
}
