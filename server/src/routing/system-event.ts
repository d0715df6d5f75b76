/** Issue 14 (routing): the system event message routing writes to a conversation's timeline. */
import type { SystemEvent } from '@frontdesk/shared';
import type { NewMessage } from '../conversations/store.ts';

export const systemEventMessage = (conversationId: string, event: SystemEvent): NewMessage => ({
  conversationId,
  clientId: null,
  author: 'system',
  authorName: null,
  agentId: null,
  kind: 'event',
  body: '',
  meta: { event },
});
