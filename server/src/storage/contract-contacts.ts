/** Issue 12 (contacts): the storage contract's cases for the contact queries, run on every engine. */
import { expect, it } from 'vitest';
import { openWithSite } from './contract-seed.ts';
import type { Storage } from './types.ts';

export function contactsContract(open: () => Promise<Storage>) {
  const seed = () => openWithSite(open);

  it('contacts: search by name/e-mail (LIKE characters literal), attribute, tag; last seen first; keyset pages', async () => {
    const { storage, site, visitor } = await seed();
    const people = [];
    for (let i = 0; i < 7; i++) {
      const v = await visitor();
      await storage.updateContactFields(v.id, { name: `Ann ${i}`, email: `ann${i}@example.com` });
      people.push(v);
    }
    const odd = await visitor();
    await storage.updateContactFields(odd.id, { name: '100%_off' });
    const polish = await visitor();
    await storage.updateContactFields(polish.id, { name: 'Łukasz Żółć' });
    await storage.setAttributes(people[2]!.id, [{ key: 'plan', type: 'string', value: 'Pro' }]);
    await storage.addTags(site.id, people[3]!.id, ['vip', 'lead']);
    await storage.addTags(site.id, people[3]!.id, ['vip']);
    const all = await storage.listContacts({ siteId: site.id, limit: 100 });
    expect(all).toHaveLength(9);
    expect(
      (await storage.listContacts({ siteId: site.id, text: 'łukasz żółć', limit: 10 })).map((c) => c.id),
    ).toEqual([polish.id]);
    const seen = all.map((c) => c.lastSeenAt);
    expect([...seen].sort().reverse()).toEqual(seen);
    expect(
      (await storage.listContacts({ siteId: site.id, text: 'ann3@', limit: 10 })).map((c) => c.id),
    ).toEqual([people[3]!.id]);
    expect((await storage.listContacts({ siteId: site.id, text: '%', limit: 10 })).map((c) => c.id)).toEqual([
      odd.id,
    ]);
    expect((await storage.listContacts({ siteId: site.id, text: '_', limit: 10 })).map((c) => c.id)).toEqual([
      odd.id,
    ]);
    expect(
      (
        await storage.listContacts({ siteId: site.id, attribute: { key: 'plan', text: 'pro' }, limit: 10 })
      ).map((c) => c.id),
    ).toEqual([people[2]!.id]);
    const tagged = await storage.listContacts({ siteId: site.id, tag: 'vip', limit: 10 });
    expect(tagged.map((c) => [c.id, c.tags])).toEqual([[people[3]!.id, ['lead', 'vip']]]);
    // Pages of 3 cover everyone once, in order.
    const paged: string[] = [];
    let after: { lastSeenAt: string; id: string } | undefined;
    for (;;) {
      const page = await storage.listContacts({ siteId: site.id, limit: 3, ...(after && { after }) });
      paged.push(...page.map((c) => c.id));
      const last = page.at(-1);
      if (page.length < 3 || !last) break;
      after = { lastSeenAt: last.lastSeenAt, id: last.id };
    }
    expect(paged).toEqual(all.map((c) => c.id));
    // A2: another site sees none of them.
    expect(await storage.getContact('other-site', people[0]!.id)).toBeNull();
    await storage.close();
  });

  it('contacts: created without a device (API), found by verified user id and by e-mail in any case', async () => {
    const { storage, site, visitor } = await seed();
    const at = '2026-03-01T10:00:00.000Z';
    const made = await storage.createContact(site.id, { identity: 'verified', userId: 'crm-42', at });
    expect(made).toMatchObject({
      siteId: site.id,
      identity: 'verified',
      userId: 'crm-42',
      name: null,
      email: null,
      createdAt: at,
      lastSeenAt: at,
      erasedAt: null,
    });
    expect(await storage.getContact(site.id, made.id)).toEqual(made);
    expect((await storage.findVerifiedContact(site.id, 'crm-42'))?.id).toBe(made.id);
    // Searchable by its user id from the start; its later fields too.
    expect(
      (await storage.listContacts({ siteId: site.id, text: 'crm-42', limit: 5 })).map((c) => c.id),
    ).toEqual([made.id]);
    await storage.updateContactFields(made.id, { email: 'Ada.Lovelace@Example.com' });
    const device = await visitor();
    await storage.updateContactFields(device.id, { email: 'ada.lovelace@example.com' });
    const found = await storage.findContactsByEmail(site.id, 'ADA.LOVELACE@example.COM');
    expect(found.map((c) => c.id).sort()).toEqual([made.id, device.id].sort());
    expect(await storage.findContactsByEmail(site.id, 'ada@example.com')).toEqual([]);
    expect(await storage.findContactsByEmail('other-site', 'ada.lovelace@example.com')).toEqual([]);
    // An erased contact is found by neither.
    await storage.eraseContact(device.id, () => 'redacted', at);
    expect((await storage.findContactsByEmail(site.id, 'ada.lovelace@example.com')).map((c) => c.id)).toEqual(
      [made.id],
    );
    await storage.close();
  });

  it('contacts: search folds case and diacritics the same way on every engine (Łukasz, Żółć, Łódź)', async () => {
    const { storage, site, visitor } = await seed();
    const lukasz = await visitor();
    await storage.updateContactFields(lukasz.id, { name: 'Łukasz Żółć', email: 'LUKASZ@Example.PL' });
    const zofia = await visitor();
    await storage.updateContactFields(zofia.id, { name: 'ZOFIA ŚLĄSKA' });
    await storage.setAttributes(zofia.id, [{ key: 'city', type: 'string', value: 'Łódź' }]);
    const ann = await visitor();
    await storage.updateContactFields(ann.id, { name: 'Ann Lodz' });
    const found = async (text: string) =>
      (await storage.listContacts({ siteId: site.id, text, limit: 10 })).map((c) => c.id).sort();
    for (const text of [
      'łukasz',
      'ŁUKASZ',
      'lukasz',
      'Lukasz ZOLC',
      'żółć',
      'ŻÓŁĆ',
      'zolc',
      'lukasz@example.pl',
    ])
      expect(await found(text), text).toEqual([lukasz.id]);
    for (const text of ['śląska', 'slaska', 'ŚLĄSKA', 'zofia s'])
      expect(await found(text), text).toEqual([zofia.id]);
    const byCity = async (text: string) =>
      (await storage.listContacts({ siteId: site.id, attribute: { key: 'city', text }, limit: 10 })).map(
        (c) => c.id,
      );
    for (const text of ['łódź', 'ŁÓDŹ', 'lodz', 'Lódz']) expect(await byCity(text), text).toEqual([zofia.id]);
    // A name with the letters only, and the city's folded spelling in a name: both found by "lodz".
    expect(await found('lodz')).toEqual([ann.id]);
  });

  it('contacts: attribute search reads the site’s values of one key — few matches, many, none, after a merge', async () => {
    const { storage, site, visitor, newSite } = await seed();
    const otherSite = await newSite('Other shop');
    // 1,050 contacts share a plan (more than are fetched by id), 3 live in Łódź.
    await storage.importContacts(
      site.id,
      Array.from({ length: 1050 }, (_, i) => ({
        name: `Bulk ${i}`,
        email: null,
        phone: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        lastSeenAt: `2026-01-0${1 + (i % 9)}T00:00:00.000Z`,
        tags: [],
        attributes: [
          { key: 'plan', type: 'string' as const, value: 'Pro' },
          ...(i < 3 ? [{ key: 'city', type: 'string' as const, value: 'Łódź' }] : []),
        ],
      })),
    );
    // The same key and value on another site is never found from this one (A2).
    const stranger = await storage.createVisitor({ siteId: otherSite.id, tokenHash: `h-${Math.random()}` });
    await storage.setAttributes(stranger.id, [{ key: 'city', type: 'string', value: 'Łódź' }]);
    const byAttribute = (key: string, text: string, limit = 50) =>
      storage.listContacts({ siteId: site.id, attribute: { key, text }, limit });
    const lodz = await byAttribute('city', 'LODZ');
    expect(lodz.map((c) => c.name).sort()).toEqual(['Bulk 0', 'Bulk 1', 'Bulk 2']);
    const seen = lodz.map((c) => c.lastSeenAt);
    expect([...seen].sort().reverse()).toEqual(seen);
    const pro = await byAttribute('plan', 'pro', 60);
    expect(pro).toHaveLength(60);
    expect(pro.map((c) => c.lastSeenAt)).toEqual(
      pro
        .map((c) => c.lastSeenAt)
        .sort()
        .reverse(),
    );
    expect(await byAttribute('plan', 'gold')).toEqual([]);
    expect(await byAttribute('nokey', 'pro')).toEqual([]);
    // Many matches and a keyset page after them: no repeats.
    const last = pro.at(-1);
    const next = await storage.listContacts({
      siteId: site.id,
      attribute: { key: 'plan', text: 'pro' },
      limit: 5,
      ...(last && { after: { lastSeenAt: last.lastSeenAt, id: last.id } }),
    });
    expect(next).toHaveLength(5);
    expect(next.some((c) => pro.some((p) => p.id === c.id))).toBe(false);
    // Written by an agent, then moved by a merge: found on the customer's record only.
    const device = await visitor();
    const customer = await visitor();
    await storage.setAttributes(device.id, [{ key: 'city', type: 'string', value: 'Kraków' }]);
    expect((await byAttribute('city', 'krakow')).map((c) => c.id)).toEqual([device.id]);
    await storage.mergeContacts(site.id, device.id, customer.id);
    expect((await byAttribute('city', 'krakow')).map((c) => c.id)).toEqual([customer.id]);
    await storage.removeAttributes(customer.id, ['city']);
    expect(await byAttribute('city', 'krakow')).toEqual([]);
    // A value that folds into more than an index entry may hold is stored and found (PostgreSQL).
    await storage.setAttributes(customer.id, [{ key: 'motto', type: 'string', value: '\uFDFA'.repeat(500) }]);
    expect((await byAttribute('motto', '\uFDFA')).map((c) => c.id)).toEqual([customer.id]);
    expect(
      (
        await storage.listContacts({
          siteId: otherSite.id,
          attribute: { key: 'city', text: 'lodz' },
          limit: 5,
        })
      ).map((c) => c.id),
    ).toEqual([stranger.id]);
    await storage.close();
  });

  it('contacts: a bulk import is listed, searched and filtered like any contact', async () => {
    const { storage, site } = await seed();
    await storage.importContacts(
      site.id,
      Array.from({ length: 450 }, (_, i) => ({
        name: `Imported ${i}`,
        email: `imported${i}@example.com`,
        phone: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        lastSeenAt: `2026-01-01T00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`,
        tags: i % 3 === 0 ? ['vip'] : [],
        attributes: [{ key: 'order', type: 'number' as const, value: i }],
      })),
    );
    const first = await storage.listContacts({ siteId: site.id, limit: 2 });
    expect(first.map((c) => c.name)).toEqual(['Imported 449', 'Imported 448']);
    expect(await storage.listContacts({ siteId: site.id, text: 'imported17@', limit: 5 })).toEqual([
      expect.objectContaining({ name: 'Imported 17', tags: [], conversationCount: 0, identity: 'anonymous' }),
    ]);
    expect(await storage.listContacts({ siteId: site.id, tag: 'vip', limit: 500 })).toHaveLength(150);
    expect(
      (
        await storage.listContacts({ siteId: site.id, attribute: { key: 'order', text: '449' }, limit: 5 })
      ).map((c) => c.name),
    ).toEqual(['Imported 449']);
    await storage.close();
  });

  it('contacts: the export lists the files of every conversation of the contact, with who sent them', async () => {
    const { storage, site, visitor } = await seed();
    const v = await visitor();
    const someoneElse = await visitor();
    const first = await storage.createConversation({ siteId: site.id, visitorId: v.id, locale: 'en' });
    const second = await storage.createConversation({ siteId: site.id, visitorId: v.id, locale: 'pl' });
    const foreign = await storage.createConversation({
      siteId: site.id,
      visitorId: someoneElse.id,
      locale: 'en',
    });
    const file = (id: string, conversationId: string, author: 'visitor' | 'agent') =>
      storage.insertAttachment({
        id,
        conversationId,
        siteId: site.id,
        author,
        name: `${id}.pdf`,
        mime: 'application/pdf',
        kind: 'file',
        size: 1234,
        width: null,
        height: null,
        fileKey: `attachments/${id}/file`,
        thumbKey: null,
      });
    const stamp = Math.random().toString(36).slice(2);
    await file(`a-${stamp}`, first.id, 'visitor');
    const fromAgent = await file(`b-${stamp}`, second.id, 'agent');
    await file(`c-${stamp}`, foreign.id, 'visitor');
    const sent = await storage.appendMessage({
      conversationId: second.id,
      clientId: null,
      author: 'agent',
      authorName: 'Bob',
      agentId: null,
      kind: 'attachment',
      body: fromAgent.name,
      meta: null,
    });
    if (sent.status !== 'stored') throw new Error(sent.status);
    await storage.linkAttachmentMessage(fromAgent.id, sent.message.id);
    const listed = await storage.listContactAttachments(v.id);
    expect(listed.map((a) => a.id).sort()).toEqual([`a-${stamp}`, `b-${stamp}`]);
    expect(listed.find((a) => a.id === `b-${stamp}`)).toEqual({
      id: `b-${stamp}`,
      conversationId: second.id,
      name: `b-${stamp}.pdf`,
      mime: 'application/pdf',
      size: 1234,
      author: 'agent',
      authorName: 'Bob',
      messageSeq: sent.message.seq,
      fileKey: `attachments/b-${stamp}/file`,
      createdAt: fromAgent.createdAt,
    });
    expect(listed.find((a) => a.id === `a-${stamp}`)).toMatchObject({
      conversationId: first.id,
      author: 'visitor',
      authorName: null,
      messageSeq: null,
    });
    expect(await storage.listContactAttachments(someoneElse.id)).toHaveLength(1);
    await storage.close();
  });

  it('contacts: typed attributes, tags, notes, a bounded page trail and a paged timeline round-trip', async () => {
    const { storage, site, visitor } = await seed();
    const v = await visitor();
    await storage.setAttributes(v.id, [
      { key: 'plan', type: 'string', value: 'pro' },
      { key: 'seats', type: 'number', value: 3.5 },
      { key: 'trial', type: 'boolean', value: false },
      { key: 'since', type: 'date', value: '2026-01-31' },
    ]);
    await storage.setAttributes(v.id, [{ key: 'seats', type: 'number', value: 4 }]);
    await storage.removeAttributes(v.id, ['trial']);
    expect(await storage.listAttributes(v.id)).toEqual([
      { key: 'plan', type: 'string', value: 'pro' },
      { key: 'seats', type: 'number', value: 4 },
      { key: 'since', type: 'date', value: '2026-01-31' },
    ]);
    await storage.addTags(site.id, v.id, ['a', 'b']);
    await storage.removeTags(v.id, ['a']);
    expect(await storage.listTags(v.id)).toEqual(['b']);
    const note = await storage.addNote(v.id, { body: '<b>hi</b>', authorId: null, authorName: 'Agent' });
    expect(await storage.listNotes(v.id)).toEqual([note]);
    for (let i = 0; i < 6; i++)
      await storage.appendTrail(
        v.id,
        { url: `https://shop.example/${i}`, title: `P${i}`, at: `2026-01-01T00:00:0${i}.000Z` },
        4,
      );
    expect((await storage.listTrail(v.id, 10)).map((p) => p.title)).toEqual(['P5', 'P4', 'P3', 'P2']);
    const at = (s: number) => `2026-01-01T00:00:${String(s).padStart(2, '0')}.000Z`;
    await storage.addTimeline(
      site.id,
      v.id,
      [1, 2, 3].map((s) => ({
        at: at(s),
        actor: { type: 'system' as const },
        change: { kind: 'tag_added' as const, tag: `t${s}` },
      })),
    );
    const first = await storage.listTimeline(v.id, null, 2);
    expect(first.map((e) => e.change)).toEqual([
      { kind: 'tag_added', tag: 't3' },
      { kind: 'tag_added', tag: 't2' },
    ]);
    const rest = await storage.listTimeline(v.id, { at: first[1]!.at, id: first[1]!.id }, 2);
    expect(rest.map((e) => e.change)).toEqual([{ kind: 'tag_added', tag: 't1' }]);
    await storage.close();
  });

  it('A5 merge: conversations moved, nothing lost, the device token opens the customer; recorded', async () => {
    const { storage, site, visitor } = await seed();
    const customer = await visitor('customer-token');
    await storage.updateContactFields(customer.id, { identity: 'verified', userId: 'u-1', name: 'Ada' });
    const device = await visitor('device-token');
    await storage.updateContactFields(device.id, { email: 'ada@example.com' });
    await storage.setAttributes(customer.id, [{ key: 'plan', type: 'string', value: 'pro' }]);
    await storage.setAttributes(device.id, [
      { key: 'plan', type: 'string', value: 'free' },
      { key: 'cart', type: 'number', value: 2 },
    ]);
    await storage.addTags(site.id, device.id, ['new']);
    await storage.appendTrail(
      device.id,
      { url: 'https://shop.example/', title: 'Home', at: '2026-01-01T00:00:00.000Z' },
      50,
    );
    const older = await storage.createConversation({ siteId: site.id, visitorId: customer.id, locale: 'en' });
    const fresh = await storage.createConversation({ siteId: site.id, visitorId: device.id, locale: 'en' });
    expect(await storage.findVerifiedContact(site.id, 'u-1')).toMatchObject({ id: customer.id });
    expect(await storage.findVerifiedContact(site.id, 'u-2')).toBeNull();

    expect(await storage.mergeContacts(site.id, device.id, customer.id)).toEqual({ conversations: 1 });
    expect((await storage.listContactConversations(customer.id)).map((c) => c.id).sort()).toEqual(
      [older.id, fresh.id].sort(),
    );
    expect(await storage.listAttributes(customer.id)).toEqual([
      { key: 'cart', type: 'number', value: 2 },
      { key: 'plan', type: 'string', value: 'pro' },
    ]);
    expect(await storage.listTags(customer.id)).toEqual(['new']);
    expect(await storage.listTrail(customer.id, 10)).toHaveLength(1);
    expect(await storage.getContact(site.id, customer.id)).toMatchObject({
      name: 'Ada',
      email: 'ada@example.com',
    });
    expect(await storage.getContact(site.id, device.id)).toBeNull();
    expect((await storage.getVisitorByToken(site.id, 'device-token'))?.id).toBe(customer.id);
    expect((await storage.listContacts({ siteId: site.id, limit: 10 })).map((c) => c.id)).toEqual([
      customer.id,
    ]);

    // Logout on the device: its token is dead; the customer's own token still works.
    await storage.revokeVisitorToken(site.id, 'device-token');
    expect(await storage.getVisitorByToken(site.id, 'device-token')).toBeNull();
    expect((await storage.getVisitorByToken(site.id, 'customer-token'))?.id).toBe(customer.id);
    await storage.close();
  });

  it('privacy: delete history, erase (redacted, anonymised, tokens dead, audit kept), retention by last activity', async () => {
    const { storage, site, visitor } = await seed();
    const v = await visitor('erase-token');
    await storage.updateContactFields(v.id, {
      name: 'Eve',
      email: 'eve@example.com',
      identity: 'verified',
      userId: 'e',
    });
    await storage.setAttributes(v.id, [{ key: 'plan', type: 'string', value: 'pro' }]);
    await storage.addNote(v.id, { body: 'note', authorId: null, authorName: null });
    const c = await storage.createConversation({ siteId: site.id, visitorId: v.id, locale: 'en' });
    const msg = (body: string, author: 'visitor' | 'agent' = 'visitor') => ({
      conversationId: c.id,
      clientId: null,
      author,
      authorName: author === 'agent' ? 'Bob' : null,
      agentId: null,
      kind: 'text' as const,
      body,
      meta: null,
    });
    await storage.appendMessage(msg('my address is 1 Main St'));
    await storage.appendMessage(msg('thanks Eve', 'agent'));
    expect((await storage.listContactMessages(v.id)).map((m) => m.body)).toEqual([
      'my address is 1 Main St',
      'thanks Eve',
    ]);

    // A second conversation held in Polish: its notice is the Polish one.
    const pl = await storage.createConversation({ siteId: site.id, visitorId: v.id, locale: 'pl' });
    await storage.appendMessage({ ...msg('mój adres to Długa 1'), conversationId: pl.id });
    const notices: Record<string, string> = { en: 'REDACTED', pl: 'USUNIĘTO' };
    const erased = await storage.eraseContact(
      v.id,
      (locale) => notices[locale ?? ''] ?? 'REDACTED',
      '2026-02-01T00:00:00.000Z',
    );
    expect(erased).toEqual({ conversations: 2, messages: 3, files: [] });
    expect((await storage.listContactMessages(v.id)).map((m) => [m.conversationId, m.body]).sort()).toEqual(
      [
        [c.id, 'REDACTED'],
        [c.id, 'REDACTED'],
        [pl.id, 'USUNIĘTO'],
      ].sort(),
    );
    expect(await storage.getContact(site.id, v.id)).toMatchObject({
      name: null,
      email: null,
      userId: null,
      identity: 'anonymous',
      erasedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(await storage.listAttributes(v.id)).toEqual([]);
    expect(await storage.listNotes(v.id)).toEqual([]);
    expect(await storage.getVisitorByToken(site.id, 'erase-token')).toBeNull();
    expect(await storage.listContacts({ siteId: site.id, text: 'eve', limit: 10 })).toEqual([]);
    await storage.addPrivacyAudit({
      siteId: site.id,
      kind: 'erase',
      visitorId: v.id,
      agentId: null,
      conversations: 1,
      messages: 2,
      at: '2026-02-01T00:00:00.000Z',
    });
    expect(await storage.listPrivacyAudit(site.id, 10)).toEqual([
      expect.objectContaining({ kind: 'erase', visitorId: v.id, conversations: 1, messages: 2 }),
    ]);

    const w = await visitor();
    const mine = await storage.createConversation({ siteId: site.id, visitorId: w.id, locale: 'en' });
    await storage.appendMessage({ ...msg('hello'), conversationId: mine.id });
    // Issue 13: the attachment rows go too, and their file-store keys come back for the caller.
    await storage.insertAttachment({
      id: `att-${Math.random().toString(36).slice(2)}`,
      conversationId: mine.id,
      siteId: site.id,
      author: 'visitor',
      name: 'a.png',
      mime: 'image/png',
      kind: 'image',
      size: 10,
      width: 1,
      height: 1,
      fileKey: 'attachments/x/file',
      thumbKey: 'attachments/x/thumb',
    });
    expect(await storage.deleteContactHistory(w.id)).toEqual({
      conversations: 1,
      messages: 1,
      files: ['attachments/x/file', 'attachments/x/thumb'],
    });
    expect(await storage.listAttachments(mine.id)).toEqual([]);
    expect(await storage.getConversation(mine.id)).toBeNull();

    // Retention: only conversations without activity since the cutoff go, in batches.
    const x = await visitor();
    const old = await storage.createConversation({ siteId: site.id, visitorId: x.id, locale: 'en' });
    const cutoff = new Date(Date.now() + 60_000).toISOString();
    const future = new Date(Date.now() - 1).toISOString();
    expect(await storage.deleteConversationsBefore(site.id, future.slice(0, 4), 10)).toEqual({
      conversations: 0,
      messages: 0,
      files: [],
    });
    const removed = await storage.deleteConversationsBefore(site.id, cutoff, 1);
    expect(removed.conversations).toBe(1);
    // The rest: the erased contact's two conversations and this one, less the one already gone.
    const again = await storage.deleteConversationsBefore(site.id, cutoff, 10);
    expect(again.conversations).toBe(2);
    expect(await storage.getConversation(old.id)).toBeNull();
    expect(await storage.deleteConversationsBefore(site.id, cutoff, 10)).toEqual({
      conversations: 0,
      messages: 0,
      files: [],
    });
    await storage.close();
  });
}
