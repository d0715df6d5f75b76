/**
 * The broadcaster the use cases get: the realtime one, plus the mail that follows a stored message
 * (an agent's reply to a visitor who has left). Conversations stay unaware of mail.
 */
import type { Broadcaster } from '../conversations/ports.ts';
import type { ConversationMail } from './conversation-mail.ts';

export function withReplyMail(
  inner: Broadcaster,
  mail: Pick<ConversationMail, 'messageStored'>,
): Broadcaster {
  return {
    messageStored(conversation, message) {
      inner.messageStored(conversation, message);
      mail.messageStored(conversation, message);
    },
    conversationChanged: (conversation) => inner.conversationChanged(conversation),
    previewChanged: (conversation) => inner.previewChanged(conversation),
    visitorViewChanged: (conversation) => inner.visitorViewChanged(conversation),
    queueChanged: (siteId) => inner.queueChanged(siteId),
  };
}
