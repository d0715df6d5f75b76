import { describe, expect, it, vi } from 'vitest';
import { createHttp, errorFromResponse, nothing } from './http.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const numberIn = (body: unknown) =>
  typeof body === 'object' && body !== null && 'n' in body && typeof body.n === 'number' ? body.n : undefined;

function recorder(reply: () => Promise<Response>) {
  const fetchImpl = vi.fn(async (_path: string, _init?: RequestInit) => reply());
  const call = (i = 0) => {
    const [path, init = {}] = fetchImpl.mock.calls[i]!;
    return { path, init, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) };
  };
  return { http: createHttp(fetchImpl), call };
}

describe('http', () => {
  it('GETs same-origin JSON and reads the reply through the parser', async () => {
    const { http, call } = recorder(async () => json(200, { n: 7 }));
    expect(await http.get('/api/x', numberIn)).toEqual({ ok: true, data: 7 });
    expect(call().init).toMatchObject({ method: 'GET', credentials: 'same-origin' });
    expect(call().body).toBeUndefined();
  });

  it('sends mutations as JSON, a DELETE without a body sends none', async () => {
    const { http, call } = recorder(async () => json(200, { ok: true }));
    expect(await http.send('PUT', '/api/x', { a: 1 }, nothing)).toEqual({ ok: true, data: null });
    expect(call(0).init.method).toBe('PUT');
    expect(call(0).init.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(call(0).body).toEqual({ a: 1 });
    await http.send('POST', '/api/y', undefined, nothing);
    expect(call(1).body).toEqual({});
    await http.send('DELETE', '/api/z', undefined, nothing);
    expect(call(2).init).toMatchObject({ method: 'DELETE', headers: { 'Content-Type': 'application/json' } });
    expect(call(2).init.body).toBeUndefined();
  });

  it('uploads a file as the raw body with its own content type', async () => {
    const fetchImpl = vi.fn(async (_path: string, _init?: RequestInit) => json(200, { n: 1 }));
    const file = new Blob(['png bytes'], { type: 'image/png' });
    expect(await createHttp(fetchImpl).upload('PUT', '/api/logo', file, numberIn)).toEqual({
      ok: true,
      data: 1,
    });
    const init = fetchImpl.mock.calls[0]![1]!;
    expect(init).toMatchObject({ method: 'PUT', credentials: 'same-origin' });
    expect(init.headers).toMatchObject({ 'Content-Type': 'image/png' });
    expect(init.body).toBe(file);
  });

  it('passes the server error code through', async () => {
    const { http } = recorder(async () =>
      json(401, { ok: false, error: { code: 'unauthorized', message: 'no' } }),
    );
    expect(await http.get('/api/me', numberIn)).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'no' },
    });
  });

  it('a reply of the wrong shape is internal; one that is not JSON, or no reply, is unavailable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const wrong = recorder(async () => json(200, { n: 'seven' }));
    expect(await wrong.http.get('/api/x', numberIn)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    const html = recorder(async () => new Response('<html>', { status: 200 }));
    expect(await html.http.get('/api/x', numberIn)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    const down = recorder(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await down.http.send('POST', '/api/x', {}, nothing)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  it('maps foreign error bodies by their status', () => {
    expect(errorFromResponse(429, '<html>')).toEqual({ code: 'rate_limited', message: 'HTTP 429' });
    expect(errorFromResponse(502, null).code).toBe('internal');
    expect(errorFromResponse(400, { error: { code: 'nope' } }).code).toBe('bad_request');
    expect(errorFromResponse(409, { ok: false, error: { code: 'conflict', message: 'taken' } })).toEqual({
      code: 'conflict',
      message: 'taken',
    });
  });

  it('reads nothing but `{ ok: true }` as an empty success', () => {
    expect(nothing({ ok: true })).toBeNull();
    expect(nothing({ ok: false })).toBeUndefined();
    expect(nothing(null)).toBeUndefined();
  });
});
