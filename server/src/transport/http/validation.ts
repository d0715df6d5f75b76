/**
 * Validation as Hono middleware: a request's JSON body, query or path parameters parsed with a shared
 * schema before the handler runs (which reads them typed with `c.req.valid(…)`). A refusal is the
 * same `bad_request` (or `too_large`) AppError `parse` throws everywhere else.
 *
 * Bodies are read by `readJsonBody`, not Hono's JSON validator: only `application/json` is accepted
 * (a cross-site form can never be a valid request) and a malformed body is a `bad_request`.
 */
import type { Env, MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { parse } from '../../kernel/validate.ts';
import { readJsonBody } from './json-body.ts';

/** A schema whose output is an object (what Hono keeps as validated data). */
type ObjectSchema = v.GenericSchema<unknown, object>;

type Validated<Target extends 'json' | 'query' | 'param', S extends ObjectSchema> = MiddlewareHandler<
  Env,
  string,
  { in: { [K in Target]: v.InferInput<S> }; out: { [K in Target]: v.InferOutput<S> } }
>;

/** The JSON body, parsed with `schema`. */
export function jsonBody<S extends ObjectSchema>(schema: S): Validated<'json', S> {
  return async (c, next) => {
    c.req.addValidatedData('json', parse(schema, await readJsonBody(c)));
    await next();
  };
}

/** A JSON body, whatever it holds (a mutation without input still refuses cross-site forms). */
export function anyJsonBody(): MiddlewareHandler {
  return async (c, next) => {
    await readJsonBody(c);
    await next();
  };
}

/** The query string (each key's first value), parsed with `schema`. */
export function query<S extends ObjectSchema>(schema: S): Validated<'query', S> {
  return async (c, next) => {
    c.req.addValidatedData('query', parse(schema, c.req.query()));
    await next();
  };
}

/** The named path parameters, each parsed with its schema (other parameters are left alone). */
export function params<const E extends v.ObjectEntries>(
  entries: E,
): Validated<'param', v.ObjectSchema<E, undefined>> {
  const schema = v.object(entries);
  return async (c, next) => {
    c.req.addValidatedData('param', parse(schema, c.req.param()));
    await next();
  };
}
