/**
 * A visitor's use cases: the latest conversation, open one, send, sync, ask for a person, say an
 * answer did not help, rate. Validated input in, records out; only the visitor's own conversations.
 */
import { afterResolution, type Locale, type Message } from '@frontdesk/shared';
import type {
  ConversationRefInput,
  OpenConversationInput,
  RateInput,
  SendVisitorMessageInput,
  SyncInput,
} from '@frontdesk/shared/schemas';
import type { BuiltinIntent } from '../bot/engine/index.ts';
import type { VisitorContext } from '../identity/context.ts';
import type { VisitorsStore } from '../identity/store.ts';
import { AppError } from '../kernel/errors.ts';
import { type ConversationAccess, conversationNotFound } from './access.ts';
import type { BotTurn } from './bot-turn.ts';
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
import { toVisitorMessage } from './views.ts';

const OPEN_STATES = ['bot', 'queued', 'assigned'] as const;

export type VisitorConversationsDeps = {
  store: ConversationsStore & MessagesStore & Pick<VisitorsStore, 'updateVisitor'>;
  access: ConversationAccess;
  timeline: Timeline;
  transitions: Transitions;
  botTurn: BotTurn;
  broadcaster: Broadcaster;
  /** Issue 10 (presence). */
  clock?: () => Date;
  /** Issue 15: told of every stored rating (webhooks). */
  onRated?: (conversation: ConversationRecord) => void;
};

export class VisitorConversations {
  constructor(private readonly deps: VisitorConversationsDeps) {}

  async latest(ctx: VisitorContext) {
    const found = await this.deps.store.getLatestConversation(ctx.visitor.id);
    if (!found) return { conversation: null, messages: [] as Message[] };
    const conversation = await this.comeBack(found);
    const { messages } = await this.deps.timeline.after(conversation.id, 0, 'visitor');
    return { conversation, messages };
  }

  /** Issue 13: the visitor's language changed; their open conversation follows (bot answers, system messages). */
  async setLocale(ctx: VisitorContext, locale: Locale): Promise<void> {
    await this.deps.store.setOpenConversationsLocale(ctx.visitor.id, locale);
  }

  /** The open conversation, or a new one; with `fresh`, a resolved one is replaced by a new one. */
  async open(ctx: VisitorContext, input: OpenConversationInput) {
    const { store } = this.deps;
    if (input.page)
      await store.updateVisitor(ctx.visitor.id, { pageUrl: input.page.url, pageTitle: input.page.title });
    const latest = await store.getLatestConversation(ctx.visitor.id);
    if (latest && (latest.state !== 'resolved' || !input.fresh)) {
      const conversation = await this.comeBack(latest);
      const { messages } = await this.deps.timeline.after(conversation.id, 0, 'visitor');
      return { conversation, messages };
    }
    const locale = input.locale ?? ctx.site.settings.defaultLocale ?? 'en';
    const conversation = await store.createConversation({
      siteId: ctx.site.id,
      visitorId: ctx.visitor.id,
      locale,
    });
    this.deps.broadcaster.conversationChanged(conversation);
    return { conversation, messages: [] as Message[] };
  }

  /**
   * `markRead`: the visitor's read position moves to the new message in the append's transaction;
   * `read` is the stored position then (absent for a duplicate: nothing was written).
   */
  async send(ctx: VisitorContext, input: SendVisitorMessageInput, markRead?: WriterReadMark) {
    const sent = await this.deliver(
      ctx,
      {
        conversationId: input.conversationId,
        clientId: input.clientId,
        author: 'visitor',
        authorName: ctx.visitor.name,
        agentId: null,
        kind: 'text',
        body: input.body,
        meta: null,
      },
      markRead,
    );
    // The ack goes out now; the bot answers right after, as its own messages (a turn never throws).
    if (!sent.duplicate && sent.conversation.state === 'bot')
      void this.deps.botTurn.afterVisitorMessage(sent.conversation, input);
    return { message: toVisitorMessage(sent.message), duplicate: sent.duplicate, read: sent.read };
  }

  /**
   * Issue 13: a message carrying a file the visitor uploaded, through the same path as text (seq,
   * clientId idempotency, the reopen rule, broadcasts). The bot does not answer files.
   */
  async sendAttachment(ctx: VisitorContext, message: NewMessage) {
    const sent = await this.deliver(ctx, message);
    return { message: toVisitorMessage(sent.message), duplicate: sent.duplicate };
  }

  private async deliver(ctx: VisitorContext, message: NewMessage, markRead?: WriterReadMark) {
    const { store, broadcaster } = this.deps;
    // Ownership and state are checked in the append itself: one round trip on the hot path.
    const guard = {
      requireVisitorId: ctx.visitor.id,
      requireStates: OPEN_STATES,
      ...(markRead && { markWriterRead: markRead }),
    };
    let result = await store.appendMessage(message, guard);
    if (result.status === 'skipped') {
      if (result.conversation.visitorId !== ctx.visitor.id) throw conversationNotFound();
      // A message on a resolved conversation reopens it until it is rated; a rated one stays
      // closed (the widget starts a new conversation for that message instead).
      if (afterResolution(result.conversation.rating !== null) === 'start_new')
        throw new AppError('invalid_state', 'this conversation is closed; start a new one');
      await this.deps.transitions.apply(result.conversation.id, { type: 'visitor_message' });
      result = await store.appendMessage(message, guard);
      if (result.status === 'skipped')
        throw new AppError('conflict', 'the conversation changed, please try again');
    }
    if (result.status === 'duplicate')
      return { message: result.message, conversation: result.conversation, duplicate: true };
    broadcaster.messageStored(result.conversation, result.message);
    broadcaster.previewChanged(result.conversation);
    return {
      message: result.message,
      conversation: result.conversation,
      duplicate: false,
      read: result.read,
    };
  }

  async sync(ctx: VisitorContext, input: SyncInput) {
    const conversation = await this.deps.access.ofVisitor(ctx, input.conversationId);
    const page = await this.deps.timeline.after(conversation.id, input.afterSeq, 'visitor');
    return { conversation, ...page };
  }

  /** "Talk to a person". */
  handoff(ctx: VisitorContext, input: ConversationRefInput) {
    return this.intent(ctx, input, 'human');
  }

  /** "That did not help": counts as a miss. */
  notHelpful(ctx: VisitorContext, input: ConversationRefInput) {
    return this.intent(ctx, input, 'not_helpful');
  }

  async rate(ctx: VisitorContext, input: RateInput) {
    const conversation = await this.deps.access.ofVisitor(ctx, input.conversationId);
    if (conversation.state !== 'resolved')
      throw new AppError('invalid_state', 'only a closed conversation can be rated');
    const updated = await this.deps.store.updateConversation(
      conversation.id,
      conversation.version,
      { rating: input.rating, ratingComment: input.comment || null },
      null,
    );
    if (!updated) throw new AppError('conflict', 'the conversation changed, please try again');
    this.deps.broadcaster.conversationChanged(updated.conversation);
    this.deps.onRated?.(updated.conversation);
    return updated.conversation;
  }

  /**
   * Issue 10: the visitor is here (a socket opened) or just left (it closed): the abandonment clock
   * of their open conversations starts from now.
   */
  async seen(ctx: VisitorContext): Promise<void> {
    const at = (this.deps.clock?.() ?? new Date()).toISOString();
    await this.deps.store.touchVisitorActivity(ctx.visitor.id, at);
  }

  /** Issue 10: a visitor back at an abandoned conversation puts it back in the queue. */
  private async comeBack(conversation: ConversationRecord): Promise<ConversationRecord> {
    if (conversation.state !== 'abandoned') return conversation;
    return this.deps.transitions.apply(conversation.id, { type: 'visitor_back' });
  }

  private async intent(
    ctx: VisitorContext,
    input: ConversationRefInput,
    intent: BuiltinIntent,
  ): Promise<ConversationRecord> {
    const conversation = await this.deps.access.ofVisitor(ctx, input.conversationId);
    if (conversation.state !== 'bot') return conversation;
    await this.deps.botTurn.onIntent(conversation, intent);
    return (await this.deps.store.getConversation(conversation.id)) ?? conversation;
  }
}
