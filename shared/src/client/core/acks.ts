/**
 * Requests waiting for their ack. Each one settles exactly once, with whichever comes first: its ack,
 * its timeout, or the connection dropping (`dropAll`), so a caller never waits on a dead socket.
 */
import { NO_REPLY, type Reply, readReply } from './reply.ts';

export type Acks = {
  /**
   * Sends with `send(ack)` and resolves with the ack read by `parse` (default: the data as sent),
   * or with `NO_REPLY`.
   */
  request<T>(
    send: (ack: (result: unknown) => void) => void,
    parse?: (data: unknown) => T | undefined,
  ): Promise<Reply<T>>;
  /** The connection dropped: every request still waiting resolves with `NO_REPLY` now. */
  dropAll(): void;
};

const asSent = <T>(data: unknown) => data as T;

export function createAcks(timeoutMs: number): Acks {
  const waiting = new Set<() => void>();
  return {
    request<T>(
      send: (ack: (result: unknown) => void) => void,
      parse: (data: unknown) => T | undefined = asSent<T>,
    ) {
      return new Promise<Reply<T>>((resolve) => {
        const settle = (reply: Reply<T>) => {
          if (!waiting.delete(drop)) return;
          clearTimeout(timer);
          resolve(reply);
        };
        const drop = () => settle(NO_REPLY);
        const timer = setTimeout(drop, timeoutMs);
        waiting.add(drop);
        send((result) => settle(readReply(result, parse)));
      });
    },
    dropAll() {
      for (const drop of [...waiting]) drop();
    },
  };
}
