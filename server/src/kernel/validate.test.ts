/** A3: every inbound schema, fuzzed through the boundary's `parse` (fast-check; the seed is printed on failure). */

import * as apiSchemas from '@frontdesk/shared/api-schemas';
import * as cannedSchemas from '@frontdesk/shared/canned-schemas';
import * as contactSchemas from '@frontdesk/shared/contacts-schemas';
import * as reportSchemas from '@frontdesk/shared/reports';
import * as routingSchemas from '@frontdesk/shared/routing-schemas';
import * as schemas from '@frontdesk/shared/schemas';
import * as searchSchemas from '@frontdesk/shared/search-schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonish, overTheWire, payloadFor, SCHEMA_EXAMPLES } from '../testing/fuzz.ts';
import { AppError } from './errors.ts';
import { parse } from './validate.ts';

type AnySchema = schemas.Schema;
const isSchema = (value: unknown): value is AnySchema =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'schema';

const exported: [string, unknown][] = [
  ...Object.entries(schemas),
  ...Object.entries(contactSchemas),
  ...Object.entries(routingSchemas),
  // Issue 14.
  ...Object.entries(cannedSchemas),
  ...Object.entries(searchSchemas),
  // Issue 15.
  ...Object.entries(reportSchemas),
  ...Object.entries(apiSchemas),
];
const ALL = exported.filter((entry): entry is [string, AnySchema] => isSchema(entry[1]));
/** Object schemas: the ones a payload is parsed with (the rest are their fields). */
const OBJECTS = ALL.filter(([name]) => name in SCHEMA_EXAMPLES);
const examples = SCHEMA_EXAMPLES as Record<string, Record<string, unknown>>;

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join();
const PROTOTYPE = prototypeKeys();

/** The boundary's contract: a typed output or a 4xx AppError; never another exception, never pollution. */
function parsesOrRefuses(schema: AnySchema, input: unknown) {
  try {
    const output = parse(schema, input);
    if (typeof output === 'object' && output !== null) {
      const proto: unknown = Object.getPrototypeOf(output);
      expect(Array.isArray(output) || proto === Object.prototype || proto === null).toBe(true);
      expect(Object.hasOwn(output, '__proto__')).toBe(false);
    }
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(['bad_request', 'too_large']).toContain((error as AppError).code);
  }
  expect(prototypeKeys()).toBe(PROTOTYPE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('inbound schemas', () => {
  it('A3 every object schema has a valid example, which parses', () => {
    const objectLike = ALL.filter(([, schema]) => (schema as { entries?: unknown }).entries !== undefined);
    expect(objectLike.map(([name]) => name).sort()).toEqual(Object.keys(SCHEMA_EXAMPLES).sort());
    for (const [name, schema] of OBJECTS) expect(() => parse(schema, examples[name]), name).not.toThrow();
  });

  it('A3 every object schema refuses arrays, even of valid payloads', () => {
    for (const [name, schema] of OBJECTS) {
      for (const input of [[], [examples[name]], new Date(0), new Map()]) {
        expect(() => parse(schema, input), name).toThrow(AppError);
      }
    }
  });

  it.each(ALL.map(([name, schema]) => [name, schema] as const))(
    'A3 fuzz: %s answers arbitrary JSON with a typed output or a bad_request, never another error or pollution',
    (name, schema) => {
      const example = examples[name];
      const input = example ? payloadFor(example) : jsonish.map(overTheWire);
      fc.assert(
        fc.property(input, (value) => parsesOrRefuses(schema, value)),
        { numRuns: 200 },
      );
    },
  );
});
