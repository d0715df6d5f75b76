/**
 * Where webhook events come from (issue 15): the broadcaster every conversation use case already
 * tells (a stored message; the system event messages of queued, assigned, resolved; the first
 * message of a conversation), plus the rating and contact hooks. Conversations stay unaware of
 * webhooks; a failure to queue is logged, never thrown into the use case. `message.created` carries
 * only what the visitor could see too: agents' private notes are never delivered.
 */
import type { Message, WebhookEvent } from '@frontdesk/shared';
import type { Broadcaster } from '../conversations/ports.ts';
import type { ConversationRecord } from '../conversations/store.ts';
import { isVisibleToVisitor, toAgentConversation } from '../conversations/views.ts';
import type { Logger } from '../kernel/logger.ts';
import type { WebhookDeliverer } from './deliverer.ts';

const TRANSITION_EVENTS: Partial<Record<string, WebhookEvent>> = {
  queued: 'conversation.queued',
  requeued: 'conversation.queued',
  assigned: 'conversation.assigned',
  resolved: 'conversation.resolved',
};

export class WebhookEvents {
  constructor(
    private readonly deliverer: Pick<WebhookDeliverer, 'enqueueWith'>,
    private readonly logger: Logger,
  ) {}

  /** Queues `event` for the site's webhooks, in the background; `data` is built only for a site that has one. */
  emit(siteId: string, event: WebhookEvent, data: () => unknown): void {
    this.deliverer
      .enqueueWith(siteId, event, data)
      .catch((error: unknown) =>
        this.logger.error({ err: error, event, siteId }, 'webhook event not queued'),
      );
  }

  messageStored(conversation: ConversationRecord, message: Message): void {
    const view = () => toAgentConversation(conversation);
    if (message.seq === 1)
      this.emit(conversation.siteId, 'conversation.created', () => ({ conversation: view() }));
    if (message.kind === 'event') {
      const name = message.meta?.event?.name;
      const event = name ? TRANSITION_EVENTS[name] : undefined;
      if (event) this.emit(conversation.siteId, event, () => ({ conversation: view() }));
      return;
    }
    // Private notes are for the site's agents alone: never sent to a third party's receiver.
    if (!isVisibleToVisitor(message)) return;
    this.emit(conversation.siteId, 'message.created', () => ({ conversation: view(), message }));
  }

  rated(conversation: ConversationRecord): void {
    this.emit(conversation.siteId, 'rating.created', () => ({
      conversation: toAgentConversation(conversation),
      rating: conversation.rating,
      comment: conversation.ratingComment,
    }));
  }

  contactUpdated(siteId: string, contactId: string): void {
    this.emit(siteId, 'contact.updated', () => ({ contactId }));
  }
}

/** The broadcaster the use cases get, also telling webhooks of every stored message. */
export function withWebhookEvents(
  inner: Broadcaster,
  events: Pick<WebhookEvents, 'messageStored'>,
): Broadcaster {
  return {
    messageStored(conversation, message) {
      inner.messageStored(conversation, message);
      events.messageStored(conversation, message);
    },
    conversationChanged: (conversation) => inner.conversationChanged(conversation),
    previewChanged: (conversation) => inner.previewChanged(conversation),
    visitorViewChanged: (conversation) => inner.visitorViewChanged(conversation),
    queueChanged: (siteId) => inner.queueChanged(siteId),
  };
}
