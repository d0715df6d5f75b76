/**
 * The small interface the app talks to. The socket.io implementation lives beside it; tests drive
 * the app with an in-memory one.
 */
import type {
  Ack,
  Message,
  ReadPosition,
  TypingNotice,
  VisitorClientEvents,
  VisitorConversation,
} from '@frontdesk/shared';
import type { Reply } from '@frontdesk/shared/client';
import type { FileTransport } from './files.ts';

/** `unavailable`: the server refused this page for good (origin not allowed, site archived); no retries. */
export type TransportStatus = 'connecting' | 'online' | 'offline' | 'unavailable' | 'preview';

export type RequestName = keyof VisitorClientEvents;
export type RequestInput<E extends RequestName> = Parameters<VisitorClientEvents[E]>[0];
export type RequestData<E extends RequestName> =
  Parameters<VisitorClientEvents[E]>[1] extends Ack<infer T> ? T : never;

export type TransportEvent =
  | { type: 'status'; status: TransportStatus }
  | { type: 'message'; message: Message }
  | { type: 'conversation'; conversation: VisitorConversation }
  /** Issue 10 (presence): how many agents of the site are available now. */
  | { type: 'availability'; agentsOnline: number }
  /** Issue 13: an agent typing or stopped; a read position that moved. */
  | { type: 'typing'; notice: TypingNotice }
  | { type: 'read'; position: ReadPosition };

export type ChatTransport = {
  /** Connects (minting a visitor token first if needed) and keeps reconnecting until `stop`. */
  start(): void;
  stop(): void;
  /** The ack, or `NO_REPLY` when none came (offline, timed out, the connection dropped). */
  request<E extends RequestName>(event: E, input: RequestInput<E>): Promise<Reply<RequestData<E>>>;
  subscribe(listener: (event: TransportEvent) => void): () => void;
  /** Issue 13: files over HTTP; absent where there is no server (the console's preview). */
  files?: FileTransport;
  /** Issue 12: forget this device's token and start a new anonymous session (logout while offline). */
  forget(): void;
};
