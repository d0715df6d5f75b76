/**
 * The visitor's timeline over the transport: sync after the last `seq` (one run at a time, again if
 * asked meanwhile), and messages that arrive live or in an ack, with a sync when one skipped a `seq`.
 */
import { EVENTS, type Message } from '@frontdesk/shared';
import { createSerialRunner, hasGap, syncAfter } from '@frontdesk/shared/client';
import type { ChatContext } from './context.ts';

export type TimelineSync = {
  sync(): Promise<void>;
  /** Takes a message in; false when it belongs to a conversation this tab does not know. */
  accept(message: Message): boolean;
};

/** `adopt` is called for a message of an unknown conversation (opened in another tab). */
export function createTimelineSync(ctx: ChatContext, adopt: () => void): TimelineSync {
  const { store, state } = ctx;
  const runner = createSerialRunner(async () => {
    const current = state().conversation.current;
    if (!current) return;
    const reply = await syncAfter({
      cursor: () => state().messages.lastSeq,
      fetch: (afterSeq) =>
        ctx.transport.request(EVENTS.messagesSync, { conversationId: current.id, afterSeq }),
      apply: ({ conversation, messages, reads }) => {
        if (conversation.id !== state().conversation.current?.id) return false;
        store.dispatch({ type: 'messages/received', messages, source: 'sync' });
        store.dispatch({ type: 'conversation/updated', conversation });
        // Issue 13: read positions (the visitor's other tabs, the agents) as of this sync.
        if (reads) store.dispatch({ type: 'live/reads', conversationId: conversation.id, reads });
        return true;
      },
    });
    if (!reply.ok && reply.error) console.warn('[frontdesk] messages:sync failed', reply.error);
  });

  return {
    sync: runner.run,
    accept(message) {
      if (state().conversation.current?.id !== message.conversationId) {
        adopt();
        return false;
      }
      const gap = hasGap(state().messages, message);
      store.dispatch({ type: 'messages/received', messages: [message], source: 'live' });
      if (gap) void runner.run();
      return true;
    },
  };
}
