/** Issue 14: the storage contract's cases for canned responses and attention preferences, on every engine. */
import { DEFAULT_ATTENTION } from '@frontdesk/shared';
import { expect, it } from 'vitest';
import { openWithSite } from './contract-seed.ts';
import type { Storage } from './types.ts';

export function cannedContract(open: () => Promise<Storage>) {
  async function seed() {
    const { storage, site: shop, newSite: site, agent } = await openWithSite(open);
    return { storage, shop, site, agent };
  }

  it('canned responses: shared ones for every agent, personal ones only for their owner, per site', async () => {
    const { storage, shop, site, agent } = await seed();
    const other = await site('Other');
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    const shared = await storage.createCanned({
      siteId: shop.id,
      ownerId: null,
      scope: 'site',
      lang: 'pl',
      title: 'Zwrot towaru',
      shortcut: 'zwrot',
      body: 'Dzień dobry {{visitor.name|}}, żółty formularz…',
    });
    const mine = await storage.createCanned({
      siteId: shop.id,
      ownerId: anna.id,
      scope: 'personal',
      lang: 'en',
      title: 'My hello',
      shortcut: 'hi',
      body: 'Hi!',
    });
    // A shared response never keeps an owner, whatever is passed.
    const sharedWithOwner = await storage.createCanned({
      siteId: shop.id,
      ownerId: ben.id,
      scope: 'site',
      lang: 'en',
      title: 'Bye',
      shortcut: 'bye',
      body: 'Bye',
    });
    expect(sharedWithOwner.ownerId).toBeNull();
    await storage.createCanned({
      siteId: other.id,
      ownerId: null,
      scope: 'site',
      lang: 'en',
      title: 'X',
      shortcut: 'x',
      body: 'x',
    });

    const forAnna = await storage.listCanned(shop.id, anna.id);
    expect(forAnna.map((r) => r.shortcut)).toEqual(['bye', 'hi', 'zwrot']);
    expect(forAnna.find((r) => r.id === shared.id)).toEqual(shared);
    expect(shared.body).toBe('Dzień dobry {{visitor.name|}}, żółty formularz…');
    expect((await storage.listCanned(shop.id, ben.id)).map((r) => r.id).sort()).toEqual(
      [shared.id, sharedWithOwner.id].sort(),
    );
    // Issue 15: nobody's (an API token): the shared ones only.
    expect((await storage.listCanned(shop.id, null)).map((r) => r.shortcut)).toEqual(['bye', 'zwrot']);
    expect(await storage.countCanned(shop.id)).toBe(3);
    expect(await storage.countCanned(other.id)).toBe(1);

    // Another site's id finds nothing: not read, changed or deleted through this site.
    expect(await storage.getCanned(other.id, mine.id)).toBeNull();
    expect(
      await storage.updateCanned(other.id, mine.id, { lang: 'en', title: 'T', shortcut: 't', body: 'b' }),
    ).toBeNull();
    expect(await storage.deleteCanned(other.id, mine.id)).toBe(false);

    const updated = await storage.updateCanned(shop.id, mine.id, {
      lang: 'pl',
      title: 'Cześć',
      shortcut: 'czesc',
      body: 'Cześć!',
    });
    expect(updated).toMatchObject({
      id: mine.id,
      scope: 'personal',
      ownerId: anna.id,
      lang: 'pl',
      shortcut: 'czesc',
      body: 'Cześć!',
    });
    expect(await storage.getCanned(shop.id, mine.id)).toEqual(updated);
    expect(await storage.deleteCanned(shop.id, mine.id)).toBe(true);
    expect(await storage.deleteCanned(shop.id, mine.id)).toBe(false);
    expect(await storage.getCanned(shop.id, mine.id)).toBeNull();
    await storage.close();
  });

  it('attention preferences: none until saved, then as saved, one row per agent', async () => {
    const { storage, agent } = await seed();
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    expect(await storage.getAttention(anna.id)).toBeNull();
    await storage.setAttention(anna.id, { sound: false, desktop: true, title: false });
    await storage.setAttention(anna.id, { sound: false, desktop: false, title: true });
    await storage.setAttention(ben.id, DEFAULT_ATTENTION);
    expect(await storage.getAttention(anna.id)).toEqual({ sound: false, desktop: false, title: true });
    expect(await storage.getAttention(ben.id)).toEqual(DEFAULT_ATTENTION);
    await storage.close();
  });
}
