/**
 * The socket.io implementation of `ChatTransport` (the only module that imports socket.io-client).
 * Handles the token lifecycle: mint before the first connect, re-mint when the server answers
 * `unauthorized`, back off while the server is unreachable.
 */
import {
  type ErrorCode,
  EVENTS,
  NAMESPACES,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '@frontdesk/shared';
import { io, type Socket } from 'socket.io-client';
import type { KeyValueStore } from '../storage.ts';
import { createTokenSource } from './session.ts';
import { type ChatTransport, NO_REPLY, type TransportEvent, type TransportStatus } from './types.ts';

export type SocketTransportOptions = {
  base: string;
  siteKey: string;
  store: KeyValueStore;
  fetch?: typeof fetch;
  /** How long to wait for an ack before treating the request as unanswered. */
  ackTimeoutMs?: number;
};

const UNAUTHORIZED: ErrorCode = 'unauthorized';
const MAX_BACKOFF_MS = 30_000;

type LooseEmit = (event: string, input: unknown, ack: (err: Error | null, result: unknown) => void) => void;

export function createSocketTransport(options: SocketTransportOptions): ChatTransport {
  const tokens = createTokenSource({
    base: options.base,
    siteKey: options.siteKey,
    store: options.store,
    fetch: options.fetch ?? window.fetch.bind(window),
  });
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  const socket: Socket<VisitorServerEvents, VisitorClientEvents> = io(options.base + NAMESPACES.visitor, {
    autoConnect: false,
    // A function, so every (re)connection attempt sends the current token.
    auth: (cb) => cb({ siteKey: options.siteKey, token: tokens.current() ?? '' }),
  });
  const listeners = new Set<(event: TransportEvent) => void>();
  let stopped = true;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const publish = (event: TransportEvent) => {
    for (const listener of listeners) listener(event);
  };
  const status = (value: TransportStatus) => publish({ type: 'status', status: value });

  const connect = async (): Promise<void> => {
    if (stopped) return;
    status('connecting');
    try {
      await tokens.ensure();
    } catch (error) {
      console.warn('[frontdesk] could not start a visitor session', error);
      return retryLater();
    }
    if (!stopped) socket.connect();
  };

  function retryLater(): void {
    status('offline');
    clearTimeout(retryTimer);
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures++) * (0.75 + Math.random() / 2);
    retryTimer = setTimeout(() => void connect(), delay);
  }

  socket.on('connect', () => {
    failures = 0;
    status('online');
  });
  socket.on('disconnect', (reason) => {
    // Requests made before the drop are retried by the app itself; never replay stale ones.
    socket.sendBuffer = [];
    status('offline');
    // The server closed us on purpose (token revoked, session ended): reconnect with a new token.
    if (reason === 'io server disconnect' && !stopped) {
      tokens.drop();
      void connect();
    }
  });
  socket.on('connect_error', (error) => {
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
  socket.on(EVENTS.sessionEnded, (reason) => {
    console.warn('[frontdesk] session ended by the server', reason);
    tokens.drop();
  });

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      void connect();
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      socket.disconnect();
    },
    request(event, input) {
      if (!socket.connected) return Promise.resolve(NO_REPLY);
      return new Promise((resolve) => {
        const timed = socket.timeout(ackTimeoutMs);
        (timed.emit as unknown as LooseEmit).call(timed, event, input, (err, result) => {
          const valid = typeof result === 'object' && result !== null && 'ok' in result;
          resolve(err || !valid ? NO_REPLY : (result as Awaited<ReturnType<ChatTransport['request']>>));
        });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
