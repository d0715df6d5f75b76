/** The only module that imports socket.io-client: the `/agent` namespace behind `AgentRealtime`. */
import {
  type AckResult,
  type AgentClientEvents,
  type AgentServerEvents,
  EVENTS,
  NAMESPACES,
} from '@frontdesk/shared';
import { io, type Socket } from 'socket.io-client';
import type { AgentRealtime, RealtimeHandlers } from './types.ts';

/** How long to wait for an ack before treating the request as `unavailable` (and retryable). */
const ACK_TIMEOUT_MS = 10_000;

const timedOut = <T>(cause: unknown): AckResult<T> => ({
  ok: false,
  error: { code: 'unavailable', message: cause instanceof Error ? cause.message : String(cause) },
});

export function connectAgentSocket(handlers: RealtimeHandlers): AgentRealtime {
  // Same origin, authenticated by the session cookie.
  const socket: Socket<AgentServerEvents, AgentClientEvents> = io(NAMESPACES.agent, {
    withCredentials: true,
  });
  let connectedBefore = false;

  socket.on('connect', () => {
    handlers.connected(connectedBefore);
    connectedBefore = true;
  });
  socket.on('disconnect', (reason) => {
    handlers.disconnected();
    // The server closed us on purpose: socket.io will not reconnect by itself.
    if (reason === 'io server disconnect') handlers.refused(reason);
  });
  socket.on('connect_error', (error) => {
    console.warn('[console] socket connect error', error.message);
    handlers.disconnected();
    if (!socket.active) handlers.refused(error.message);
  });
  socket.on(EVENTS.conversationUpdated, (conversation) => handlers.conversationUpdated(conversation));
  socket.on(EVENTS.messageNew, (message) => handlers.messageNew(message));
  socket.on(EVENTS.sessionEnded, (reason) => handlers.sessionEnded(reason.code));

  const acked = socket.timeout(ACK_TIMEOUT_MS);
  const ref = (conversationId: string) => ({ conversationId });

  return {
    watch: (id) => acked.emitWithAck(EVENTS.conversationWatch, ref(id)).catch(timedOut),
    unwatch: (id) => acked.emitWithAck(EVENTS.conversationUnwatch, ref(id)).catch(timedOut),
    send: (input) => acked.emitWithAck(EVENTS.messageSend, input).catch(timedOut),
    sync: (id, afterSeq) =>
      acked.emitWithAck(EVENTS.messagesSync, { conversationId: id, afterSeq }).catch(timedOut),
    take: (id) => acked.emitWithAck(EVENTS.conversationTake, ref(id)).catch(timedOut),
    returnToBot: (id) => acked.emitWithAck(EVENTS.conversationReturn, ref(id)).catch(timedOut),
    resolve: (id) => acked.emitWithAck(EVENTS.conversationResolve, ref(id)).catch(timedOut),
    reconnect: () => {
      if (!socket.connected) socket.connect();
    },
    close: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
