/** Opening the visitor's conversation: get-or-create on first need (once, however many ask), or a fresh one. */
import { EVENTS, type VisitorConversation } from '@frontdesk/shared';
import type { Reply } from '@frontdesk/shared/client';
import type { ChatContext } from './context.ts';

export type Opener = {
  /** The current conversation, opened first when there is none. */
  ensure(): Promise<Reply<VisitorConversation>>;
  /** `conversation:open`; `fresh` replaces a resolved conversation with a new one. */
  open(fresh: boolean): Promise<Reply<VisitorConversation>>;
};

export function createOpener(ctx: ChatContext): Opener {
  let opening: Promise<Reply<VisitorConversation>> | null = null;

  async function open(fresh: boolean): Promise<Reply<VisitorConversation>> {
    const input = { locale: ctx.locale, page: ctx.page(), ...(fresh ? { fresh } : {}) };
    const reply = await ctx.transport.request(EVENTS.conversationOpen, input);
    if (!reply.ok) return reply;
    ctx.store.dispatch({ type: 'conversation/opened', ...reply.data });
    return { ok: true, data: reply.data.conversation };
  }

  return {
    open,
    ensure() {
      const current = ctx.state().conversation.current;
      if (current) return Promise.resolve({ ok: true, data: current });
      opening ??= open(false).finally(() => {
        opening = null;
      });
      return opening;
    },
  };
}
