/**
 * What a client wrote and the server has not acknowledged yet, in the order it was written. Each item
 * keeps its `clientId` through every retry; it leaves the outbox once a committed message carries it.
 * `P` is what a client adds to an item (the widget's quick reply, the console's kind and conversation).
 */
import type { ErrorCode } from '../../errors.ts';
import type { Message } from '../../types.ts';

export type OutboxStatus = 'pending' | 'sending' | 'failed';

export type OutboxItem<P = unknown> = P & {
  clientId: string;
  body: string;
  status: OutboxStatus;
  /** Why it failed for good (`failed`), otherwise null. */
  error: ErrorCode | null;
};

/** Appends an item written now; past `max` items the oldest are dropped (nobody queues that much by hand). */
export const enqueue = <I extends OutboxItem>(items: readonly I[], item: I, max: number): I[] =>
  [...items, item].slice(-max);

/**
 * Moves an item on: `sending` (on its way), `pending` (to be sent again: retried, or after a failure
 * worth retrying), `failed` with the code (refused for good, e.g. too long: kept and shown as not sent
 * until the writer retries it).
 */
export const setStatus = <I extends OutboxItem>(
  items: readonly I[],
  clientId: string,
  status: OutboxStatus,
  error: ErrorCode | null = null,
): I[] =>
  items.map((item) =>
    item.clientId === clientId ? { ...item, status, error: status === 'failed' ? error : null } : item,
  );

/** Items whose `clientId` a committed message now carries are gone; the same array when none is. */
export function withoutDelivered<I extends OutboxItem>(
  items: readonly I[],
  messages: readonly Message[],
): readonly I[] {
  const delivered = new Set(messages.map((m) => m.clientId));
  const left = items.filter((item) => !delivered.has(item.clientId));
  return left.length === items.length ? items : left;
}

/** The next item to send: the first pending one (earlier items go first; failed ones wait for a retry). */
export const nextPending = <I extends OutboxItem>(items: readonly I[]): I | undefined =>
  items.find((item) => item.status === 'pending');
