import { API } from '@frontdesk/shared';
import { describe, expect, it, vi } from 'vitest';
import { recordHttp } from '../testing/http.ts';
import { AGENT } from '../testing/memory-client.ts';
import { createAuthApi } from './api.ts';

describe('auth api', () => {
  it('posts the login and returns the agent', async () => {
    const { http, call } = recordHttp({ agent: AGENT });
    expect(await createAuthApi(http).login('a@b.c', 'secret')).toEqual({ ok: true, data: AGENT });
    expect(call()).toEqual({ path: API.login, method: 'POST', body: { email: 'a@b.c', password: 'secret' } });
  });

  it('reads who is signed in, and refuses an agent of the wrong shape', async () => {
    expect(await createAuthApi(recordHttp({ agent: AGENT }).http).me()).toEqual({ ok: true, data: AGENT });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = recordHttp({ agent: { ...AGENT, role: 'owner' } });
    expect(await createAuthApi(bad.http).me()).toMatchObject({ ok: false, error: { code: 'internal' } });
    warn.mockRestore();
  });

  it('logs out with a POST', async () => {
    const { http, call } = recordHttp({ ok: true });
    expect(await createAuthApi(http).logout()).toEqual({ ok: true, data: null });
    expect(call()).toMatchObject({ path: API.logout, method: 'POST' });
  });
});
