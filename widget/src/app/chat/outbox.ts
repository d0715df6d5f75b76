/** Sends the visitor's outbox with the client core's sender, opening the conversation first if needed. */
import { afterResolution, EVENTS, type Message } from '@frontdesk/shared';
import { createSender, type Sender } from '@frontdesk/shared/client';
import type { OutboxItem } from '../store/index.ts';
import type { ChatContext } from './context.ts';
import type { Opener } from './conversation.ts';

type Deps = {
  opener: Opener;
  /** Takes the committed message in (timeline, outbox). */
  accept(message: Message): void;
  /** A retryable failure: try again after the backoff. */
  retryLater(): void;
};

export function createOutboxSender(ctx: ChatContext, { opener, accept, retryLater }: Deps): Sender {
  const dispatch = ctx.store.dispatch;
  return createSender<OutboxItem>({
    items: () => ctx.state().outbox.items,
    ready: ctx.ready,
    async send(item) {
      // A rated conversation is closed for good: the message starts a new one (the one rule).
      const current = ctx.state().conversation.current;
      const closed =
        current?.state === 'resolved' &&
        afterResolution(ctx.state().ui.rated || current.rating !== null) === 'start_new';
      const opened = closed ? await opener.open(true) : await opener.ensure();
      if (!opened.ok) return opened;
      return ctx.transport.request(EVENTS.messageSend, {
        conversationId: opened.data.id,
        clientId: item.clientId,
        body: item.body,
        ...(item.quickReply ? { quickReply: item.quickReply } : {}),
      });
    },
    mark(item, status, failure) {
      dispatch({ type: 'outbox/status', clientId: item.clientId, status, code: failure?.error?.code });
      // A retryable failure the server explained (rate limited): say so; the item says the rest.
      if (status === 'pending' && failure?.error) ctx.notice(failure);
    },
    delivered: (_item, message) => accept(message),
    retryLater,
  });
}
