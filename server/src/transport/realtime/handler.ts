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
import type { AckResult, EventBudget } from '@frontdesk/shared';
import type * as v from 'valibot';
import { AppError, toErrorBody } from '../errors.ts';
import { type Budgets, rateLimited, type Sender } from '../limits/index.ts';
import type { Logger } from '../logger.ts';
import { parse } from '../validate.ts';

type AckFn<T> = (result: AckResult<T>) => void;

/** The part of a socket.io server socket this module uses (the typed one is cast once, here). */
type RawSocket = {
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

/** Closes a misbehaving connection (the socket and its transport); the process goes on. */
function closeConnection(socket: RawSocket, logger: Logger, reason: string, details: object = {}) {
  logger.warn({ socket: socket.id, reason, ...details }, 'socket closed by the server');
  socket.disconnect(true);
}

/** Event names are attacker-chosen: log a bounded, printable excerpt. */
const printable = (value: unknown) => String(value).slice(0, 64);

/**
 * Sets up a connection's guard and returns `handle`, which registers one event's handler.
 * `socket` is a socket.io server socket; events not registered through `handle` close the connection.
 */
export function socketHandlers<Table extends { readonly [event: string]: EventBudget }>(
  socket: object,
  deps: HandlerDeps<Table>,
) {
  const raw = socket as RawSocket;
  const { logger, budgets, table, sender } = deps;
  const known = new Set<string>();

  raw.use((packet, next) => {
    const [event] = packet;
    if (typeof event !== 'string' || !known.has(event)) {
      closeConnection(raw, logger, 'unknown event', { event: printable(event) });
      return;
    }
    if (packet.length !== 3 || typeof packet[2] !== 'function') {
      closeConnection(raw, logger, 'event without a payload and an ack', { event, args: packet.length - 1 });
      return;
    }
    next();
  });
  // Malformed packets: socket.io reports them here, then closes the transport itself.
  raw.on('error', (error) => {
    logger.warn({ socket: raw.id, reason: 'protocol error', err: error }, 'socket closed by the server');
  });

  return function handle<S extends v.GenericSchema, T>(
    event: keyof Table & string,
    schema: S,
    run: (input: v.InferOutput<S>) => Promise<T>,
  ): void {
    const budget = table[event];
    if (!budget) throw new Error(`no budget for socket event "${event}"`);
    known.add(event);
    raw.on(event, async (payload: unknown, ack: unknown) => {
      const reply = ack as AckFn<T>;
      const verdict = budgets.event(event, budget, sender);
      if (!verdict.ok) {
        if (verdict.flood) {
          reply({ ok: false, error: rateLimited(verdict, `"${event}" events`).toBody() });
          closeConnection(raw, logger, 'flood', { event, identity: sender.identity });
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
