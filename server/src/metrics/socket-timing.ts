/**
 * Issue 15: inbound socket events timed from receipt to ack. A connection middleware wraps the ack
 * of every `(payload, ack)` packet (anything else is left for the protocol guard to refuse); the
 * event name is a label only when the namespace knows it, so attacker-chosen names never become series.
 */
import { EVENTS } from '@frontdesk/shared';
import type { Metrics } from './metrics.ts';

type Packet = unknown[];
type SocketLike = { use(fn: (packet: Packet, next: (error?: Error) => void) => void): unknown };
type NamespaceLike = { name: string; on(event: 'connection', fn: (socket: SocketLike) => void): unknown };

export function timeSocketEvents(
  namespace: NamespaceLike,
  known: ReadonlySet<string>,
  metrics: Pick<Metrics, 'socket' | 'messages' | 'handoffs'>,
): void {
  const label = namespace.name.replace(/^\//, '');
  namespace.on('connection', (socket) => {
    socket.use((packet, next) => {
      const [event, , ack] = packet;
      if (typeof event === 'string' && known.has(event) && typeof ack === 'function' && packet.length === 3) {
        const stop = metrics.socket.startTimer({ namespace: label, event });
        packet[2] = (result: { ok?: boolean }) => {
          const ok = result?.ok === true;
          stop({ outcome: ok ? 'ok' : 'error' });
          if (ok && event === EVENTS.messageSend) metrics.messages.inc({ namespace: label });
          if (ok && event === EVENTS.conversationHandoff) metrics.handoffs.inc();
          (ack as (r: unknown) => void)(result);
        };
      }
      next();
    });
  });
}
