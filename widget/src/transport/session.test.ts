import { API } from '@frontdesk/shared';
import { describe, expect, it, vi } from 'vitest';
import { memoryStore, storageKey } from '../storage.ts';
import { createTokenSource } from './session.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('visitor token', () => {
  it('mints once with a JSON body, stores it, and reuses it', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
      json(201, { token: 'tok-1', visitorId: 'v1' }),
    );
    const store = memoryStore();
    const tokens = createTokenSource({ base: 'https://chat.example', siteKey: 'site-1', store, fetch });
    const [a, b] = await Promise.all([tokens.ensure(), tokens.ensure()]);
    expect([a, b]).toEqual(['tok-1', 'tok-1']);
    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`https://chat.example${API.visitorSessions}`);
    expect(url).not.toContain('tok');
    expect(JSON.parse(String(init?.body))).toEqual({ siteKey: 'site-1' });
    expect(store.get(storageKey('site-1', 'token'))).toBe('tok-1');
    expect(await tokens.ensure()).toBe('tok-1');
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('drop() forces a new token', async () => {
    let n = 0;
    const fetch = vi.fn(async () => json(201, { token: `tok-${++n}`, visitorId: 'v' }));
    const tokens = createTokenSource({ base: '', siteKey: 's', store: memoryStore(), fetch });
    expect(await tokens.ensure()).toBe('tok-1');
    tokens.drop();
    expect(tokens.current()).toBeNull();
    expect(await tokens.ensure()).toBe('tok-2');
  });

  it('rejects with the server’s error', async () => {
    const fetch = vi.fn(async () =>
      json(403, { ok: false, error: { code: 'origin_not_allowed', message: 'no' } }),
    );
    const tokens = createTokenSource({ base: '', siteKey: 's', store: memoryStore(), fetch });
    await expect(tokens.ensure()).rejects.toThrow(/403.*origin_not_allowed/);
    // The code travels with the error, so the transport can stop retrying and say why.
    await expect(tokens.ensure()).rejects.toMatchObject({ code: 'origin_not_allowed' });
  });
});
