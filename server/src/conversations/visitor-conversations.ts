/**
 * Conversation use cases for visitors and agents: open, send, sync, hand off, take over, return,
 * resolve, rate. Validated input in, records out; the state machine decides, storage applies
 * atomically, the notifier broadcasts. Visitors and agents only ever reach their own conversations:
 * anything else is "not found", the same as a missing id.
 */
import {
  type ConversationEvent,
  type HandoffReason,
  LIMITS,
  type Message,
  type MessageMeta,
  type SystemEvent,
  transition,
} from '@frontdesk/shared';
import type {
  ConversationRefInput,
  OpenConversationInput,
  RateInput,
  SendAgentMessageInput,
  SendVisitorMessageInput,
  SyncInput,
} from '@frontdesk/shared/schemas';
import type { BotRegistry } from '../bot/registry.ts';
import { AppError } from '../errors.ts';
import type { MissRecorder } from '../faq/index.ts';
import type { Logger } from '../logger.ts';
import type {
  Agent,
  ConversationPatch,
  ConversationRecord,
  NewMessage,
  Site,
  Storage,
  Visitor,
} from '../storage/index.ts';
import { BotResponder } from './bot-responder.ts';
import { HIDDEN_FROM_VISITORS, toVisitorMessage } from './dto.ts';
import type { Notifier } from './notifier.ts';

export type AgentContext = { agent: Agent; siteIds: readonly string[] };
export type VisitorContext = { visitor: Visitor; site: Site };

const now = () => new Date().toISOString();
const OPEN_STATES = ['bot', 'queued', 'assigned'] as const;
const notFound = () => new AppError('not_found', 'conversation not found');

export class ConversationService {
  private readonly responder: BotResponder;

  constructor(
    private readonly storage: Storage,
    private readonly notifier: Notifier,
    bot: BotRegistry,
    private readonly logger: Logger,
    misses: MissRecorder,
  ) {
    this.responder = new BotResponder(storage, notifier, bot, misses, logger, (id, reason) =>
      this.handoff(id, reason),
    );
  }

  // Lookups with ownership checks

  private async ownedByVisitor(ctx: VisitorContext, id: string): Promise<ConversationRecord> {
    const conversation = await this.storage.getConversation(id);
    if (!conversation || conversation.visitorId !== ctx.visitor.id) throw notFound();
    return conversation;
  }

  async forAgent(ctx: AgentContext, id: string): Promise<ConversationRecord> {
    const conversation = await this.storage.getConversation(id);
    if (!conversation || !ctx.siteIds.includes(conversation.siteId)) throw notFound();
    return conversation;
  }

  async queuePosition(c: ConversationRecord): Promise<number | null> {
    if (c.state !== 'queued' || !c.queuedAt) return null;
    return (await this.storage.countQueuedBefore(c.siteId, c.queuedAt)) + 1;
  }

  /**
   * One page after `afterSeq`. What a visitor may not see is left out by the query, not after it: a
   * page is either full (`hasMore`, and its last `seq` is past `afterSeq`) or the end.
   */
  private async messagesAfter(conversationId: string, afterSeq: number, visitorView: boolean) {
    const page = await this.storage.listMessages(
      conversationId,
      afterSeq,
      LIMITS.syncPageSize,
      visitorView ? { excludeKinds: HIDDEN_FROM_VISITORS } : {},
    );
    const hasMore = page.length === LIMITS.syncPageSize;
    return { messages: visitorView ? page.map(toVisitorMessage) : page, hasMore };
  }

  // Visitor use cases

  async latestForVisitor(ctx: VisitorContext) {
    const conversation = await this.storage.getLatestConversation(ctx.visitor.id);
    if (!conversation) return { conversation: null, messages: [] as Message[] };
    const { messages } = await this.messagesAfter(conversation.id, 0, true);
    return { conversation, messages };
  }

  /** The open conversation, or a new one; with `fresh`, a resolved one is replaced by a new one. */
  async open(ctx: VisitorContext, input: OpenConversationInput) {
    if (input.page)
      await this.storage.updateVisitor(ctx.visitor.id, {
        pageUrl: input.page.url,
        pageTitle: input.page.title,
      });
    const latest = await this.storage.getLatestConversation(ctx.visitor.id);
    if (latest && (latest.state !== 'resolved' || !input.fresh)) {
      const { messages } = await this.messagesAfter(latest.id, 0, true);
      return { conversation: latest, messages };
    }
    const locale = input.locale ?? ctx.site.settings.defaultLocale ?? 'en';
    const conversation = await this.storage.createConversation({
      siteId: ctx.site.id,
      visitorId: ctx.visitor.id,
      locale,
    });
    this.notifier.conversationChanged(conversation);
    return { conversation, messages: [] as Message[] };
  }

  async sendVisitorMessage(ctx: VisitorContext, input: SendVisitorMessageInput) {
    const message: NewMessage = {
      conversationId: input.conversationId,
      clientId: input.clientId,
      author: 'visitor',
      authorName: ctx.visitor.name,
      agentId: null,
      kind: 'text',
      body: input.body,
      meta: null,
    };
    // Ownership and state are checked in the append itself: one round trip on the hot path.
    const guard = { requireVisitorId: ctx.visitor.id, requireStates: OPEN_STATES };
    let result = await this.storage.appendMessage(message, guard);
    if (result.status === 'skipped') {
      if (result.conversation.visitorId !== ctx.visitor.id) throw notFound();
      // A message on a closed conversation reopens it.
      await this.applyTransition(result.conversation.id, { type: 'visitor_message' });
      result = await this.storage.appendMessage(message, guard);
      if (result.status === 'skipped')
        throw new AppError('conflict', 'the conversation changed, please try again');
    }
    if (result.status === 'duplicate') return { message: toVisitorMessage(result.message), duplicate: true };
    const stored = result;
    this.notifier.messageStored(stored.conversation, stored.message);
    this.notifier.previewChanged(stored.conversation);
    if (stored.conversation.state === 'bot') {
      // The ack goes out now; the bot answers right after, as its own messages.
      this.responder
        .onVisitorMessage(stored.conversation, input)
        .catch((error: unknown) =>
          this.logger.error({ err: error, conversationId: stored.conversation.id }, 'bot reply failed'),
        );
    }
    return { message: stored.message, duplicate: false };
  }

  async syncForVisitor(ctx: VisitorContext, input: SyncInput) {
    const conversation = await this.ownedByVisitor(ctx, input.conversationId);
    const { messages, hasMore } = await this.messagesAfter(conversation.id, input.afterSeq, true);
    return { conversation, messages, hasMore };
  }

  async handoffByVisitor(ctx: VisitorContext, input: ConversationRefInput) {
    const conversation = await this.ownedByVisitor(ctx, input.conversationId);
    if (conversation.state !== 'bot') return conversation;
    await this.responder.respondWithIntent(conversation, 'human');
    return (await this.storage.getConversation(conversation.id)) ?? conversation;
  }

  async notHelpful(ctx: VisitorContext, input: ConversationRefInput) {
    const conversation = await this.ownedByVisitor(ctx, input.conversationId);
    if (conversation.state !== 'bot') return conversation;
    await this.responder.respondWithIntent(conversation, 'not_helpful');
    return (await this.storage.getConversation(conversation.id)) ?? conversation;
  }

  async rate(ctx: VisitorContext, input: RateInput) {
    const conversation = await this.ownedByVisitor(ctx, input.conversationId);
    if (conversation.state !== 'resolved')
      throw new AppError('invalid_state', 'only a closed conversation can be rated');
    const updated = await this.storage.updateConversation(
      conversation.id,
      conversation.version,
      { rating: input.rating, ratingComment: input.comment || null },
      null,
    );
    if (!updated) throw new AppError('conflict', 'the conversation changed, please try again');
    this.notifier.conversationChanged(updated.conversation);
    return updated.conversation;
  }

  // Agent use cases

  async watch(ctx: AgentContext, input: ConversationRefInput) {
    const conversation = await this.forAgent(ctx, input.conversationId);
    const { messages, hasMore } = await this.messagesAfter(conversation.id, 0, false);
    return { conversation, messages, hasMore };
  }

  async syncForAgent(ctx: AgentContext, input: SyncInput) {
    const conversation = await this.forAgent(ctx, input.conversationId);
    const { messages, hasMore } = await this.messagesAfter(conversation.id, input.afterSeq, false);
    return { conversation, messages, hasMore };
  }

  async sendAgentMessage(ctx: AgentContext, input: SendAgentMessageInput) {
    const kind = input.kind ?? 'text';
    // Notes are always allowed; replies only from the agent who owns the conversation.
    const guard =
      kind === 'text'
        ? { requireSiteIds: ctx.siteIds, requireStates: ['assigned'] as const, requireAgentId: ctx.agent.id }
        : { requireSiteIds: ctx.siteIds };
    const result = await this.storage.appendMessage(
      {
        conversationId: input.conversationId,
        clientId: input.clientId,
        author: 'agent',
        authorName: ctx.agent.name,
        agentId: ctx.agent.id,
        kind,
        body: input.body,
        meta: null,
      },
      guard,
    );
    if (result.status === 'skipped') {
      if (!ctx.siteIds.includes(result.conversation.siteId)) throw notFound();
      throw new AppError('invalid_state', 'take over the conversation before replying');
    }
    if (result.status === 'duplicate') return { message: result.message, duplicate: true };
    this.notifier.messageStored(result.conversation, result.message);
    this.notifier.previewChanged(result.conversation);
    return { message: result.message, duplicate: false };
  }

  async take(ctx: AgentContext, input: ConversationRefInput) {
    const conversation = await this.forAgent(ctx, input.conversationId);
    return this.applyTransition(
      conversation.id,
      { type: 'take', agentId: ctx.agent.id },
      { agentId: ctx.agent.id },
      { agentName: ctx.agent.name },
    );
  }

  async returnToBot(ctx: AgentContext, input: ConversationRefInput) {
    const conversation = await this.forAgent(ctx, input.conversationId);
    return this.applyTransition(conversation.id, { type: 'return_to_bot' });
  }

  async resolve(ctx: AgentContext, input: ConversationRefInput) {
    const conversation = await this.forAgent(ctx, input.conversationId);
    return this.applyTransition(conversation.id, { type: 'resolve' });
  }

  async list(ctx: AgentContext, query: { state?: ConversationRecord['state']; limit?: number }) {
    return this.storage.listConversations({
      siteIds: ctx.siteIds,
      state: query.state,
      limit: query.limit ?? 100,
    });
  }

  // State changes

  /** The patch that goes with each transition, beyond the state itself. */
  private patchFor(event: ConversationEvent): ConversationPatch {
    switch (event.type) {
      case 'handoff':
        return { queuedAt: now(), handoffReason: event.reason, agentId: null };
      case 'take':
        return { agentId: event.agentId };
      case 'return_to_bot':
        return { agentId: null, botMisses: 0, handoffReason: null, queuedAt: null };
      case 'resolve':
        return { resolvedAt: now() };
      case 'visitor_message':
        return {
          resolvedAt: null,
          agentId: null,
          rating: null,
          ratingComment: null,
          botMisses: 0,
          queuedAt: null,
        };
    }
  }

  /**
   * Runs one transition: decide with the pure state machine, apply guarded by `version` together
   * with its system event, broadcast. A lost race is re-evaluated against the new state, so two
   * agents taking over at once get one winner and one `conflict`.
   */
  async applyTransition(
    id: string,
    event: ConversationEvent,
    extra: ConversationPatch = {},
    systemEvent: Omit<SystemEvent, 'name'> = {},
  ): Promise<ConversationRecord> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const conversation = await this.storage.getConversation(id);
      if (!conversation) throw notFound();
      const result = transition(conversation.state, event);
      if (!result.ok) {
        throw new AppError(
          result.code,
          result.code === 'conflict'
            ? 'another agent already took this conversation'
            : `not allowed while ${conversation.state}`,
        );
      }
      if (!result.changed) return conversation;
      const eventMeta: MessageMeta = {
        event: {
          name: result.event,
          ...(event.type === 'handoff' && { reason: event.reason }),
          ...systemEvent,
        },
      };
      const message: NewMessage = {
        conversationId: id,
        clientId: null,
        author: 'system',
        authorName: null,
        agentId: null,
        kind: 'event',
        body: '',
        meta: eventMeta,
      };
      const applied = await this.storage.updateConversation(
        id,
        conversation.version,
        { ...this.patchFor(event), ...extra, state: result.to },
        message,
      );
      if (applied) {
        if (applied.message) this.notifier.messageStored(applied.conversation, applied.message);
        this.notifier.conversationChanged(applied.conversation);
        if (conversation.state === 'queued' && result.to !== 'queued')
          await this.refreshQueue(conversation.siteId);
        return applied.conversation;
      }
    }
    throw new AppError('conflict', 'the conversation is changing too fast, please try again');
  }

  /** Someone left the queue: everyone behind them moved up. */
  private async refreshQueue(siteId: string) {
    const queued = await this.storage.listConversations({ siteIds: [siteId], state: 'queued', limit: 200 });
    for (const c of queued) this.notifier.visitorViewChanged(c);
  }

  handoff(id: string, reason: HandoffReason) {
    return this.applyTransition(id, { type: 'handoff', reason });
  }
}
