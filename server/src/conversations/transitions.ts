/**
 * The transition engine: decide with the pure state machine (`transition` in shared), apply the change
 * guarded by `version` together with its system event, broadcast. A lost race is re-evaluated against
 * the new state, so two agents taking over at once get one winner and one `conflict`.
 */
import {
  type ConversationEvent,
  type HandoffReason,
  type MessageMeta,
  type SystemEvent,
  transition,
} from '@frontdesk/shared';
import { AppError } from '../kernel/errors.ts';
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
  }
}

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
      const applied = await this.store.updateConversation(
        id,
        conversation.version,
        { ...patchFor(event), ...extra, state: result.to },
        eventMessage(id, event, result.event, systemEvent),
      );
      if (applied) {
        if (applied.message) this.broadcaster.messageStored(applied.conversation, applied.message);
        this.broadcaster.conversationChanged(applied.conversation);
        if (conversation.state === 'queued' && result.to !== 'queued')
          await this.refreshQueue(conversation.siteId);
        return applied.conversation;
      }
    }
    throw new AppError('conflict', 'the conversation is changing too fast, please try again');
  }

  handoff(id: string, reason: HandoffReason): Promise<ConversationRecord> {
    return this.apply(id, { type: 'handoff', reason });
  }

  /** Someone left the queue: everyone behind them moved up. */
  private async refreshQueue(siteId: string) {
    const queued = await this.store.listConversations({ siteIds: [siteId], state: 'queued', limit: 200 });
    for (const c of queued) this.broadcaster.visitorViewChanged(c);
  }
}
