import { API } from '@frontdesk/shared';
import { describe, expect, it, vi } from 'vitest';
import { errorFromResponse } from './http.ts';
import { createHttpApi } from './index.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('http api', () => {
  it('posts the login as same-origin JSON and returns the agent', async () => {
    const agent = { id: 'a1', email: 'a@b.c', name: 'A', role: 'agent', sites: [] };
    const fetchImpl = vi.fn(async (_path: string, _init?: RequestInit) => json(200, { agent }));
    const result = await createHttpApi(fetchImpl).login('a@b.c', 'secret');
    expect(result).toEqual({ ok: true, data: agent });
    const [path, init = {}] = fetchImpl.mock.calls[0]!;
    expect(path).toBe(API.login);
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ email: 'a@b.c', password: 'secret' });
  });

  it('passes the server error code through', async () => {
    const api = createHttpApi(async () =>
      json(401, { ok: false, error: { code: 'unauthorized', message: 'no' } }),
    );
    expect(await api.me()).toEqual({ ok: false, error: { code: 'unauthorized', message: 'no' } });
  });

  it('maps foreign error bodies by status and network failures to unavailable', async () => {
    expect(errorFromResponse(429, '<html>')).toEqual({ code: 'rate_limited', message: 'HTTP 429' });
    expect(errorFromResponse(502, null).code).toBe('internal');
    expect(errorFromResponse(400, { error: { code: 'nope' } }).code).toBe('bad_request');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = createHttpApi(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await api.logout()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('builds the list query and rejects a reply of the wrong shape', async () => {
    const fetchImpl = vi.fn(async (_path: string, _init?: RequestInit) => json(200, { conversations: [] }));
    const api = createHttpApi(fetchImpl);
    expect(await api.listConversations('queued', 50)).toEqual({ ok: true, data: [] });
    expect(fetchImpl.mock.calls[0]?.[0]).toBe(`${API.conversations}?state=queued&limit=50`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = createHttpApi(async () => json(200, { items: [] }));
    expect(await bad.listConversations('bot', 5)).toMatchObject({ ok: false, error: { code: 'internal' } });
    warn.mockRestore();
  });
});
