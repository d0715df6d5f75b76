import { API } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { SHOP_GROUPS } from '../testing/faq-fixtures.ts';
import { recordHttp } from '../testing/http.ts';
import { createUnansweredApi } from './api.ts';

describe('unanswered api', () => {
  it('lists the groups', async () => {
    const { http, call } = recordHttp({ groups: SHOP_GROUPS });
    expect(await createUnansweredApi(http).listUnanswered('s1')).toEqual({ ok: true, data: SHOP_GROUPS });
    expect(call().path).toBe(API.unanswered('s1'));
  });

  it('dismisses messages, naming the entry they went to when there is one', async () => {
    const { http, call } = recordHttp({ ok: true });
    const api = createUnansweredApi(http);
    expect(await api.dismissUnanswered('s1', ['m1'], 'faq-1')).toEqual({ ok: true, data: null });
    await api.dismissUnanswered('s1', ['m2'], null);
    expect(call(0)).toEqual({
      path: API.unansweredDismiss('s1'),
      method: 'POST',
      body: { messageIds: ['m1'], faqId: 'faq-1' },
    });
    expect(call(1).body).toEqual({ messageIds: ['m2'] });
  });
});
