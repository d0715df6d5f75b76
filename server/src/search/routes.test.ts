/**
 * Issue 14 over a real server: search (ranked, highlighted as parts — R4), filters and cursor pages,
 * tags with suggestions, saved views per agent; another site's agent sees none of it (A2).
 */
import { type SavedView, SEARCH_API, type SearchPage } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHttp, otherSiteAgent, visitorChat } from '../testing/console-http.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

let h: Harness;
let agent: string;
let colleague: string;
let stranger: string;
let otherSiteId: string;

const login = (email: string) => consoleHttp(h).login(email);
const api = (cookie: string, method: string, path: string, body?: unknown) =>
  consoleHttp(h).api(cookie, method, path, body);
const search = async (cookie: string, params: Record<string, string>) => {
  const res = await api(cookie, 'GET', `${SEARCH_API.search}?${new URLSearchParams(params)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as SearchPage;
};

const chat = async (...bodies: string[]) => (await visitorChat(h, ...bodies)).conversationId;

let refund: string;
let markup: string;

beforeAll(async () => {
  h = await startHarness();
  agent = await login((await h.createAgent('Searcher')).email);
  colleague = await login((await h.createAgent('Colleague')).email);
  ({ siteId: otherSiteId, cookie: stranger } = await otherSiteAgent(h, 's'));
  refund = await chat('Dzień dobry', 'Czekam na zwrotu za żółty płaszcz');
  markup = await chat('<img src=x onerror=alert(1)> parcel');
});
afterAll(async () => {
  await h.close();
});

describe('search over HTTP', () => {
  it('finds a Polish inflection without diacritics and highlights it as text parts', async () => {
    const page = await search(agent, { q: 'zwrot zolty' });
    expect(page.terms).toEqual(['zwrot', 'zolty']);
    expect(page.hits.map((hit) => hit.conversation.id)).toEqual([refund]);
    const snippet = page.hits[0]?.match?.snippet ?? [];
    expect(snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['zwrotu', 'żółty']);
  });

  it('R4 a message that looks like markup comes back as plain text parts', async () => {
    const page = await search(agent, { q: 'parcel' });
    expect(page.hits.map((hit) => hit.conversation.id)).toEqual([markup]);
    expect(page.hits[0]?.match?.snippet.map((p) => p.text).join('')).toBe(
      '<img src=x onerror=alert(1)> parcel',
    );
  });

  it('A2 another site’s agent finds nothing, and cannot read or tag these conversations', async () => {
    expect((await search(stranger, { q: 'zwrot' })).hits).toEqual([]);
    expect((await search(stranger, {})).hits).toEqual([]);
    expect((await search(agent, { q: 'zwrot', site: otherSiteId })).hits).toEqual([]);
    expect((await api(stranger, 'GET', SEARCH_API.conversationTags(refund))).status).toBe(404);
    expect((await api(stranger, 'POST', SEARCH_API.conversationTags(refund), { tag: 'x' })).status).toBe(404);
    expect((await api(stranger, 'GET', SEARCH_API.siteTags(h.site.id))).status).toBe(404);
  });

  it('tags: normalised, suggested from the site, filterable, removable; bad tags refused', async () => {
    const added = await api(agent, 'POST', SEARCH_API.conversationTags(refund), { tag: '  VIP  Client ' });
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ tags: ['vip client'] });
    expect((await api(agent, 'POST', SEARCH_API.conversationTags(refund), { tag: '<b>' })).status).toBe(400);
    const suggested = await api(agent, 'GET', `${SEARCH_API.siteTags(h.site.id)}?prefix=VI`);
    expect(await suggested.json()).toEqual({ tags: ['vip client'] });
    expect((await search(agent, { tag: 'vip client' })).hits.map((hit) => hit.conversation.id)).toEqual([
      refund,
    ]);
    expect((await search(agent, { q: 'parcel', tag: 'vip client' })).hits).toEqual([]);
    const removed = await api(agent, 'DELETE', `${SEARCH_API.conversationTags(refund)}?tag=vip%20client`);
    expect(await removed.json()).toEqual({ tags: [] });
  });

  it('pages by cursor without repeats; a forged cursor or bad filter is a 400', async () => {
    const first = await search(agent, { limit: '1' });
    expect(first.hits).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = await search(agent, { limit: '1', cursor: first.nextCursor ?? '' });
    expect(second.hits[0]?.conversation.id).not.toBe(first.hits[0]?.conversation.id);
    for (const bad of ['cursor=bm90IGEgY3Vyc29y', 'rating=9', 'from=2026-02-30', 'state=lost', 'limit=500']) {
      expect((await api(agent, 'GET', `${SEARCH_API.search}?${bad}`)).status, bad).toBe(400);
    }
  });

  it('saved views belong to one agent: listed by name, deleted only by them', async () => {
    const created = await api(agent, 'POST', SEARCH_API.views, {
      name: 'Zwroty',
      filters: { q: 'zwrot', state: 'queued', rating: 5 },
    });
    expect(created.status).toBe(201);
    const view = (await created.json()) as SavedView;
    expect(view.filters).toEqual({ q: 'zwrot', state: 'queued', rating: 5 });
    expect((await api(agent, 'POST', SEARCH_API.views, { name: '', filters: {} })).status).toBe(400);
    expect((await api(agent, 'POST', SEARCH_API.views, { name: 'x', filters: { evil: 1 } })).status).toBe(
      400,
    );
    const listed = (await (await api(agent, 'GET', SEARCH_API.views)).json()) as { views: SavedView[] };
    expect(listed.views.map((v) => v.name)).toEqual(['Zwroty']);
    expect(
      ((await (await api(colleague, 'GET', SEARCH_API.views)).json()) as { views: SavedView[] }).views,
    ).toEqual([]);
    expect((await api(colleague, 'DELETE', SEARCH_API.view(view.id))).status).toBe(404);
    expect((await api(agent, 'DELETE', SEARCH_API.view(view.id))).status).toBe(200);
  });

  it('needs a signed-in agent', async () => {
    expect((await api('', 'GET', SEARCH_API.search)).status).toBe(401);
  });
});
