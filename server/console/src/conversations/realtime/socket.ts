/**
 * The only module that imports socket.io-client: the `/agent` namespace behind `AgentRealtime`. Every
 * ack and every pushed event is read through a schema from `@frontdesk/shared/responses`; what does
 * not fit is dropped (and logged), never handed on.
 */
import { type AgentClientEvents, EVENTS, NAMESPACES } from '@frontdesk/shared';
import { ACK_TIMEOUT_MS, NO_REPLY, type Reply, requestAck, type TimedAck } from '@frontdesk/shared/client';
import { ContactUpdatedSchema } from '@frontdesk/shared/contacts-responses';
import {
  AgentConversationSchema,
  AgentPresenceSchema,
  AgentSyncResultSchema,
  MessageSchema,
  parseWith,
  ReadPositionSchema,
  SendResultSchema,
  SessionEndedSchema,
  TypingNoticeSchema,
} from '@frontdesk/shared/responses';
import { TransferNoticeSchema } from '@frontdesk/shared/routing-responses';
import { io, type Socket } from 'socket.io-client';
import type { AgentRealtime, RealtimeHandlers } from './types.ts';

type RequestName = keyof AgentClientEvents;

/** What the console emits, as socket.io sees it: an input and an ack read through a schema. */
type Requests = Record<RequestName, (input: unknown, ack: (result: unknown) => void) => void>;
/** What the server pushes, as socket.io sees it: one payload, read through a schema. */
type Pushes = Record<
  | typeof EVENTS.conversationUpdated
  | typeof EVENTS.messageNew
  | typeof EVENTS.sessionEnded
  | typeof EVENTS.presenceChanged
  | typeof EVENTS.typingChanged
  | typeof EVENTS.readChanged
  | typeof EVENTS.contactUpdated
  | typeof EVENTS.conversationTransferred,
  (payload: unknown) => void
>;

const readConversation = parseWith(AgentConversationSchema);
const readMessage = parseWith(MessageSchema);
const readSessionEnded = parseWith(SessionEndedSchema);
const readSync = parseWith(AgentSyncResultSchema);
const readSend = parseWith(SendResultSchema);
const readNull = (data: unknown) => (data === null ? null : undefined);
const readPresence = parseWith(AgentPresenceSchema);
const readTyping = parseWith(TypingNoticeSchema);
const readPosition = parseWith(ReadPositionSchema);
const readContactUpdated = parseWith(ContactUpdatedSchema);
const readTransferNotice = parseWith(TransferNoticeSchema);

/** Hands a pushed payload on when it fits its schema. */
function pushed<T>(event: string, read: (payload: unknown) => T | undefined, handle: (value: T) => void) {
  return (payload: unknown) => {
    const value = read(payload);
    if (value === undefined) console.warn('[console] ignoring a malformed event', event, payload);
    else handle(value);
  };
}

export function connectAgentSocket(handlers: RealtimeHandlers): AgentRealtime {
  // Same origin, authenticated by the session cookie.
  const socket: Socket<Pushes, Requests> = io(NAMESPACES.agent, { withCredentials: true });

  socket.on('connect', () => handlers.connected());
  socket.on('disconnect', (reason) => {
    // Requests made before the drop are retried by the console itself; never replay stale ones.
    socket.sendBuffer = [];
    handlers.disconnected();
    // The server closed us on purpose: socket.io will not reconnect by itself.
    if (reason === 'io server disconnect') handlers.refused(reason);
  });
  socket.on('connect_error', (error) => {
    console.warn('[console] socket connect error', error.message);
    handlers.disconnected();
    if (!socket.active) handlers.refused(error.message);
  });
  socket.on(
    EVENTS.conversationUpdated,
    pushed(EVENTS.conversationUpdated, readConversation, handlers.conversationUpdated),
  );
  socket.on(EVENTS.messageNew, pushed(EVENTS.messageNew, readMessage, handlers.messageNew));
  socket.on(
    EVENTS.sessionEnded,
    pushed(EVENTS.sessionEnded, readSessionEnded, (reason) => handlers.sessionEnded(reason.code)),
  );

  // Issue 10 (presence)
  socket.on(
    EVENTS.presenceChanged,
    pushed(EVENTS.presenceChanged, readPresence, (p) => handlers.presenceChanged?.(p)),
  );

  // Issue 13
  socket.on(
    EVENTS.typingChanged,
    pushed(EVENTS.typingChanged, readTyping, (n) => handlers.typingChanged?.(n)),
  );
  socket.on(
    EVENTS.readChanged,
    pushed(EVENTS.readChanged, readPosition, (p) => handlers.readChanged?.(p)),
  );

  // Issue 12
  socket.on(
    EVENTS.contactUpdated,
    pushed(EVENTS.contactUpdated, readContactUpdated, (c) => handlers.contactUpdated?.(c)),
  );
  // Issue 14 (routing).
  socket.on(
    EVENTS.conversationTransferred,
    pushed(EVENTS.conversationTransferred, readTransferNotice, (n) => handlers.conversationTransferred?.(n)),
  );

  const emit = (event: RequestName, input: unknown, ack: TimedAck) =>
    socket.timeout(ACK_TIMEOUT_MS).emit(event, input, ack);
  function request<T>(
    event: RequestName,
    input: unknown,
    read: (data: unknown) => T | undefined,
  ): Promise<Reply<T>> {
    if (!socket.connected) return Promise.resolve(NO_REPLY);
    return requestAck((ack) => emit(event, input, ack), read);
  }
  const ref = (conversationId: string) => ({ conversationId });

  return {
    watch: (id) => request(EVENTS.conversationWatch, ref(id), readSync),
    unwatch: (id) => request(EVENTS.conversationUnwatch, ref(id), readNull),
    send: (input) => request(EVENTS.messageSend, input, readSend),
    sync: (id, afterSeq) => request(EVENTS.messagesSync, { conversationId: id, afterSeq }, readSync),
    take: (id) => request(EVENTS.conversationTake, ref(id), readConversation),
    returnToBot: (id) => request(EVENTS.conversationReturn, ref(id), readConversation),
    resolve: (id) => request(EVENTS.conversationResolve, ref(id), readConversation),
    setPresence: (input) => request(EVENTS.presenceSet, input, readPresence),
    typing: (input) => request(EVENTS.typingSet, input, readNull),
    markRead: (id, seq) => request(EVENTS.readMark, { conversationId: id, seq }, readPosition),
    showLists: (showing) => request(EVENTS.listsShow, { showing }, readNull),
    transfer: (input) => request(EVENTS.conversationTransfer, input, readConversation),
    reconnect: () => {
      if (!socket.connected) socket.connect();
    },
    close: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
