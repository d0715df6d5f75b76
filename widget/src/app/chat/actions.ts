/** The visitor's one-shot requests: talk to a person, "not helpful", rating, a fresh conversation. */
import { EVENTS, LIMITS, type VisitorConversation } from '@frontdesk/shared';
import { NO_REPLY, type Reply } from '@frontdesk/shared/client';
import type { ChatContext } from './context.ts';
import type { Opener } from './conversation.ts';
import { offlineNow } from './offline.ts';

export type Actions = {
  handoff(): Promise<void>;
  notHelpful(messageId: string): Promise<void>;
  rate(rating: number, comment: string): Promise<boolean>;
  startNew(): Promise<void>;
  /** E-mail as a channel (issue 10, mail): the conversation's transcript to `email`. */
  transcript(email: string): Promise<boolean>;
};

export function createActions(
  ctx: ChatContext,
  opener: Opener,
  /** Issue 10: who can answer now, asked of the server. */
  checkOffline: () => Promise<unknown>,
): Actions {
  const { store, transport } = ctx;

  /** Runs a request that answers with the conversation; tells the visitor when it fails (or is offline). */
  async function attempt(run: () => Promise<Reply<VisitorConversation>>): Promise<boolean> {
    ctx.notice(null);
    const reply = (await ctx.whenReady()) ? await run() : NO_REPLY;
    if (!reply.ok) {
      ctx.notice(reply);
      return false;
    }
    store.dispatch({ type: 'conversation/updated', conversation: reply.data });
    return true;
  }

  /** The same, on the current conversation (opened first if needed). */
  const onConversation = (request: (conversationId: string) => Promise<Reply<VisitorConversation>>) =>
    attempt(async () => {
      const opened = await opener.ensure();
      return opened.ok ? request(opened.data.id) : opened;
    });

  return {
    async handoff() {
      // Issue 10: nobody can answer now: the leave-a-message form instead of the queue.
      // The snapshot from the last connect may be stale: ask again before showing the form. Asked
      // before the first connect has finished, it waits for it (the site is not known before).
      if (!(await ctx.whenReady())) {
        ctx.notice(NO_REPLY);
        return;
      }
      if (offlineNow(ctx.state().conversation.site) && (await checkOffline())) {
        store.dispatch({ type: 'ui/offline-form', open: true });
        return;
      }
      await onConversation((conversationId) =>
        transport.request(EVENTS.conversationHandoff, { conversationId }),
      );
    },
    async notHelpful(messageId) {
      store.dispatch({ type: 'ui/not-helpful', messageId });
      await onConversation((conversationId) => transport.request(EVENTS.botNotHelpful, { conversationId }));
    },
    async rate(rating, comment) {
      const text = comment.trim().slice(0, LIMITS.ratingCommentMaxLength);
      const rated = await onConversation((conversationId) =>
        transport.request(EVENTS.conversationRate, {
          conversationId,
          rating,
          ...(text ? { comment: text } : {}),
        }),
      );
      if (rated) store.dispatch({ type: 'ui/rated' });
      return rated;
    },
    async startNew() {
      await attempt(() => opener.open(true));
    },
    async transcript(email) {
      const id = ctx.state().conversation.current?.id;
      ctx.notice(null);
      const reply =
        id && ctx.ready()
          ? await transport.request(EVENTS.mailTranscript, { conversationId: id, email })
          : NO_REPLY;
      if (!reply.ok) ctx.notice(reply);
      return reply.ok;
    },
  };
}
