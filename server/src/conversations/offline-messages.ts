/**
 * Issue 10: the leave-a-message form. One use case: the visitor's name and e-mail go on their record,
 * the message is a normal visitor message (idempotent by `clientId`), the conversation is marked as an
 * offline message with the extra answers and waits in the queue ("Waiting", badge "Offline message"),
 * and the timeline says "Left a message: <why>". `onOfflineMessage` is the one place where a new
 * offline message is reported (the integrator connects "notify agents by e-mail" to it).
 *
 * Offline messages are never "abandoned": their visitor is expected to leave (`isOfflineMessage`).
 */
import {
  type ConversationState,
  checkAnswers,
  LIMITS,
  type Message,
  type OfflineMark,
  transition,
  widgetOffline,
} from '@frontdesk/shared';
import type { OfflineMessageParsed } from '@frontdesk/shared/schemas';
import type { VisitorContext } from '../identity/context.ts';
import type { VisitorsStore } from '../identity/store.ts';
import { AppError } from '../kernel/errors.ts';
import { conversationNotFound } from './access.ts';
import type { Broadcaster } from './ports.ts';
import type { ConversationRecord, ConversationsStore, MessagesStore, NewMessage } from './store.ts';
import { toVisitorMessage } from './views.ts';

/** A form is accepted while the bot helps or the visitor waits; not once a person has taken over. */
const FORM_STATES: readonly ConversationState[] = ['bot', 'queued'];
const ATTEMPTS = 5;

/** What `onOfflineMessage` is told: the conversation (with visitor, e-mail and answers) and the message. */
export type OfflineMessageLeft = { conversation: ConversationRecord; message: Message };

export type OfflineMessagesDeps = {
  store: Pick<ConversationsStore, 'getConversation' | 'updateConversation'> &
    Pick<MessagesStore, 'appendMessage'> &
    Pick<VisitorsStore, 'updateVisitorContact'>;
  broadcaster: Broadcaster;
  /** Called once per offline message, after it is stored; never awaited by the visitor's ack. */
  onOfflineMessage?: (left: OfflineMessageLeft) => void | Promise<void>;
  /** Reports a failure of `onOfflineMessage` (the message itself is stored either way). */
  onHookError?: (error: unknown) => void;
  now?: () => Date;
  /** Issue 12: the form's name and e-mail onto the contact, on its timeline (default: the visitor row only). */
  contactFromForm?: (ctx: VisitorContext, fields: { name: string; email: string }) => Promise<void>;
};

export class OfflineMessages {
  private readonly now: () => Date;

  constructor(private readonly deps: OfflineMessagesDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async leave(ctx: VisitorContext, input: OfflineMessageParsed) {
    const { store, broadcaster } = this.deps;
    const found = await store.getConversation(input.conversationId);
    if (!found || found.visitorId !== ctx.visitor.id) throw conversationNotFound();

    const fields = widgetOffline(ctx.site.settings.offline, found.locale).fields;
    const checked = checkAnswers(fields, input.answers, LIMITS.preChatAnswerMaxLength);
    if (!checked.ok) throw new AppError('bad_request', `answers.${checked.fieldId}: ${checked.problem}`);

    const message: NewMessage = {
      conversationId: found.id,
      clientId: input.clientId,
      author: 'visitor',
      authorName: input.name,
      agentId: null,
      kind: 'text',
      body: input.body,
      meta: null,
    };
    const appended = await store.appendMessage(message, {
      requireVisitorId: ctx.visitor.id,
      requireStates: FORM_STATES,
    });
    if (appended.status === 'skipped')
      throw new AppError('invalid_state', 'a person is already helping in this conversation');
    // A retry of a form already taken: the original answer, nothing changes twice.
    if (appended.status === 'duplicate' && appended.conversation.offline)
      return {
        conversation: appended.conversation,
        message: toVisitorMessage(appended.message),
        duplicate: true,
      };

    // A verified identity (the site's HMAC) is never overwritten by what someone typed in a form.
    if (!ctx.visitor.verified) {
      const fields = { name: input.name, email: input.email };
      if (this.deps.contactFromForm) await this.deps.contactFromForm(ctx, fields);
      else await store.updateVisitorContact(ctx.visitor.id, fields);
    }
    if (appended.status === 'stored') {
      broadcaster.messageStored(appended.conversation, appended.message);
      broadcaster.previewChanged(appended.conversation);
    }
    const mark: OfflineMark = {
      at: this.now().toISOString(),
      reason: input.reason,
      answers: checked.answers,
    };
    const conversation = await this.markOffline(found.id, mark);
    const left = { conversation, message: appended.message };
    this.report(left);
    return {
      conversation,
      message: toVisitorMessage(appended.message),
      duplicate: appended.status === 'duplicate',
    };
  }

  /** Marks the conversation and queues it (from the bot) with its "Left a message" event, in one update. */
  private async markOffline(id: string, mark: OfflineMark): Promise<ConversationRecord> {
    const { store, broadcaster } = this.deps;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const conversation = await store.getConversation(id);
      if (!conversation) throw conversationNotFound();
      if (conversation.offline) return conversation;
      const queue = transition(conversation.state, { type: 'handoff', reason: 'visitor' });
      if (!queue.ok || !FORM_STATES.includes(conversation.state))
        throw new AppError('invalid_state', 'a person is already helping in this conversation');
      const patch = queue.changed
        ? {
            state: queue.to,
            queuedAt: mark.at,
            handoffReason: 'visitor' as const,
            agentId: null,
            offline: mark,
          }
        : { offline: mark };
      const applied = await store.updateConversation(id, conversation.version, patch, {
        conversationId: id,
        clientId: null,
        author: 'system',
        authorName: null,
        agentId: null,
        kind: 'event',
        body: '',
        meta: { event: { name: 'offline_message', offlineReason: mark.reason } },
      });
      if (applied) {
        if (applied.message) broadcaster.messageStored(applied.conversation, applied.message);
        broadcaster.conversationChanged(applied.conversation);
        return applied.conversation;
      }
    }
    throw new AppError('conflict', 'the conversation is changing too fast, please try again');
  }

  private report(left: OfflineMessageLeft): void {
    const hook = this.deps.onOfflineMessage;
    if (!hook) return;
    // The visitor's ack does not wait for agents to be told; a failing hook is reported, never thrown.
    void (async () => {
      try {
        await hook(left);
      } catch (error) {
        this.deps.onHookError?.(error);
      }
    })();
  }
}
