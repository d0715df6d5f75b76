import { API, DEFAULT_APPEARANCE } from '@frontdesk/shared';
import { describe, expect, it, vi } from 'vitest';
import { recordHttp } from '../testing/http.ts';
import { siteDetail } from '../testing/memory-admin.ts';
import { createSitesApi } from './api.ts';

const SITE = siteDetail('s1', { allowedOrigins: ['https://shop.example'] });
const {
  allowedOrigins: _o,
  defaultLocale: _l,
  appearance: _a,
  notifyAgentsOfOfflineMessages: _n, // E-mail as a channel (issue 10, mail)
  ...SUMMARY
} = SITE;

describe('sites api', () => {
  it('lists sites and reads one', async () => {
    const list = recordHttp({ sites: [SUMMARY] });
    expect(await createSitesApi(list.http).listSites()).toEqual({ ok: true, data: [SUMMARY] });
    expect(list.call()).toEqual({ path: API.sites, method: 'GET', body: undefined });
    const one = recordHttp({ site: SITE });
    expect(await createSitesApi(one.http).getSite('s1')).toEqual({ ok: true, data: SITE });
    expect(one.call().path).toBe(API.site('s1'));
  });

  it('creates with POST and changes with PATCH', async () => {
    const { http, call } = recordHttp({ site: SITE });
    const api = createSitesApi(http);
    const input = { name: 'Shop', allowedOrigins: ['https://shop.example'], defaultLocale: null };
    expect(await api.createSite(input)).toEqual({ ok: true, data: SITE });
    expect(call(0)).toEqual({ path: API.sites, method: 'POST', body: input });
    const { logoUrl: _, ...appearance } = DEFAULT_APPEARANCE;
    await api.patchSite('s1', { archived: true, appearance });
    expect(call(1)).toEqual({ path: API.site('s1'), method: 'PATCH', body: { archived: true, appearance } });
    await api.deleteLogo('s1');
    expect(call(2)).toMatchObject({ path: API.siteLogo('s1'), method: 'DELETE' });
  });

  it('uploads the logo as the raw file', async () => {
    const fetchImpl = vi.fn(async (_path: string, _init?: RequestInit) => Response.json({ site: SITE }));
    const { createHttp } = await import('../shared/http.ts');
    const file = new Blob(['gif'], { type: 'image/gif' });
    expect(await createSitesApi(createHttp(fetchImpl)).uploadLogo('s1', file)).toEqual({
      ok: true,
      data: SITE,
    });
    const [path, init] = fetchImpl.mock.calls[0]!;
    expect(path).toBe(API.siteLogo('s1'));
    expect(init).toMatchObject({ method: 'PUT', body: file, headers: { 'Content-Type': 'image/gif' } });
  });

  it('refuses a reply of the wrong shape and passes errors through', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = recordHttp({ site: { ...SITE, archived: 'no' } });
    expect(await createSitesApi(bad.http).getSite('s1')).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    warn.mockRestore();
    const denied = recordHttp({ ok: false, error: { code: 'forbidden', message: 'admins only' } }, 403);
    expect(await createSitesApi(denied.http).listSites()).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'admins only' },
    });
  });
});
