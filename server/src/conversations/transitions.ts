/**
 * The transition engine: decide with the pure state machine (`transition` in shared), apply the change
 * guarded by `version` together with its system event, broadcast. A lost race is re-evaluated against
 * the new state, so two agents taking over at once get one winner and one `conflict`.
 */
import {
  type ConversationEvent,
  type ConversationState,
  type HandoffReason,
  type MessageMeta,
  type SystemEvent,
  type SystemEventName,
  transition,
} from '@frontdesk/shared';
import { AppError } from '../kernel/errors.ts';
import { requeuePatch } from './abandonment.ts';
import { conversationNotFound } from './access.ts';
import type { Broadcaster } from './ports.ts';
import type { ConversationPatch, ConversationRecord, ConversationsStore, NewMessage } from './store.ts';

const ATTEMPTS = 5;
const now = () => new Date().toISOString();

/** The patch that goes with each transition, beyond the state itself. */
export function patchFor(event: ConversationEvent, at: string = now()): ConversationPatch {
  switch (event.type) {
    case 'handoff':
      return { queuedAt: at, handoffReason: event.reason, agentId: null };
    case 'take':
      return { agentId: event.agentId };
    case 'return_to_bot':
      return { agentId: null, botMisses: 0, handoffReason: null, queuedAt: null };
    case 'resolve':
      return { resolvedAt: at };
    case 'visitor_message':
      return {
        resolvedAt: null,
        agentId: null,
        rating: null,
        ratingComment: null,
        botMisses: 0,
        queuedAt: null,
      };
    case 'abandon':
      return { abandonedAt: at };
    case 'visitor_back':
      return {};
    // Issue 14 (routing): back to the queue, waiting from now (the team it waited for, if any, stays).
    case 'release':
      return { agentId: null, queuedAt: at };
  }
}

/**
 * Issue 10: what depends on where the conversation comes from. A take from the queue records when
 * (waits are measured queued → taken); back to the queue from `abandoned` follows the fairness rule.
 */
function patchFrom(
  conversation: ConversationRecord,
  to: ConversationState,
  event: SystemEventName,
  now: Date,
) {
  if (event === 'requeued') return requeuePatch(conversation, now);
  if (to === 'assigned' && conversation.state === 'queued') return { assignedAt: now.toISOString() };
  return {};
}

/** Issue 10: transitions that change a site's queue (positions, estimates: taken ones change the load). */
const touchesQueue = (from: ConversationState, to: ConversationState) =>
  from !== to && [from, to].some((s) => s === 'queued' || s === 'assigned' || s === 'abandoned');

/** The system event a transition writes to the timeline. */
function eventMessage(
  conversationId: string,
  event: ConversationEvent,
  name: SystemEvent['name'],
  extra: Omit<SystemEvent, 'name'>,
): NewMessage {
  const meta: MessageMeta = {
    event: { name, ...(event.type === 'handoff' && { reason: event.reason }), ...extra },
  };
  return {
    conversationId,
    clientId: null,
    author: 'system',
    authorName: null,
    agentId: null,
    kind: 'event',
    body: '',
    meta,
  };
}

export class Transitions {
  constructor(
    private readonly store: Pick<
      ConversationsStore,
      'getConversation' | 'updateConversation' | 'listConversations'
    >,
    private readonly broadcaster: Broadcaster,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async apply(
    id: string,
    event: ConversationEvent,
    extra: ConversationPatch = {},
    systemEvent: Omit<SystemEvent, 'name'> = {},
  ): Promise<ConversationRecord> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const conversation = await this.store.getConversation(id);
      if (!conversation) throw conversationNotFound();
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
      const at = this.clock();
      const base = result.event === 'requeued' ? {} : patchFor(event, at.toISOString());
      const applied = await this.store.updateConversation(
        id,
        conversation.version,
        { ...base, ...patchFrom(conversation, result.to, result.event, at), ...extra, state: result.to },
        eventMessage(id, event, result.event, systemEvent),
      );
      if (applied) {
        if (applied.message) this.broadcaster.messageStored(applied.conversation, applied.message);
        this.broadcaster.conversationChanged(applied.conversation);
        if (touchesQueue(conversation.state, result.to)) this.broadcaster.queueChanged(conversation.siteId);
        return applied.conversation;
      }
    }
    throw new AppError('conflict', 'the conversation is changing too fast, please try again');
  }

  handoff(id: string, reason: HandoffReason): Promise<ConversationRecord> {
    return this.apply(id, { type: 'handoff', reason });
  }
}
