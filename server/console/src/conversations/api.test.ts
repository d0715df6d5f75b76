import { API } from '@frontdesk/shared';
import { describe, expect, it, vi } from 'vitest';
import { conversation } from '../testing/fixtures.ts';
import { recordHttp } from '../testing/http.ts';
import { createConversationsApi } from './api.ts';

describe('conversations api', () => {
  it('lists one state with a limit', async () => {
    const list = [conversation('c1', { state: 'queued' })];
    const { http, call } = recordHttp({ conversations: list });
    expect(await createConversationsApi(http).listConversations('queued', 50)).toEqual({
      ok: true,
      data: { conversations: list, ownReads: {} },
    });
    expect(call()).toEqual({
      path: `${API.conversations}?state=queued&limit=50`,
      method: 'GET',
      body: undefined,
    });
  });

  it('refuses a list of the wrong shape', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const reply of [{ items: [] }, { conversations: [{ id: 'c1' }] }]) {
      const api = createConversationsApi(recordHttp(reply).http);
      expect(await api.listConversations('bot', 5)).toMatchObject({ ok: false, error: { code: 'internal' } });
    }
    warn.mockRestore();
  });
});
