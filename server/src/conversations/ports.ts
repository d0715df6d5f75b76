/** What the conversation use cases tell the realtime layer; socket.io implements it, tests record it. */
import type { Message } from '@frontdesk/shared';
import type { ConversationRecord } from './store.ts';

export type Broadcaster = {
  /** A committed message: to the visitor (unless it is a note) and to agents watching. */
  messageStored(conversation: ConversationRecord, message: Message): void;
  /** State, agent, preview or rating changed: to the visitor and to the site's agents. */
  conversationChanged(conversation: ConversationRecord): void;
  /**
   * Only what agents' lists show changed (a message was appended, the visitor moved to another
   * page): agents may receive it coalesced; the visitor already knows.
   */
  previewChanged(conversation: ConversationRecord): void;
  /** Only the visitor's view changed (queue position moved). */
  visitorViewChanged(conversation: ConversationRecord): void;
  /**
   * Issue 10: the queue of a site changed (someone queued, taken, abandoned, requeued, availability):
   * every waiting visitor of the site gets their new position and estimate, bursts coalesced.
   */
  queueChanged(siteId: string): void;
};
