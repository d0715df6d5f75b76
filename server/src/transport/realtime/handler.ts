/**
 * Socket handler plumbing, the one place every inbound event goes through:
 * protocol check → budget → validate → service → ack.
 *
 * - Protocol: only the namespace's events, each as `(payload, ack)`. Anything else (an unknown event,
 *   no ack callback, extra arguments) is not our client: the connection closes, with a log line.
 * - Budget: `RATE_LIMITS` per socket, per identity, per address, per site (see `limits/budgets.ts`).
 *   Over it: a `rate_limited` ack, except for coalesced events (page views), which are accepted and
 *   coalesced by the service. A flood (refusals ignored many times over) closes the connection.
 * - Errors become `{ ok: false }` acks; unknown errors are logged and never leak their text.
 */
import type { AckData, AckResult, EventBudget } from '@frontdesk/shared';
import type * as v from 'valibot';
import { AppError, toErrorBody } from '../../kernel/errors.ts';
import type { Logger } from '../../kernel/logger.ts';
import { parse } from '../../kernel/validate.ts';
import { type Budgets, rateLimited, type Sender } from '../../limits/index.ts';

/** A client → server event map of this protocol: every event is `(payload, ack)`. */
export type ClientEvents = { [event: string]: (input: never, ack: never) => void };

/** What this module uses of a socket.io server socket (a typed `Socket` of either namespace is one). */
export type GuardedSocket = {
  id: string;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  use(middleware: (packet: unknown[], next: (error?: Error) => void) => void): unknown;
  disconnect(close?: boolean): unknown;
};

export type HandlerDeps<Table> = {
  logger: Logger;
  budgets: Budgets;
  /** The namespace's budgets (`RATE_LIMITS.visitor` / `.agent`): only these events can be handled. */
  table: Table;
  sender: Sender;
};

/** Registers one event's handler: its input validated with `schema`, its result what the event's ack carries. */
export type Handle<Events extends ClientEvents, Table> = <
  E extends keyof Events & keyof Table & string,
  S extends v.GenericSchema,
>(
  event: E,
  schema: S,
  run: (input: v.InferOutput<S>) => Promise<AckData<Events[E]>>,
) => void;

/** Closes a misbehaving connection (the socket and its transport); the process goes on. */
function closeConnection(socket: GuardedSocket, logger: Logger, reason: string, details: object = {}) {
  logger.warn({ socket: socket.id, reason, ...details }, 'socket closed by the server');
  socket.disconnect(true);
}

/** Event names are attacker-chosen: log a bounded, printable excerpt. */
const printable = (value: unknown) => String(value).slice(0, 64);

/**
 * Sets up a connection's guard and returns `handle`, which registers one event's handler.
 * Events not registered through `handle` close the connection.
 */
export function socketHandlers<
  Events extends ClientEvents,
  Table extends { readonly [event: string]: EventBudget },
>(socket: GuardedSocket, deps: HandlerDeps<Table>): Handle<Events, Table> {
  const { logger, budgets, table, sender } = deps;
  const known = new Set<string>();

  socket.use((packet, next) => {
    const [event] = packet;
    if (typeof event !== 'string' || !known.has(event)) {
      closeConnection(socket, logger, 'unknown event', { event: printable(event) });
      return;
    }
    if (packet.length !== 3 || typeof packet[2] !== 'function') {
      closeConnection(socket, logger, 'event without a payload and an ack', {
        event,
        args: packet.length - 1,
      });
      return;
    }
    next();
  });
  // Malformed packets: socket.io reports them here, then closes the transport itself.
  socket.on('error', (error) => {
    logger.warn({ socket: socket.id, reason: 'protocol error', err: error }, 'socket closed by the server');
  });

  return (event, schema, run) => {
    const budget = table[event];
    if (!budget) throw new Error(`no budget for socket event "${event}"`);
    known.add(event);
    socket.on(event, async (payload, ack) => {
      // The guard above let only `(payload, ack function)` through.
      if (typeof ack !== 'function') return;
      const reply = (result: AckResult<unknown>) => ack(result);
      const verdict = budgets.event(event, budget, sender);
      if (!verdict.ok) {
        if (verdict.flood) {
          reply({ ok: false, error: rateLimited(verdict, `"${event}" events`).toBody() });
          closeConnection(socket, logger, 'flood', { event, identity: sender.identity });
          return;
        }
        if (budget.coalesceMs === undefined) {
          reply({ ok: false, error: rateLimited(verdict, `"${event}" events`).toBody() });
          return;
        }
      }
      try {
        reply({ ok: true, data: await run(parse(schema, payload)) });
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error, event }, 'socket handler failed');
        reply({ ok: false, error: toErrorBody(error) });
      }
    });
  };
}
