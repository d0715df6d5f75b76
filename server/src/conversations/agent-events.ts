/** The `/agent` namespace's conversation events, once the handshake has checked the session: validate → use case → ack. */
import { type AgentClientEvents, EVENTS } from '@frontdesk/shared';
import { TransferSchema } from '@frontdesk/shared/routing-schemas';
import {
  ConversationRefSchema,
  ListsShowSchema,
  PresenceSetSchema,
  ReadMarkSchema,
  SendAgentMessageSchema,
  SyncSchema,
  TypingSetSchema,
} from '@frontdesk/shared/schemas';
import type { AgentStatus } from '../identity/agent-status.ts';
import { showLists } from '../identity/session-sockets.ts';
import type { AgentSocket } from '../identity/sockets.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Budgets } from '../limits/index.ts';
import type { ReadReceipts, TypingRelay } from '../live/index.ts';
import type { Transfers } from '../routing/transfer.ts';
import { socketHandlers } from '../transport/realtime/handler.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';
import type { AgentConversations } from './agent-conversations.ts';
import { toAgentConversation } from './views.ts';

export type AgentEventsDeps = {
  conversations: AgentConversations;
  budgets: Budgets;
  logger: Logger;
  /** Issue 10 (presence); issue 14: the chosen status is stored too. */
  presence: Pick<AgentStatus, 'set'>;
  /** Issue 13: typing indicators and read receipts. */
  typing: TypingRelay;
  reads: ReadReceipts;
  /** Issue 14 (routing). */
  transfers: Pick<Transfers, 'transfer'>;
};

export function agentEvents(socket: AgentSocket, deps: AgentEventsDeps): void {
  const { conversations, budgets } = deps;
  // Read per event: the context can grow while the socket is open (an admin creating a site joins it).
  const ctx = () => socket.data.ctx;
  const { address } = socket.data;
  // Issue 13: the agent's read positions follow them across tabs.
  void socket.join(ROOMS.agent(ctx().agent.id));
  const handle = socketHandlers<AgentClientEvents, typeof budgets.limits.agent>(socket, {
    logger: deps.logger,
    budgets,
    table: budgets.limits.agent,
    sender: { socket: budgets.forSocket(), identity: `a:${ctx().agent.id}`, address, site: null },
  });

  /** Issue 13: the conversation's read positions and the agent's own, for a watch or sync reply. */
  const reads = async (page: { conversation: { id: string } }) => {
    const id = page.conversation.id;
    const [summary, own] = await Promise.all([
      deps.reads.summary(id),
      deps.reads.ownReads(ctx().agent.id, [id]),
    ]);
    return { reads: summary, ownRead: own[id] ?? 0 };
  };

  handle(EVENTS.conversationWatch, ConversationRefSchema, async (input) => {
    const watched = await conversations.sync(ctx(), { conversationId: input.conversationId, afterSeq: 0 });
    await socket.join(ROOMS.conversation(watched.conversation.id));
    return { ...watched, conversation: toAgentConversation(watched.conversation), ...(await reads(watched)) };
  });
  handle(EVENTS.conversationUnwatch, ConversationRefSchema, async (input) => {
    await socket.leave(ROOMS.conversation(input.conversationId));
    return null;
  });
  handle(EVENTS.messageSend, SendAgentMessageSchema, async (input) => {
    const mark = deps.reads.writerMark('agent', ctx().agent.id);
    const { conversation, read, ...sent } = await conversations.send(ctx(), input, mark);
    await deps.reads.agentWrote(ctx(), sent.message, conversation, read && { mark, stored: read });
    return sent;
  });
  handle(EVENTS.messagesSync, SyncSchema, async (input) => {
    const synced = await conversations.sync(ctx(), input);
    return { ...synced, conversation: toAgentConversation(synced.conversation), ...(await reads(synced)) };
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
  // Issue 17: message previews only to consoles that show the list (forgotten with the socket).
  handle(EVENTS.listsShow, ListsShowSchema, async (input) => {
    showLists(socket, input.showing);
    return null;
  });
  // Issue 10 (presence): `auto` only matters to the console (it returns to online on activity).
  handle(EVENTS.presenceSet, PresenceSetSchema, async (input) => ({
    agentId: ctx().agent.id,
    status: await deps.presence.set(ctx().agent.id, input),
  }));
  // Issue 14 (routing).
  handle(EVENTS.conversationTransfer, TransferSchema, (input) => deps.transfers.transfer(ctx(), input));
  // Issue 13.
  handle(EVENTS.typingSet, TypingSetSchema, (input) => deps.typing.byAgent(ctx(), input));
  handle(EVENTS.readMark, ReadMarkSchema, (input) => deps.reads.byAgent(ctx(), input));
}
