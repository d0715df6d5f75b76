/** Issue 15: the OpenAPI document — valid by a maintained validator, and exactly the routes served. */

import { API_V1_ROUTES } from '@frontdesk/shared';
import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.ts';
import { API_BASE, openApiPath } from './openapi.ts';

let h: Harness;
let doc: Record<string, unknown> & { paths: Record<string, Record<string, { operationId: string }>> };

beforeAll(async () => {
  h = await startHarness();
  const res = await fetch(h.url + API_V1_ROUTES.openapi);
  expect(res.status).toBe(200);
  doc = (await res.json()) as typeof doc;
});
afterAll(async () => {
  await h.close();
});

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (@readme/openapi-parser)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    // The validator's own report, printed for the closing note.
    console.info('openapi-parser:', JSON.stringify(result));
    expect(result.valid).toBe(true);
  });

  it('lists every registered /api/v1 route of the public API, and no other', () => {
    const registered = h.publicApiRoutes.map((r) => `${r.method} ${openApiPath(r.path)}`).sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
      .sort();
    expect(registered.length).toBeGreaterThan(10);
    expect(documented).toEqual(registered);
    expect((doc.servers as { url: string }[])[0]?.url).toBe(API_BASE);
  });

  it('is served as a readable, self-contained reference page', async () => {
    const res = await fetch(h.url + API_V1_ROUTES.reference);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const methods of Object.values(doc.paths))
      for (const op of Object.values(methods)) expect(html).toContain(`id="${op.operationId}"`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)[a-z]/i);
  });
});
