/** What both namespaces' handshakes share: the client address limits count against, and refusals. */
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../../kernel/errors.ts';
import { addressKey, clientAddress, type TrustProxy } from '../../limits/index.ts';

/** The limiter key of a handshake's client (its address, or what trusted proxies say it is). */
export function socketAddress(
  handshake: { address: string; headers: IncomingHttpHeaders },
  trust: TrustProxy,
): string {
  return addressKey(clientAddress(handshake.address, handshake.headers, trust));
}

/**
 * The error a handshake middleware passes to `next`: the client sees `message` = the code (what the
 * widget and console switch on) and `data` = the whole error body (with `retryAfter` when limited).
 */
export function handshakeError(error: unknown): Error {
  const app = error instanceof AppError ? error : new AppError('internal', 'internal error');
  return Object.assign(new Error(app.code), { data: app.toBody() });
}

/** A handshake middleware: socket.io calls it with the connecting socket before `connection`. */
export type HandshakeMiddleware<S> = (socket: S, next: (error?: Error) => void) => void;
