import { API } from '@frontdesk/shared';
import { describe, expect, it, vi } from 'vitest';
import { createHttp } from '../shared/http.ts';
import { recordHttp } from '../testing/http.ts';
import { AGENT } from '../testing/memory-client.ts';
import { createProfileApi } from './api.ts';

const ME = { ...AGENT, avatarColor: '#b45309', avatarUrl: null, mustChangePassword: false };

describe('profile api', () => {
  it('changes the profile with PATCH me', async () => {
    const { http, call } = recordHttp({ agent: ME });
    expect(await createProfileApi(http).updateProfile({ name: 'Ann', avatarColor: '#b45309' })).toEqual({
      ok: true,
      data: ME,
    });
    expect(call()).toEqual({ path: API.me, method: 'PATCH', body: { name: 'Ann', avatarColor: '#b45309' } });
  });

  it('reads a profile without the issue-9 fields (an older server)', async () => {
    const { http } = recordHttp({ agent: AGENT });
    expect(await createProfileApi(http).updateProfile({ name: 'Ann' })).toEqual({ ok: true, data: AGENT });
  });

  it('changes the password', async () => {
    const { http, call } = recordHttp({ ok: true });
    const input = { currentPassword: 'old secret', newPassword: 'a new long secret' };
    expect(await createProfileApi(http).changePassword(input)).toEqual({ ok: true, data: null });
    expect(call()).toEqual({ path: API.mePassword, method: 'POST', body: input });
  });

  it('uploads and removes the avatar', async () => {
    const fetchImpl = vi.fn(async (_path: string, _init?: RequestInit) => Response.json({ agent: ME }));
    const api = createProfileApi(createHttp(fetchImpl));
    const file = new Blob(['png'], { type: 'image/png' });
    expect(await api.uploadAvatar(file)).toEqual({ ok: true, data: ME });
    expect(fetchImpl.mock.calls[0]).toEqual([
      API.meAvatar,
      expect.objectContaining({
        method: 'PUT',
        body: file,
        headers: expect.objectContaining({ 'Content-Type': 'image/png' }),
      }),
    ]);
    expect(await api.deleteAvatar()).toEqual({ ok: true, data: ME });
    expect(fetchImpl.mock.calls[1]?.[1]).toMatchObject({ method: 'DELETE' });
  });
});
