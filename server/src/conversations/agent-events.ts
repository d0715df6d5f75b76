/** The `/agent` namespace: session-cookie auth from the server's own origin only, then thin handlers. */
import { type AgentClientEvents, type AgentServerEvents, EVENTS, LIMITS } from '@frontdesk/shared';
import { ConversationRefSchema, SendAgentMessageSchema, SyncSchema } from '@frontdesk/shared/schemas';
import type { Namespace } from 'socket.io';
import { hashToken } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import { type Budgets, rateLimited, type TrustProxy } from '../limits/index.ts';
import type { Logger } from '../logger.ts';
import type { AgentService } from '../services/agents.ts';
import type { AgentContext, ConversationService } from '../services/conversations.ts';
import { toAgentConversation } from '../services/dto.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { socketHandlers } from './handler.ts';
import { handshakeError, socketAddress } from './handshake.ts';
import { handshakeOrigin } from './origin.ts';
import { ROOMS } from './rooms.ts';

type Deps = {
  secure: boolean;
  agents: AgentService;
  conversations: ConversationService;
  selfOrigins: readonly string[];
  budgets: Budgets;
  trustProxy: TrustProxy;
  logger: Logger;
  /** How often the sessions behind open sockets are checked again (default `LIMITS.agentSessionRecheckMs`). */
  sessionRecheckMs?: number;
};

export type AgentNamespace = Namespace<
  AgentClientEvents,
  AgentServerEvents,
  Record<string, never>,
  { ctx: AgentContext; sessionHash: string; address: string }
>;

/** Sets up auth and handlers; returns what stops its timers when the server closes. */
export function setUpAgentNamespace(nsp: AgentNamespace, deps: Deps): { close(): void } {
  const { agents, conversations, budgets, logger } = deps;

  nsp.use((socket, next) => {
    const { headers } = socket.handshake;
    const address = socketAddress(socket.handshake, deps.trustProxy);
    const verdict = budgets.handshake('agent', address);
    if (!verdict.ok) return next(handshakeError(rateLimited(verdict, 'connections')));
    // A foreign page must not open the agent socket with the agent's cookie.
    const origin = handshakeOrigin(headers, deps.secure);
    if (!origin || !deps.selfOrigins.includes(origin)) {
      return next(
        handshakeError(new AppError('origin_not_allowed', 'the console runs on its own origin only')),
      );
    }
    const token = readCookie(headers.cookie, SESSION_COOKIE);
    agents
      .authenticate(token)
      .then((ctx) => {
        if (!ctx || !token) return next(handshakeError(new AppError('unauthorized', 'log in first')));
        socket.data.ctx = ctx;
        socket.data.sessionHash = hashToken(token);
        socket.data.address = address;
        next();
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'agent handshake failed');
        next(handshakeError(error));
      });
  });

  // Logging out, a disabled account or a new password ends every socket of those sessions.
  const endSession = (tokenHash: string) => {
    const room = nsp.in(ROOMS.agentSession(tokenHash));
    room.emit(EVENTS.sessionEnded, { code: 'unauthorized' });
    room.disconnectSockets(true);
  };
  agents.onSessionEnded(endSession);

  // A session can also end in another process (the CLI, another node): the sessions behind this
  // node's open sockets are checked again every few seconds, in one query per 500 sessions.
  const recheck = setInterval(() => {
    const held = new Set([...nsp.sockets.values()].map((socket) => socket.data.sessionHash));
    agents
      .liveSessions([...held])
      .then((live) => {
        const alive = new Set(live);
        for (const tokenHash of held) if (!alive.has(tokenHash)) endSession(tokenHash);
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'agent session re-check failed'));
  }, deps.sessionRecheckMs ?? LIMITS.agentSessionRecheckMs);
  recheck.unref();

  nsp.on('connection', (socket) => {
    const ctx = socket.data.ctx;
    void socket.join(ROOMS.agentSession(socket.data.sessionHash));
    for (const siteId of ctx.siteIds) void socket.join(ROOMS.siteAgents(siteId));

    const handle = socketHandlers(socket, {
      logger,
      budgets,
      table: budgets.limits.agent,
      sender: {
        socket: budgets.forSocket(),
        identity: `a:${ctx.agent.id}`,
        address: socket.data.address,
        site: null,
      },
    });

    handle(EVENTS.conversationWatch, ConversationRefSchema, async (input) => {
      const watched = await conversations.watch(ctx, input);
      await socket.join(ROOMS.conversation(watched.conversation.id));
      return { ...watched, conversation: toAgentConversation(watched.conversation) };
    });
    handle(EVENTS.conversationUnwatch, ConversationRefSchema, async (input) => {
      await socket.leave(ROOMS.conversation(input.conversationId));
      return null;
    });
    handle(EVENTS.messageSend, SendAgentMessageSchema, (input) => conversations.sendAgentMessage(ctx, input));
    handle(EVENTS.messagesSync, SyncSchema, async (input) => {
      const synced = await conversations.syncForAgent(ctx, input);
      return { ...synced, conversation: toAgentConversation(synced.conversation) };
    });
    handle(EVENTS.conversationTake, ConversationRefSchema, async (input) =>
      toAgentConversation(await conversations.take(ctx, input)),
    );
    handle(EVENTS.conversationReturn, ConversationRefSchema, async (input) =>
      toAgentConversation(await conversations.returnToBot(ctx, input)),
    );
    handle(EVENTS.conversationResolve, ConversationRefSchema, async (input) =>
      toAgentConversation(await conversations.resolve(ctx, input)),
    );
  });
  return { close: () => clearInterval(recheck) };
}
