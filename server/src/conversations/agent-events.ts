/** The `/agent` namespace's conversation events, once the handshake has checked the session: validate → use case → ack. */
import { type AgentClientEvents, EVENTS } from '@frontdesk/shared';
import {
  ConversationRefSchema,
  PresenceSetSchema,
  SendAgentMessageSchema,
  SyncSchema,
} from '@frontdesk/shared/schemas';
import type { PresenceBook } from '../identity/presence.ts';
import type { AgentSocket } from '../identity/sockets.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Budgets } from '../limits/index.ts';
import { socketHandlers } from '../transport/realtime/handler.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';
import type { AgentConversations } from './agent-conversations.ts';
import { toAgentConversation } from './views.ts';

export type AgentEventsDeps = {
  conversations: AgentConversations;
  budgets: Budgets;
  logger: Logger;
  /** Issue 10 (presence). */
  presence: Pick<PresenceBook, 'setStatus'>;
};

export function agentEvents(socket: AgentSocket, deps: AgentEventsDeps): void {
  const { conversations, budgets } = deps;
  // Read per event: the context can grow while the socket is open (an admin creating a site joins it).
  const ctx = () => socket.data.ctx;
  const { address } = socket.data;
  const handle = socketHandlers<AgentClientEvents, typeof budgets.limits.agent>(socket, {
    logger: deps.logger,
    budgets,
    table: budgets.limits.agent,
    sender: { socket: budgets.forSocket(), identity: `a:${ctx().agent.id}`, address, site: null },
  });

  handle(EVENTS.conversationWatch, ConversationRefSchema, async (input) => {
    const watched = await conversations.sync(ctx(), { conversationId: input.conversationId, afterSeq: 0 });
    await socket.join(ROOMS.conversation(watched.conversation.id));
    return { ...watched, conversation: toAgentConversation(watched.conversation) };
  });
  handle(EVENTS.conversationUnwatch, ConversationRefSchema, async (input) => {
    await socket.leave(ROOMS.conversation(input.conversationId));
    return null;
  });
  handle(EVENTS.messageSend, SendAgentMessageSchema, (input) => conversations.send(ctx(), input));
  handle(EVENTS.messagesSync, SyncSchema, async (input) => {
    const synced = await conversations.sync(ctx(), input);
    return { ...synced, conversation: toAgentConversation(synced.conversation) };
  });
  handle(EVENTS.conversationTake, ConversationRefSchema, async (input) =>
    toAgentConversation(await conversations.take(ctx(), input)),
  );
  handle(EVENTS.conversationReturn, ConversationRefSchema, async (input) =>
    toAgentConversation(await conversations.returnToBot(ctx(), input)),
  );
  handle(EVENTS.conversationResolve, ConversationRefSchema, async (input) =>
    toAgentConversation(await conversations.resolve(ctx(), input)),
  );
  // Issue 10 (presence): `auto` only matters to the console (it returns to online on activity).
  handle(EVENTS.presenceSet, PresenceSetSchema, async (input) => ({
    agentId: ctx().agent.id,
    status: await deps.presence.setStatus(ctx().agent.id, input.status),
  }));
}
