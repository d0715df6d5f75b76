/**
 * Issue 14 (find things): the storage contract's cases for conversation search, tags and saved views,
 * on every engine — ranking, Polish diacritics and inflection, filters, cursor paging under inserts,
 * and another site's rows never returned (A2).
 */
import type { ConversationState } from '@frontdesk/shared';
import { searchTerms } from '@frontdesk/shared';
import { expect, it } from 'vitest';
import type { ConversationFilters, ConversationSearchQuery, SearchCursor } from '../search/store.ts';
import { openWithSite } from './contract-seed.ts';
import type { Storage } from './types.ts';

export function searchContract(open: () => Promise<Storage>) {
  async function seed() {
    const { storage, site: shop, newSite, agent, conversation: newConversation } = await openWithSite(open);
    const conversation = async (siteId = shop.id, ...bodies: string[]) => {
      const c = await newConversation(siteId, 'pl');
      for (const body of bodies) await say(c.id, body);
      return c;
    };
    const say = (conversationId: string, body: string, kind: 'text' | 'note' | 'event' = 'text') =>
      storage.appendMessage({
        conversationId,
        clientId: null,
        author: kind === 'note' ? 'agent' : kind === 'event' ? 'system' : 'visitor',
        authorName: null,
        agentId: null,
        kind,
        body,
        meta: null,
      });
    const search = (
      text: string,
      extra: Partial<Omit<ConversationSearchQuery, 'terms'>> & { filters?: ConversationFilters } = {},
    ) =>
      storage.searchConversations({
        siteIds: [shop.id],
        terms: searchTerms(text),
        filters: {},
        cursor: null,
        limit: 20,
        ...extra,
      });
    const ids = async (text: string, filters: ConversationFilters = {}) =>
      (await search(text, { filters })).hits.map((h) => h.conversation.id);
    return { storage, shop, site: newSite, agent, conversation, say, search, ids };
  }

  it('search: Polish inflection and diacritics — "zwrot" finds "zwrotu", "zolty" finds "żółty", "lodz" finds "Łódź"', async () => {
    const { conversation, ids } = await seed();
    const refund = await conversation(undefined, 'Poproszę o zwrotu pieniędzy');
    const yellow = await conversation(undefined, 'Czy macie żółty płaszcz w Łodzi?');
    await conversation(undefined, 'Nothing to see here');
    expect(await ids('zwrot')).toEqual([refund.id]);
    expect(await ids('zolty')).toEqual([yellow.id]);
    expect(await ids('ZÓŁTY')).toEqual([yellow.id]);
    expect(await ids('lodz plaszcz')).toEqual([yellow.id]);
    expect(await ids('zwrot plaszcz')).toEqual([]);
  });

  it('search: ranked best first, one result per conversation with its best message; notes searched, events not', async () => {
    const { conversation, say, search } = await seed();
    const weak = await conversation(
      undefined,
      'I wrote about the weather, the shipping, my address, the colour of the box and, in passing, a refund',
    );
    const strong = await conversation(undefined, 'Refund please', 'refund refund refund');
    const noted = await conversation(undefined, 'Hello');
    await say(noted.id, 'Customer wants a refund, check the order', 'note');
    const evented = await conversation(undefined, 'Hi');
    await say(evented.id, 'refund', 'event');
    const page = await search('refund');
    const found = page.hits.map((h) => h.conversation.id);
    expect(found[0]).toBe(strong.id);
    expect(found).toContain(weak.id);
    expect(found).toContain(noted.id);
    expect(found).not.toContain(evented.id);
    expect(found.indexOf(strong.id)).toBeLessThan(found.indexOf(weak.id));
    expect(page.hits[0]?.match?.body).toBe('refund refund refund');
    expect(page.hits.find((h) => h.conversation.id === noted.id)?.match?.kind).toBe('note');
    expect(page.hits).toHaveLength(3);
  });

  it('A2 search and list never return another site’s conversations, even when asked for no site', async () => {
    const { conversation, site, search, storage } = await seed();
    const other = await site();
    const mine = await conversation(undefined, 'secret refund');
    await conversation(other.id, 'secret refund elsewhere');
    expect((await search('secret')).hits.map((h) => h.conversation.id)).toEqual([mine.id]);
    expect((await search('')).hits.map((h) => h.conversation.id)).toEqual([mine.id]);
    expect((await search('secret', { siteIds: [] })).hits).toEqual([]);
    await storage.addConversationTag({ conversationId: mine.id, siteId: mine.siteId, tag: 'vip' });
    expect(await storage.siteConversationTags(other.id, '', 10)).toEqual([]);
  });

  it('filters: state, agent (or none), tag, rating and creation date, with and without text', async () => {
    const { conversation, storage, ids, shop } = await seed();
    const agent = await storage.createAgent({
      email: `f-${Math.random()}@example.com`,
      name: 'Filter',
      role: 'agent',
      passwordHash: 'x',
      siteIds: [shop.id],
    });
    const a = await conversation(undefined, 'order delayed');
    const b = await conversation(undefined, 'order broken');
    const c = await conversation(undefined, 'order lost');
    const set = async (
      id: string,
      patch: { state?: ConversationState; agentId?: string; rating?: number },
    ) => {
      const current = await storage.getConversation(id);
      await storage.updateConversation(id, current?.version ?? 0, patch, null);
    };
    await set(a.id, { state: 'assigned', agentId: agent.id });
    await set(b.id, { state: 'resolved', rating: 5 });
    await storage.addConversationTag({ conversationId: c.id, siteId: shop.id, tag: 'vip' });
    for (const text of ['', 'order']) {
      expect(await ids(text, { state: 'assigned' })).toEqual([a.id]);
      expect(await ids(text, { agentId: agent.id })).toEqual([a.id]);
      expect((await ids(text, { agentId: 'none' })).sort()).toEqual([b.id, c.id].sort());
      expect(await ids(text, { rating: 5 })).toEqual([b.id]);
      expect(await ids(text, { tag: 'vip' })).toEqual([c.id]);
      expect(await ids(text, { tag: 'vip', state: 'assigned' })).toEqual([]);
      const today = new Date().toISOString().slice(0, 10);
      expect(await ids(text, { createdFrom: `${today}T00:00:00.000Z` })).toHaveLength(3);
      expect(await ids(text, { createdBefore: `${today}T00:00:00.000Z` })).toEqual([]);
    }
  });

  it('filters: team — conversations waiting for the team or with one of its members, with and without text', async () => {
    const { conversation, storage, ids, shop } = await seed();
    const member = await storage.createAgent({
      email: `t-${Math.random()}@example.com`,
      name: 'Member',
      role: 'agent',
      passwordHash: 'x',
      siteIds: [shop.id],
    });
    const outsider = await storage.createAgent({
      email: `o-${Math.random()}@example.com`,
      name: 'Outsider',
      role: 'agent',
      passwordHash: 'x',
      siteIds: [shop.id],
    });
    const sales = await storage.createTeam({ siteId: shop.id, name: 'Sales', agentIds: [member.id] });
    const other = await storage.createTeam({ siteId: shop.id, name: 'Other', agentIds: [] });
    const waiting = await conversation(undefined, 'invoice question');
    const handled = await conversation(undefined, 'invoice again');
    const elsewhere = await conversation(undefined, 'invoice elsewhere');
    await conversation(undefined, 'invoice nobody');
    const patch = async (id: string, p: { teamId?: string; agentId?: string; state?: ConversationState }) => {
      const current = await storage.getConversation(id);
      await storage.updateConversation(id, current?.version ?? 0, p, null);
    };
    await patch(waiting.id, { state: 'queued', teamId: sales.id });
    await patch(handled.id, { state: 'assigned', agentId: member.id });
    await patch(elsewhere.id, { state: 'assigned', agentId: outsider.id });
    for (const text of ['', 'invoice']) {
      expect((await ids(text, { teamId: sales.id })).sort()).toEqual([waiting.id, handled.id].sort());
      expect(await ids(text, { teamId: sales.id, state: 'assigned' })).toEqual([handled.id]);
      expect(await ids(text, { teamId: other.id })).toEqual([]);
    }
  });

  it('list paging by cursor: newest first, stable under inserts (no repeats, no gaps, new rows not mixed in)', async () => {
    const { conversation, search } = await seed();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await conversation(undefined, `message ${i}`)).id);
    const seen: string[] = [];
    let cursor: SearchCursor | null = null;
    let pages = 0;
    do {
      const page = await search('', { cursor, limit: 3 });
      seen.push(...page.hits.map((h) => h.conversation.id));
      cursor = page.next;
      if (pages++ === 0) for (let i = 0; i < 2; i++) await conversation(undefined, 'newer');
    } while (cursor);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...made].sort());
    expect(new Set(seen).size).toBe(7);
  });

  it('ranked paging by cursor: every match once, in rank order, messages written meanwhile left out', async () => {
    const { conversation, say, search } = await seed();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await conversation(undefined, 'parcel missing')).id);
    const seen: string[] = [];
    let cursor: SearchCursor | null = null;
    let first = true;
    do {
      const page = await search('parcel', { cursor, limit: 2 });
      seen.push(...page.hits.map((h) => h.conversation.id));
      cursor = page.next;
      if (first) {
        first = false;
        const late = await conversation(undefined);
        // The late message must be written after the frozen `asOf`: wait for the clock to pass it.
        const asOf = page.next?.kind === 'ranked' ? page.next.asOf : '';
        while (new Date().toISOString() <= asOf) await new Promise((r) => setTimeout(r, 1));
        await say(late.id, 'parcel parcel parcel');
      }
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...made].sort());
  });

  it('search: ranking is bounded to the matching messages of the newest conversations; both plans give the same results', async () => {
    const { conversation, say, search, storage } = await seed();
    const made: Awaited<ReturnType<typeof conversation>>[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await conversation(undefined, `parcel number ${i}`);
      if (i % 2 === 0) await say(c.id, 'parcel parcel again');
      await say(c.id, 'nothing here');
      made.push(c);
    }
    await conversation(undefined, 'no match at all');
    // The rule, in plain code: matching messages newest conversation first (creation time, then id),
    // then in their order — the first `cap` of them are ranked.
    const newest = [...made].sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    );
    const matching = newest.flatMap((c) => (made.indexOf(c) % 2 === 0 ? [c.id, c.id] : [c.id]));
    const ids = (page: Awaited<ReturnType<typeof search>>) => page.hits.map((h) => h.conversation.id);
    for (const cap of [1, 2, 3, 4, 5, 100]) {
      const expected = new Set(matching.slice(0, cap));
      const byIndex = await search('parcel', { candidatesMax: cap, plan: 'index' });
      const byWalk = await search('parcel', { candidatesMax: cap, plan: 'walk' });
      expect(new Set(ids(byIndex))).toEqual(expected);
      expect(ids(byWalk)).toEqual(ids(byIndex));
      expect(byWalk.hits.map((h) => h.match?.messageId)).toEqual(byIndex.hits.map((h) => h.match?.messageId));
    }
    // Filters are applied before the cap: the newest matches that pass them are ranked.
    const tagged = newest.slice(2);
    for (const c of tagged)
      await storage.addConversationTag({ conversationId: c.id, siteId: c.siteId, tag: 'old' });
    const filtered = { filters: { tag: 'old' }, candidatesMax: 1 };
    const oldOnes = await search('parcel', { ...filtered, plan: 'index' });
    expect(ids(oldOnes)).toEqual([tagged[0]?.id]);
    expect(ids(await search('parcel', { ...filtered, plan: 'walk' }))).toEqual(ids(oldOnes));
    // Unbounded, a conversation with the word twice ranks above one with it once.
    const all = ids(await search('parcel', { plan: 'walk' }));
    expect(all).toHaveLength(6);
    expect(made.filter((_, i) => i % 2 === 0).map((c) => c.id)).toContain(all[0]);
    expect(ids(await search('parcel'))).toEqual(all);
  });

  it('the index follows messages: a deleted history is gone from search', async () => {
    const { conversation, storage, ids } = await seed();
    const c = await conversation(undefined, 'ephemeral words');
    const kept = await conversation(undefined, 'ephemeral too');
    expect((await ids('ephemeral')).sort()).toEqual([c.id, kept.id].sort());
    await storage.deleteContactHistory(c.visitorId);
    expect(await ids('ephemeral')).toEqual([kept.id]);
  });

  it('tags: added once, removed, suggested by prefix from the site, most used first', async () => {
    const { conversation, storage, shop } = await seed();
    const a = await conversation();
    const b = await conversation();
    expect(await storage.addConversationTag({ conversationId: a.id, siteId: shop.id, tag: 'refund' })).toBe(
      true,
    );
    expect(await storage.addConversationTag({ conversationId: a.id, siteId: shop.id, tag: 'refund' })).toBe(
      false,
    );
    await storage.addConversationTag({ conversationId: b.id, siteId: shop.id, tag: 'refund' });
    await storage.addConversationTag({ conversationId: a.id, siteId: shop.id, tag: 'returns_50%' });
    await storage.addConversationTag({ conversationId: a.id, siteId: shop.id, tag: 'vip' });
    expect(await storage.conversationTags(a.id)).toEqual(['refund', 'returns_50%', 'vip']);
    expect(await storage.siteConversationTags(shop.id, 're', 10)).toEqual(['refund', 'returns_50%']);
    expect(await storage.siteConversationTags(shop.id, 'returns_', 10)).toEqual(['returns_50%']);
    expect(await storage.siteConversationTags(shop.id, 'ret%', 10)).toEqual([]);
    expect(await storage.removeConversationTag(a.id, 'vip')).toBe(true);
    expect(await storage.removeConversationTag(a.id, 'vip')).toBe(false);
    expect(await storage.conversationTags(a.id)).toEqual(['refund', 'returns_50%']);
  });

  it('saved views: per agent, by name, deleted only by their owner', async () => {
    const { storage, agent } = await seed();
    const anna = await agent('anna');
    const ben = await agent('ben');
    const first = await storage.createSavedView({ agentId: anna.id, name: 'VIP', query: '{"tag":"vip"}' });
    await storage.createSavedView({ agentId: anna.id, name: 'Refunds', query: '{"q":"refund"}' });
    await storage.createSavedView({ agentId: ben.id, name: 'Mine', query: '{}' });
    expect((await storage.listSavedViews(anna.id)).map((v) => v.name)).toEqual(['Refunds', 'VIP']);
    expect(await storage.deleteSavedView(ben.id, first.id)).toBe(false);
    expect(await storage.deleteSavedView(anna.id, first.id)).toBe(true);
    expect((await storage.listSavedViews(anna.id)).map((v) => v.name)).toEqual(['Refunds']);
    expect((await storage.listSavedViews(ben.id)).map((v) => v.query)).toEqual(['{}']);
  });
}
