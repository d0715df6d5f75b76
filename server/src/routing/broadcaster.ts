/** Issue 14 (routing): a broadcaster whose queue changes also start an automatic-assignment pass. */
import type { Broadcaster } from '../conversations/ports.ts';

export function withRouting(inner: Broadcaster, kick: (siteId: string) => void): Broadcaster {
  return {
    messageStored: (conversation, message) => inner.messageStored(conversation, message),
    conversationChanged: (conversation) => inner.conversationChanged(conversation),
    previewChanged: (conversation) => inner.previewChanged(conversation),
    visitorViewChanged: (conversation) => inner.visitorViewChanged(conversation),
    queueChanged(siteId) {
      inner.queueChanged(siteId);
      kick(siteId);
    },
  };
}
