/**
 * Agent sockets follow their sessions: each joins its session's room and its sites' rooms; when a
 * session ends (logout, a disabled account, a new password) its sockets are told and closed. A
 * session can also end in another process (the CLI, another node): the sessions behind this node's
 * open sockets are checked again every few seconds, in one query per 500 sessions.
 */
import { EVENTS } from '@frontdesk/shared';
import type { Logger } from '../kernel/logger.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';
import type { AgentSessions, SessionsEnded } from './agent-sessions.ts';
import type { AgentNamespace, AgentSocket } from './sockets.ts';

/** Told when an agent joins sites while signed in (an admin creating a site joins it). */
export type SitesJoined = { sitesJoined(agentId: string, siteIds: readonly string[]): void };

/** For a process without sockets (the CLI). */
export const NO_SOCKETS_TO_JOIN: SitesJoined = { sitesJoined: () => {} };

/** Closes the sockets of ended sessions on this node (what `AgentSessions` tells). */
export class SessionSockets implements SessionsEnded, SitesJoined {
  constructor(private readonly nsp: AgentNamespace) {}

  /**
   * Puts a connected agent socket into its session's room and its sites' rooms. The list rooms
   * (issue 17) wait for the console to say it shows the list (`showLists`).
   */
  join(socket: AgentSocket): void {
    void socket.join(ROOMS.agentSession(socket.data.sessionHash));
    for (const siteId of socket.data.ctx.siteIds) void socket.join(ROOMS.siteAgents(siteId));
  }

  /**
   * The agent's open sockets on this node join more sites at once: their rooms (so the site's
   * queue reaches them) and their context (so they may act on its conversations).
   */
  sitesJoined(agentId: string, siteIds: readonly string[]): void {
    for (const socket of this.nsp.sockets.values()) {
      const ctx = socket.data.ctx;
      if (ctx.agent.id !== agentId) continue;
      const added = siteIds.filter((siteId) => !ctx.siteIds.includes(siteId));
      if (added.length === 0) continue;
      socket.data.ctx = { ...ctx, siteIds: [...ctx.siteIds, ...added] };
      for (const siteId of added) void socket.join(ROOMS.siteAgents(siteId));
      if (socket.data.showsLists) for (const siteId of added) void socket.join(ROOMS.siteLists(siteId));
    }
  }

  sessionsEnded(tokenHashes: readonly string[]): void {
    for (const tokenHash of tokenHashes) {
      const room = this.nsp.in(ROOMS.agentSession(tokenHash));
      room.emit(EVENTS.sessionEnded, { code: 'unauthorized' });
      room.disconnectSockets(true);
    }
  }

  /** Session hashes behind this node's open sockets. */
  held(): string[] {
    return [...new Set([...this.nsp.sockets.values()].map((socket) => socket.data.sessionHash))];
  }
}

/** Issue 17: the socket's console shows the conversation list, or stopped: its sites' list rooms. */
export function showLists(socket: AgentSocket, showing: boolean): void {
  socket.data.showsLists = showing;
  for (const siteId of socket.data.ctx.siteIds) {
    if (showing) void socket.join(ROOMS.siteLists(siteId));
    else void socket.leave(ROOMS.siteLists(siteId));
  }
}

/** Re-checks the sessions of open sockets every `intervalMs`; returns what stops it. */
export function recheckSessions(
  sockets: SessionSockets,
  sessions: Pick<AgentSessions, 'liveSessions'>,
  intervalMs: number,
  logger: Logger,
): { close(): void } {
  const timer = setInterval(() => {
    const held = sockets.held();
    sessions
      .liveSessions(held)
      .then((live) => {
        const alive = new Set(live);
        sockets.sessionsEnded(held.filter((tokenHash) => !alive.has(tokenHash)));
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'agent session re-check failed'));
  }, intervalMs);
  timer.unref();
  return { close: () => clearInterval(timer) };
}
