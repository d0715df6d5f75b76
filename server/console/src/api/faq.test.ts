import { API } from '@frontdesk/shared';
import { describe, expect, it, vi } from 'vitest';
import { createHttpApi } from './index.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function recorder(reply: unknown, status = 200) {
  const fetchImpl = vi.fn(async (_path: string, _init?: RequestInit) => json(status, reply));
  const call = (i = 0) => {
    const [path, init = {}] = fetchImpl.mock.calls[i]!;
    return { path, method: init.method, body: init.body ? JSON.parse(init.body as string) : undefined };
  };
  return { api: createHttpApi(fetchImpl), call };
}

describe('faq http api', () => {
  it('lists entries with their overlaps', async () => {
    const { api, call } = recorder({ faqs: [{ id: 'a' }], overlaps: [] });
    expect(await api.listFaqs('s 1')).toEqual({ ok: true, data: { faqs: [{ id: 'a' }], overlaps: [] } });
    expect(call()).toEqual({ path: API.faqs('s 1'), method: 'GET', body: undefined });
  });

  it('PUTs an entry and DELETEs one without a body', async () => {
    const input = { lang: 'en' as const, question: 'Q', examples: ['e'], answer: 'A', tags: [] };
    const put = recorder({ faq: { id: 'q', ...input, updatedAt: 'now' } });
    expect(await put.api.saveFaq('s1', 'q', input)).toMatchObject({ ok: true, data: { id: 'q' } });
    expect(put.call()).toEqual({ path: API.faq('s1', 'q'), method: 'PUT', body: input });
    const del = recorder({ ok: true });
    expect(await del.api.deleteFaq('s1', 'q')).toEqual({ ok: true, data: null });
    expect(del.call()).toEqual({ path: API.faq('s1', 'q'), method: 'DELETE', body: undefined });
  });

  it('sends try with the language only when chosen', async () => {
    const reply = { outcome: 'miss', intent: null, lang: 'pl', matches: [] };
    const { api, call } = recorder(reply);
    expect(await api.tryQuestion('s1', 'hej', null)).toEqual({ ok: true, data: reply });
    await api.tryQuestion('s1', 'hej', 'pl');
    expect(call(0)).toEqual({ path: API.faqTry('s1'), method: 'POST', body: { text: 'hej' } });
    expect(call(1).body).toEqual({ text: 'hej', lang: 'pl' });
  });

  it('lists and dismisses unanswered groups', async () => {
    const list = recorder({ groups: [] });
    expect(await list.api.listUnanswered('s1')).toEqual({ ok: true, data: [] });
    expect(list.call().path).toBe(API.unanswered('s1'));
    const dismiss = recorder({ ok: true });
    await dismiss.api.dismissUnanswered('s1', ['m1'], 'faq-1');
    await dismiss.api.dismissUnanswered('s1', ['m2'], null);
    expect(dismiss.call(0)).toEqual({
      path: API.unansweredDismiss('s1'),
      method: 'POST',
      body: { messageIds: ['m1'], faqId: 'faq-1' },
    });
    expect(dismiss.call(1).body).toEqual({ messageIds: ['m2'] });
  });

  it('reads and writes bot settings, and passes forbidden through', async () => {
    const settings = { botMissesBeforeHandoff: 2, escalationPhrases: [], answerThreshold: null };
    const { api, call } = recorder(settings);
    expect(await api.getBotSettings('s1')).toEqual({ ok: true, data: settings });
    await api.saveBotSettings('s1', settings);
    expect(call(1)).toEqual({ path: API.botSettings('s1'), method: 'PUT', body: settings });
    const denied = recorder({ ok: false, error: { code: 'forbidden', message: 'admins only' } }, 403);
    expect(await denied.api.saveBotSettings('s1', settings)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
