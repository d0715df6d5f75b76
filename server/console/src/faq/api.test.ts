import { API } from '@frontdesk/shared';
import { describe, expect, it, vi } from 'vitest';
import { SHOP_FAQS, SHOP_OVERLAPS } from '../testing/faq-fixtures.ts';
import { recordHttp } from '../testing/http.ts';
import { createFaqApi } from './api.ts';

describe('faq api', () => {
  it('lists entries with their overlaps', async () => {
    const { http, call } = recordHttp({ faqs: SHOP_FAQS, overlaps: SHOP_OVERLAPS });
    expect(await createFaqApi(http).listFaqs('s 1')).toEqual({
      ok: true,
      data: { faqs: SHOP_FAQS, overlaps: SHOP_OVERLAPS },
    });
    expect(call()).toEqual({ path: API.faqs('s 1'), method: 'GET', body: undefined });
  });

  it('refuses entries of the wrong shape', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = createFaqApi(recordHttp({ faqs: [{ id: 'a' }], overlaps: [] }).http);
    expect(await api.listFaqs('s1')).toMatchObject({ ok: false, error: { code: 'internal' } });
    warn.mockRestore();
  });

  it('PUTs an entry and DELETEs one without a body', async () => {
    const entry = SHOP_FAQS[0]!;
    const { id, updatedAt: _at, ...input } = entry;
    const put = recordHttp({ faq: entry });
    expect(await createFaqApi(put.http).saveFaq('s1', id, input)).toEqual({ ok: true, data: entry });
    expect(put.call()).toEqual({ path: API.faq('s1', id), method: 'PUT', body: input });
    const del = recordHttp({ ok: true });
    expect(await createFaqApi(del.http).deleteFaq('s1', id)).toEqual({ ok: true, data: null });
    expect(del.call()).toEqual({ path: API.faq('s1', id), method: 'DELETE', body: undefined });
  });

  it('sends try with the language only when chosen', async () => {
    const reply = { outcome: 'miss', intent: null, lang: 'pl', matches: [] };
    const { http, call } = recordHttp(reply);
    const api = createFaqApi(http);
    expect(await api.tryQuestion('s1', 'hej', null)).toEqual({ ok: true, data: reply });
    await api.tryQuestion('s1', 'hej', 'pl');
    expect(call(0)).toEqual({ path: API.faqTry('s1'), method: 'POST', body: { text: 'hej' } });
    expect(call(1).body).toEqual({ text: 'hej', lang: 'pl' });
  });
});
