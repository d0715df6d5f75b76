/** Message builders for the client core's tests. */
import type { Message } from '../../types.ts';

export const message = (seq: number, patch: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  clientId: null,
  author: 'bot',
  authorName: null,
  kind: 'text',
  body: `message ${seq}`,
  meta: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  ...patch,
});

export const seqs = (messages: readonly Message[]) => messages.map((m) => m.seq);
