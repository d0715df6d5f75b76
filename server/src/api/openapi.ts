/**
 * The OpenAPI 3.1 document of the public API, generated from `OPERATIONS` and the shared valibot
 * schemas (JSON Schema 2020-12 via `@valibot/to-json-schema`): requests as their input types,
 * answers as their output types. Built once per process; nothing in it is written by hand twice.
 */
import { API_LIMITS, ERROR_CODES, ERROR_HTTP_STATUS } from '@frontdesk/shared';
import { ApiErrorSchema } from '@frontdesk/shared/api-responses';
import { type ConversionConfig, toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { OPERATIONS, type Operation } from './operations.ts';

export const API_BASE = '/api/v1';

type Json = Record<string, unknown>;

type AnySchema = v.GenericSchema & {
  pipe?: readonly { kind: string }[];
  entries?: v.ObjectEntries;
  wrapped?: v.GenericSchema;
  item?: v.GenericSchema;
};

/**
 * The shared `record()` schemas (and a few others) are an opaque plain-object check piped into the
 * real schema: for JSON Schema, each such pipe is replaced by the schema it carries, at any depth.
 * Anything without one inside is returned as it is (its pipe of checks kept).
 */
export function describable(schema: v.GenericSchema): v.GenericSchema {
  const s = schema as AnySchema;
  if (s.pipe && s.type === 'custom') {
    const carried = s.pipe.find((item, i) => i > 0 && item.kind === 'schema');
    if (carried) return describable(carried as unknown as v.GenericSchema);
  }
  if ((s.type === 'object' || s.type === 'strict_object') && s.entries) {
    const entries = Object.fromEntries(Object.entries(s.entries).map(([k, e]) => [k, describable(e)]));
    const changed = Object.keys(entries).some((k) => entries[k] !== s.entries?.[k]);
    if (!changed) return schema;
    return s.type === 'strict_object' ? v.strictObject(entries) : v.object(entries);
  }
  if (s.wrapped && (s.type === 'optional' || s.type === 'nullable' || s.type === 'nullish')) {
    const inner = describable(s.wrapped);
    if (inner === s.wrapped) return schema;
    return s.type === 'optional'
      ? v.optional(inner)
      : s.type === 'nullable'
        ? v.nullable(inner)
        : v.nullish(inner);
  }
  if (s.type === 'array' && s.item) {
    const inner = describable(s.item);
    return inner === s.item ? schema : v.array(inner);
  }
  return schema;
}

const request: ConversionConfig = { target: 'draft-2020-12', typeMode: 'input', errorMode: 'ignore' };
const answer: ConversionConfig = { target: 'draft-2020-12', typeMode: 'output', errorMode: 'ignore' };

function schemaOf(schema: v.GenericSchema, config: ConversionConfig): Json {
  const { $schema: _dialect, ...rest } = toJsonSchema(describable(schema), config) as Json;
  return rest;
}

/** `/api/v1/conversations/:conversationId` → `/conversations/{conversationId}`. */
export const openApiPath = (path: string): string =>
  path.slice(API_BASE.length).replace(/:(\w+)/g, (_m, name: string) => `{${name}}`);

const entriesOf = (schema: v.GenericSchema): v.ObjectEntries =>
  (schema as unknown as { entries: v.ObjectEntries }).entries;

const isOptional = (schema: v.GenericSchema) => schema.type === 'optional' || schema.type === 'nullish';

function parametersOf(op: Operation): Json[] {
  const path = Object.entries(op.params ?? {}).map(([name, schema]) => ({
    name,
    in: 'path',
    required: true,
    schema: schemaOf(schema, request),
  }));
  const query = Object.entries(op.query ? entriesOf(describable(op.query)) : {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !isOptional(schema),
    schema: schemaOf(schema, request),
  }));
  return [...path, ...query];
}

const errorStatuses = (op: Operation): number[] => {
  const statuses = new Set<number>([400, 401, 429]);
  if (op.scope === 'write') statuses.add(403);
  if (op.params) statuses.add(404);
  if (op.method !== 'get') statuses.add(409);
  return [...statuses].sort();
};

function operationOf(op: Operation): Json {
  const responses: Json = {
    [op.status]:
      op.response === null
        ? { description: 'Done (no body)' }
        : {
            description: 'Success',
            content: { 'application/json': { schema: schemaOf(op.response, answer) } },
          },
  };
  for (const status of errorStatuses(op))
    responses[status] = {
      description: ERROR_CODES.filter((code) => ERROR_HTTP_STATUS[code] === status).join(', '),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      ...(status === 429 && {
        headers: {
          'Retry-After': { description: 'Seconds until a retry can succeed', schema: { type: 'integer' } },
        },
      }),
    };
  return {
    operationId: op.id,
    summary: op.summary,
    tags: [op.tag],
    ...(op.scope === 'write' && { description: 'Needs a read-write token.' }),
    parameters: parametersOf(op),
    ...(op.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: schemaOf(op.body, request) } },
      },
    }),
    responses,
  };
}

export function buildOpenApi(): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS as readonly Operation[]) {
    const path = openApiPath(op.path);
    paths[path] = { ...paths[path], [op.method]: operationOf(op) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Frontdesk API',
      version: '1.0.0',
      description:
        `Authenticate with an API token from the console (Settings → API tokens): ` +
        '`Authorization: Bearer fdk_…`. A token belongs to one site and reads (GET) or reads and ' +
        `writes. Lists are paged: pass \`nextCursor\` back as \`cursor\`; \`limit\` is 1–${API_LIMITS.pageSizeMax}. ` +
        `Each token may make ${API_LIMITS.tokenRequests} requests in a burst; past it, 429 with Retry-After.`,
    },
    servers: [{ url: API_BASE }],
    security: [{ apiToken: [] }],
    tags: [{ name: 'Site' }, { name: 'Conversations' }, { name: 'Contacts' }, { name: 'FAQ' }],
    paths,
    components: {
      securitySchemes: { apiToken: { type: 'http', scheme: 'bearer', bearerFormat: 'fdk_…' } },
      schemas: { Error: schemaOf(ApiErrorSchema, answer) },
    },
  };
}
