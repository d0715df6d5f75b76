/**
 * The `/agent` handshake: counted against the address, from the server's own origin only (a foreign
 * page must not open the agent socket with the agent's cookie), then the session cookie.
 */
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import { type Budgets, rateLimited, type TrustProxy } from '../limits/index.ts';
import { type HandshakeMiddleware, handshakeError, socketAddress } from '../transport/realtime/handshake.ts';
import { handshakeOrigin } from '../transport/realtime/origin.ts';
import type { AgentSessions } from './agent-sessions.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import type { AgentSocket } from './sockets.ts';
import { hashToken } from './tokens.ts';

type Deps = {
  secure: boolean;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
  budgets: Budgets;
  trustProxy: TrustProxy;
  logger: Logger;
};

export function agentHandshake(deps: Deps): HandshakeMiddleware<AgentSocket> {
  const { sessions, budgets, logger } = deps;
  return (socket, next) => {
    const { headers } = socket.handshake;
    const address = socketAddress(socket.handshake, deps.trustProxy);
    const verdict = budgets.handshake('agent', address);
    if (!verdict.ok) return next(handshakeError(rateLimited(verdict, 'connections')));
    const origin = handshakeOrigin(headers, deps.secure);
    if (!origin || !deps.selfOrigins.includes(origin)) {
      return next(
        handshakeError(new AppError('origin_not_allowed', 'the console runs on its own origin only')),
      );
    }
    const token = readCookie(headers.cookie, SESSION_COOKIE);
    sessions
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
  };
}
