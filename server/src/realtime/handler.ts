/** Socket handler plumbing: validate → call the service → ack. Errors become `{ ok: false }` acks. */
import type { AckResult } from '@frontdesk/shared';
import type * as v from 'valibot';
import { AppError, toErrorBody } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { parse } from '../validate.ts';

type AckFn<T> = (result: AckResult<T>) => void;

/**
 * Wraps a service call as a socket.io listener. A packet without an ack callback is a protocol
 * error: it is logged and dropped (the client library always sends one for these events).
 */
export function handle<S extends v.GenericSchema, T>(
  logger: Logger,
  event: string,
  schema: S,
  run: (input: v.InferOutput<S>) => Promise<T>,
) {
  return async (payload: unknown, ack: unknown): Promise<void> => {
    if (typeof ack !== 'function') {
      logger.warn({ event }, 'socket event without ack dropped');
      return;
    }
    const reply = ack as AckFn<T>;
    try {
      reply({ ok: true, data: await run(parse(schema, payload)) });
    } catch (error) {
      if (!(error instanceof AppError)) logger.error({ err: error, event }, 'socket handler failed');
      reply({ ok: false, error: toErrorBody(error) });
    }
  };
}
