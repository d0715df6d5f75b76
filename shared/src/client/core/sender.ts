/**
 * Sends an outbox in order, one item at a time: the first pending item goes out with its `clientId`;
 * a retryable failure puts it back and stops (everything after it waits, so order holds), a final
 * one marks it failed and moves on. Flushing again while a flush runs runs it once more afterwards.
 */
import type { SendResult } from '../../events.ts';
import type { Message } from '../../types.ts';
import { nextPending, type OutboxItem, type OutboxStatus } from './outbox.ts';
import { type Failure, isRetryable, type Reply } from './reply.ts';
import { createSerialRunner } from './serial.ts';

export type SenderDeps<I extends OutboxItem> = {
  items(): readonly I[];
  /** Whether sending makes sense now (connected, session ready). */
  ready(): boolean;
  send(item: I): Promise<Reply<SendResult>>;
  /**
   * Records the item's new status: `sending`; `pending` again after a retryable `failure` (a later
   * flush sends it); `failed` after a final one.
   */
  mark(item: I, status: OutboxStatus, failure: Failure | null): void;
  delivered(item: I, message: Message): void;
  /** Schedule the later flush (the client's backoff). */
  retryLater(): void;
};

export type Sender = { flush(): Promise<void> };

export function createSender<I extends OutboxItem>(deps: SenderDeps<I>): Sender {
  const runner = createSerialRunner(async () => {
    for (;;) {
      const item = nextPending(deps.items());
      if (!item || !deps.ready()) return;
      deps.mark(item, 'sending', null);
      const reply = await deps.send(item);
      if (reply.ok) {
        deps.delivered(item, reply.data.message);
      } else if (!isRetryable(reply)) {
        deps.mark(item, 'failed', reply);
      } else {
        deps.mark(item, 'pending', reply);
        // No answer, but a flush was asked for meanwhile (back online): that run sends it now.
        if (runner.requested() && deps.ready() && reply.error === null) return;
        deps.retryLater();
        return;
      }
    }
  });
  return { flush: runner.run };
}
