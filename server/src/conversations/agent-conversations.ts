/**
 * An agent's use cases: list, watch and sync a conversation, reply or add a note, take over, return
 * to the bot, resolve. Only conversations of the agent's sites; replies only by the agent who has it.
 */
import { type ConversationState, LIMITS, type Message } from '@frontdesk/shared';
import type { ConversationRefInput, SendAgentMessageInput, SyncInput } from '@frontdesk/shared/schemas';
import type { AgentContext } from '../identity/context.ts';
import { AppError } from '../kernel/errors.ts';
import { type ConversationAccess, conversationNotFound } from './access.ts';
import type { Broadcaster } from './ports.ts';
import type {
  ConversationRecord,
  ConversationsStore,
  MessagesStore,
  NewMessage,
  WriterReadMark,
} from './store.ts';
import type { Timeline } from './timeline.ts';
import type { Transitions } from './transitions.ts';
import { withAuthorAvatar } from './views.ts';

export type AgentConversationsDeps = {
  store: Pick<ConversationsStore, 'listConversations'> & Pick<MessagesStore, 'appendMessage'>;
  access: ConversationAccess;
  timeline: Timeline;
  transitions: Transitions;
  broadcaster: Broadcaster;
  /** Issue 10 (presence). */
  clock?: () => Date;
  /** Issue 16: told of every stored reply (learn from agents); never throws, not awaited by the agent. */
  onReplied?: (conversation: ConversationRecord, message: Message) => Promise<void>;
};

export class AgentConversations {
  constructor(private readonly deps: AgentConversationsDeps) {}

  list(
    ctx: AgentContext,
    query: { state?: ConversationState; limit?: number },
  ): Promise<ConversationRecord[]> {
    return this.deps.store.listConversations({
      siteIds: ctx.siteIds,
      state: query.state,
      limit: query.limit ?? 100,
      // Issue 10: bot-only conversations are not open work; idle ones leave the list (not storage).
      ...(query.state === 'bot' && {
        updatedSince: new Date(
          (this.deps.clock?.() ?? new Date()).getTime() - LIMITS.botSessionIdleMs,
        ).toISOString(),
      }),
    });
  }

  /** The conversation and its timeline after `afterSeq` (0: from the start). */
  async sync(ctx: AgentContext, input: SyncInput) {
    const conversation = await this.deps.access.ofAgent(ctx, input.conversationId);
    const page = await this.deps.timeline.after(conversation.id, input.afterSeq, 'agent');
    return { conversation, ...page };
  }

  /** The ack's `{ message, duplicate }`, and the conversation as the append left it (for the read receipt). */
  async send(ctx: AgentContext, input: SendAgentMessageInput, markRead?: WriterReadMark) {
    return this.deliver(
      ctx,
      {
        conversationId: input.conversationId,
        clientId: input.clientId,
        author: 'agent',
        authorName: ctx.agent.name,
        agentId: ctx.agent.id,
        kind: input.kind ?? 'text',
        body: input.body,
        meta: null,
      },
      markRead,
    );
  }

  /** Issue 13: a file from the agent, a reply like any other (only by the agent who has the conversation). */
  async sendAttachment(ctx: AgentContext, message: NewMessage) {
    const sent = await this.deliver(ctx, message);
    return { message: sent.message, duplicate: sent.duplicate };
  }

  private async deliver(ctx: AgentContext, message: NewMessage, markRead?: WriterReadMark) {
    // Notes are always allowed; replies (text, files) only from the agent who owns the conversation.
    const guard =
      message.kind === 'note'
        ? { requireSiteIds: ctx.siteIds }
        : { requireSiteIds: ctx.siteIds, requireStates: ['assigned'] as const, requireAgentId: ctx.agent.id };
    const result = await this.deps.store.appendMessage(message, {
      ...guard,
      ...(markRead && { markWriterRead: markRead }),
    });
    if (result.status === 'skipped') {
      if (!ctx.siteIds.includes(result.conversation.siteId)) throw conversationNotFound();
      throw new AppError('invalid_state', 'take over the conversation before replying');
    }
    // Issue 17: agents are told who wrote it (their own tabs take their read position from it).
    const stored = {
      ...withAuthorAvatar(result.message, result.conversation, ctx.agent.id),
      authorId: ctx.agent.id,
    };
    if (result.status === 'duplicate')
      return { message: stored, duplicate: true, conversation: result.conversation };
    this.deps.broadcaster.messageStored(result.conversation, stored);
    this.deps.broadcaster.previewChanged(result.conversation);
    if (message.kind !== 'note') void this.deps.onReplied?.(result.conversation, stored);
    return {
      message: stored,
      duplicate: false,
      conversation: result.conversation,
      read: result.read,
    };
  }

  async take(ctx: AgentContext, input: ConversationRefInput) {
    const conversation = await this.deps.access.ofAgent(ctx, input.conversationId);
    return this.deps.transitions.apply(
      conversation.id,
      { type: 'take', agentId: ctx.agent.id },
      { agentId: ctx.agent.id },
      { agentName: ctx.agent.name },
    );
  }

  async returnToBot(ctx: AgentContext, input: ConversationRefInput) {
    const conversation = await this.deps.access.ofAgent(ctx, input.conversationId);
    return this.deps.transitions.apply(conversation.id, { type: 'return_to_bot' });
  }

  async resolve(ctx: AgentContext, input: ConversationRefInput) {
    const conversation = await this.deps.access.ofAgent(ctx, input.conversationId);
    return this.deps.transitions.apply(conversation.id, { type: 'resolve' });
  }
}
