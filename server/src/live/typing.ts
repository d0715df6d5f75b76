/**
 * Issue 13: typing indicators, relayed and never stored. The visitor's draft reaches agents only
 * when the site has sneak peek on (the widget sends it only then, and the server drops it otherwise).
 * Throttling is the clients' (`typingInput`); the server's guard is the event's rate budget.
 */
import type { TypingNotice } from '@frontdesk/shared';
import type { TypingSetInput } from '@frontdesk/shared/schemas';
import type { ConversationAccess } from '../conversations/access.ts';
import type { AgentContext, VisitorContext } from '../identity/context.ts';
import type { LiveBroadcaster } from './ports.ts';

export class TypingRelay {
  constructor(
    private readonly access: ConversationAccess,
    private readonly live: LiveBroadcaster,
  ) {}

  async byVisitor(ctx: VisitorContext, input: TypingSetInput): Promise<null> {
    const conversation = await this.access.ofVisitor(ctx, input.conversationId);
    const peek = ctx.site.settings.appearance.sneakPeek === true && input.typing && input.draft !== undefined;
    const notice: TypingNotice = {
      conversationId: conversation.id,
      author: 'visitor',
      name: null,
      typing: input.typing,
      ...(peek ? { draft: input.draft } : {}),
    };
    this.live.visitorTyping(conversation, notice);
    return null;
  }

  /** Only an assigned conversation's agent is shown to the visitor as typing (others may be writing notes). */
  async byAgent(ctx: AgentContext, input: TypingSetInput): Promise<null> {
    const conversation = await this.access.ofAgent(ctx, input.conversationId);
    if (conversation.state !== 'assigned' || conversation.agentId !== ctx.agent.id) return null;
    this.live.agentTyping(conversation, {
      conversationId: conversation.id,
      author: 'agent',
      name: ctx.agent.name,
      typing: input.typing,
    });
    return null;
  }
}
