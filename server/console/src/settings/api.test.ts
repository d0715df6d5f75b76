import { API } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { recordHttp } from '../testing/http.ts';
import { createSettingsApi } from './api.ts';

const settings = { botMissesBeforeHandoff: 2, escalationPhrases: ['human'], answerThreshold: null };

describe('settings api', () => {
  it('reads and writes the bot settings', async () => {
    const { http, call } = recordHttp(settings);
    const api = createSettingsApi(http);
    expect(await api.getBotSettings('s1')).toEqual({ ok: true, data: settings });
    expect(await api.saveBotSettings('s1', settings)).toEqual({ ok: true, data: settings });
    expect(call(0)).toEqual({ path: API.botSettings('s1'), method: 'GET', body: undefined });
    expect(call(1)).toEqual({ path: API.botSettings('s1'), method: 'PUT', body: settings });
  });

  it('passes forbidden through', async () => {
    const { http } = recordHttp({ ok: false, error: { code: 'forbidden', message: 'admins only' } }, 403);
    expect(await createSettingsApi(http).saveBotSettings('s1', settings)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'admins only' },
    });
  });
});
