/**
 * One request and its ack, the way both clients send them: socket.io's `timeout(ACK_TIMEOUT_MS).emit`
 * calls the ack once, with an error when no answer came in time or the connection dropped first.
 * This reads that into a `Reply`: the ack (checked), or `NO_REPLY`.
 */
import { NO_REPLY, type Reply, readReply } from './reply.ts';

/** How long a client waits for an ack before treating the request as unanswered (and retryable). */
export const ACK_TIMEOUT_MS = 10_000;

/** socket.io's ack with a timeout: `err` set when it timed out or the connection dropped. */
export type TimedAck = (err: unknown, result?: unknown) => void;

const asSent = <T>(data: unknown) => data as T;

/**
 * Sends with `send(ack)` and resolves once, with the ack read by `parse` (default: the data as sent;
 * the console passes a schema) or `NO_REPLY`.
 */
export function requestAck<T>(
  send: (ack: TimedAck) => void,
  parse: (data: unknown) => T | undefined = asSent<T>,
): Promise<Reply<T>> {
  return new Promise((resolve) => send((err, result) => resolve(err ? NO_REPLY : readReply(result, parse))));
}
