/** The agent API's conversation reads: the list, and one conversation with its timeline. Cookie auth. */
import { ROUTES } from '@frontdesk/shared';
import { ConversationListQuerySchema, IdSchema, MessagesQuerySchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { type AgentEnv, requireAgent } from '../identity/require-agent.ts';
import type { ReadReceipts } from '../live/index.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { params, query } from '../transport/http/validation.ts';
import type { AgentConversations } from './agent-conversations.ts';
import { toAgentConversation } from './views.ts';

type Deps = {
  conversations: AgentConversations;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
  /** Issue 13: the asking agent's read positions, for the lists' unread counts. */
  reads: Pick<ReadReceipts, 'ownReads'>;
};

export function conversationRoutes(deps: Deps) {
  const app = new Hono<AgentEnv>();
  const guard = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;

  app.get(ROUTES.conversations, ...guard, query(ConversationListQuerySchema), async (c) => {
    const agent = c.get('agent');
    const list = await deps.conversations.list(agent, c.req.valid('query'));
    const ownReads = await deps.reads.ownReads(
      agent.agent.id,
      list.map((conversation) => conversation.id),
    );
    return c.json({ conversations: list.map(toAgentConversation), ownReads });
  });

  // `?after=<seq>` reads the timeline from there on (a page, as over the socket).
  app.get(ROUTES.conversation, ...guard, params({ id: IdSchema }), query(MessagesQuerySchema), async (c) => {
    const afterSeq = c.req.valid('query').after ?? 0;
    const read = await deps.conversations.sync(c.get('agent'), {
      conversationId: c.req.valid('param').id,
      afterSeq,
    });
    return c.json({ conversation: toAgentConversation(read.conversation), messages: read.messages });
  });

  return app;
}
