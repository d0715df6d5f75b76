/**
 * Sends an outbox in order, one item at a time: the first pending item goes out with its `clientId`;
 * a retryable failure puts it back and stops (everything after it waits, so order holds), a final
 * one marks it failed and moves on. Flushing again while a flush runs runs it once more afterwards.
 */
import type { ErrorBody } from '../../errors.ts';
import type { SendResult } from '../../events.ts';
import type { Message } from '../../types.ts';
import { nextPending, type OutboxItem } from './outbox.ts';
import { type Failure, isRetryable, type Reply } from './reply.ts';
import { createSerialRunner } from './serial.ts';

export type SenderDeps<I extends OutboxItem> = {
  items(): readonly I[];
  /** Whether sending makes sense now (connected, session ready). */
  ready(): boolean;
  send(item: I): Promise<Reply<SendResult>>;
  /** What the client records as each item moves on. */
  sending(item: I): void;
  delivered(item: I, message: Message): void;
  /** A retryable failure: the item is pending again and a later flush will send it. */
  retrying(item: I, failure: Failure): void;
  failed(item: I, error: ErrorBody): void;
  /** Schedule the later flush (the client's backoff). */
  retryLater(): void;
};

export type Sender = { flush(): Promise<void> };

export function createSender<I extends OutboxItem>(deps: SenderDeps<I>): Sender {
  const runner = createSerialRunner(async () => {
    for (;;) {
      const item = nextPending(deps.items());
      if (!item || !deps.ready()) return;
      deps.sending(item);
      const reply = await deps.send(item);
      if (reply.ok) {
        deps.delivered(item, reply.data.message);
      } else if (reply.error !== null && !isRetryable(reply)) {
        deps.failed(item, reply.error);
      } else {
        deps.retrying(item, reply);
        // No answer, but a flush was asked for meanwhile (back online): that run sends it now.
        if (runner.requested() && deps.ready() && reply.error === null) return;
        deps.retryLater();
        return;
      }
    }
  });
  return { flush: runner.run };
}
