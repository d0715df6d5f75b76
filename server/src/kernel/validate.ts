/** Boundary validation: parse with a shared schema or throw a `bad_request` AppError. */
import * as v from 'valibot';
import { AppError } from './errors.ts';

export function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  const tooLong = result.issues.some((i) => i.type === 'max_length' && path === 'body');
  throw new AppError(
    tooLong ? 'too_large' : 'bad_request',
    path ? `${path}: ${issue.message}` : issue.message,
  );
}
