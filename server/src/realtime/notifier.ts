/** The socket.io side of the services' Notifier: rooms per visitor, per site's agents, per conversation. */
import { EVENTS } from '@frontdesk/shared';
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
  private readonly previews = new Map<
    string,
    { latest: ConversationRecord; timer: ReturnType<typeof setTimeout> }
  >();

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
    this.cancelPreview(conversation.id);
    this.emitToAgents(conversation);
    this.visitorViewChanged(conversation);
  }

  /**
   * Message previews go to every agent of the site, so under load they are coalesced: at most one
   * per conversation per PREVIEW_INTERVAL_MS, always the newest. A real change cancels a pending one.
   */
  previewChanged(conversation: ConversationRecord) {
    const pending = this.previews.get(conversation.id);
    if (pending) {
      pending.latest = conversation;
      return;
    }
    this.emitToAgents(conversation);
    const timer = setTimeout(() => {
      const entry = this.previews.get(conversation.id);
      this.previews.delete(conversation.id);
      if (entry && entry.latest !== conversation) this.emitToAgents(entry.latest);
    }, PREVIEW_INTERVAL_MS);
    timer.unref();
    this.previews.set(conversation.id, { latest: conversation, timer });
  }

  private cancelPreview(conversationId: string) {
    const pending = this.previews.get(conversationId);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.previews.delete(conversationId);
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
