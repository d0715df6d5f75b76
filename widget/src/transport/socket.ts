/**
 * The socket.io implementation of `ChatTransport` (the only module that imports socket.io-client).
 * Handles the token lifecycle: mint before the first connect, re-mint when the server answers
 * `unauthorized`, back off while the server is unreachable.
 */
import { type ErrorCode, EVENTS, NAMESPACES, type VisitorServerEvents } from '@frontdesk/shared';
import { ACK_TIMEOUT_MS, createRetry, NO_REPLY, requestAck, type TimedAck } from '@frontdesk/shared/client';
import { io, type Socket } from 'socket.io-client';
import type { KeyValueStore } from '../storage.ts';
import { createFileTransport } from './files.ts';
import { createTokenSource } from './session.ts';
import type { ChatTransport, RequestName, TransportEvent, TransportStatus } from './types.ts';

export type SocketTransportOptions = {
  base: string;
  siteKey: string;
  store: KeyValueStore;
  fetch?: typeof fetch;
  /** socket.io-client's `io` (tests pass a socket that delivers packets in an order they choose). */
  io?: typeof io;
};

const UNAUTHORIZED: ErrorCode = 'unauthorized';
/** Refusals no retry can fix: the page's origin is not allowed, or the site is archived. */
const REFUSALS: readonly unknown[] = ['origin_not_allowed', 'site_archived'] satisfies ErrorCode[];

/** One message for the site owner, in the console: which origin to allow, and where. */
export function refusalMessage(code: unknown, siteKey: string, origin: string): string {
  return code === 'site_archived'
    ? `[frontdesk] the site ${siteKey} is archived: unarchive it in the Frontdesk console (Sites) or remove this widget.`
    : `[frontdesk] this page's origin ${origin} may not embed the chat of site ${siteKey}. ` +
        `Allow it in the Frontdesk console → Sites → Allowed origins, or run: pnpm frontdesk site:origins --site ${siteKey} --add ${origin}`;
}

/**
 * What the widget emits, as socket.io sees it: an input and an ack it reads itself (through
 * `requestAck`, which checks the ack's shape). `ChatTransport.request` keeps callers typed per event.
 */
type Requests = Record<RequestName, (input: unknown, ack: (result: unknown) => void) => void>;

export function createSocketTransport(options: SocketTransportOptions): ChatTransport {
  const tokens = createTokenSource({
    base: options.base,
    siteKey: options.siteKey,
    store: options.store,
    fetch: options.fetch ?? window.fetch.bind(window),
  });
  const open = options.io ?? io;
  const socket: Socket<VisitorServerEvents, Requests> = open(options.base + NAMESPACES.visitor, {
    autoConnect: false,
    // A function, so every (re)connection attempt sends the current token.
    auth: (cb) => cb({ siteKey: options.siteKey, token: tokens.current() ?? '' }),
  });
  const emit = (event: RequestName, input: unknown, ack: TimedAck) =>
    socket.timeout(ACK_TIMEOUT_MS).emit(event, input, ack);
  const listeners = new Set<(event: TransportEvent) => void>();
  const reconnect = createRetry();
  let stopped = true;

  const publish = (event: TransportEvent) => {
    for (const listener of listeners) listener(event);
  };
  const status = (value: TransportStatus) => publish({ type: 'status', status: value });

  const refused = (code: unknown) => {
    stopped = true;
    reconnect.cancel();
    socket.disconnect();
    console.error(refusalMessage(code, options.siteKey, window.location.origin));
    status('unavailable');
  };

  const connect = async (): Promise<void> => {
    if (stopped) return;
    status('connecting');
    try {
      await tokens.ensure();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (REFUSALS.includes(code)) return refused(code);
      console.warn('[frontdesk] could not start a visitor session', error);
      return retryLater();
    }
    if (!stopped) socket.connect();
  };

  function retryLater(): void {
    status('offline');
    reconnect.schedule(() => void connect());
  }

  socket.on('connect', () => {
    reconnect.reset();
    status('online');
  });
  socket.on('disconnect', (reason) => {
    // Requests made before the drop are retried by the app itself; never replay stale ones.
    socket.sendBuffer = [];
    status('offline');
    // The server closed us on purpose: reconnect (socket.io does not after a server disconnect).
    // The token stays unless the server said first that the session ended (`session:ended`, which
    // drops it): after a merge (issue 12) or a server shutdown the same token goes on, and a token
    // the server no longer knows is answered `unauthorized` at the handshake, which mints a new one.
    // Nothing here may depend on a reply's continuation: socket.io-client delivers each decoded
    // packet in its own microtask, so an ack and the disconnect that follows it in the same payload
    // both run before any `await` on that ack resumes (issue 12's second-device race).
    if (reason === 'io server disconnect' && !stopped) void connect();
  });
  socket.on('connect_error', (error) => {
    if (REFUSALS.includes(error.message)) return refused(error.message);
    if (error.message === UNAUTHORIZED) {
      tokens.drop();
      void connect();
      return;
    }
    // `active` is false when the server refused the handshake: socket.io will not retry by itself.
    if (socket.active) status('connecting');
    else retryLater();
  });
  socket.on(EVENTS.messageNew, (message) => publish({ type: 'message', message }));
  socket.on(EVENTS.conversationState, (conversation) => publish({ type: 'conversation', conversation }));
  socket.on(EVENTS.siteAvailability, ({ agentsOnline }) => publish({ type: 'availability', agentsOnline }));
  // Issue 13.
  socket.on(EVENTS.typingChanged, (notice) => publish({ type: 'typing', notice }));
  socket.on(EVENTS.readChanged, (position) => publish({ type: 'read', position }));
  socket.on(EVENTS.sessionEnded, (reason) => {
    console.warn('[frontdesk] session ended by the server', reason);
    tokens.drop();
  });

  return {
    // Issue 13: files go over HTTP with the same token.
    files: createFileTransport({
      base: options.base,
      siteKey: options.siteKey,
      token: tokens.current,
      XMLHttpRequest: window.XMLHttpRequest,
      fetch: options.fetch ?? window.fetch.bind(window),
    }),
    start() {
      if (!stopped) return;
      stopped = false;
      void connect();
    },
    stop() {
      stopped = true;
      reconnect.cancel();
      socket.disconnect();
    },
    request(event, input) {
      if (!socket.connected) return Promise.resolve(NO_REPLY);
      return requestAck((ack) => emit(event, input, ack));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forget() {
      tokens.drop();
      if (stopped) return;
      socket.disconnect();
      void connect();
    },
  };
}
