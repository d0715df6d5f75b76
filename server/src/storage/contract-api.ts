/** Issue 15 (public API, webhooks): the storage contract's cases for tokens and webhooks, on every engine. */
import { expect, it } from 'vitest';
import { openWithSite } from './contract-seed.ts';
import type { Storage } from './types.ts';

export function apiContract(open: () => Promise<Storage>) {
  const seed = () => openWithSite(open);
  const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

  it('API tokens: stored with their hash, listed per site, revoked once, last use recorded', async () => {
    const { storage, site } = await seed();
    const id = `t${Math.random().toString(36).slice(2)}`;
    const token = {
      id,
      siteId: site.id,
      name: 'CRM sync',
      scope: 'read' as const,
      createdBy: null,
      createdAt: at(1),
      lastUsedAt: null,
      revokedAt: null,
    };
    await storage.insertApiToken(token, 'a'.repeat(64));
    expect(await storage.getApiToken(id)).toEqual({ token, secretHash: 'a'.repeat(64) });
    expect(await storage.listApiTokens([site.id])).toEqual([token]);
    expect(await storage.listApiTokens([])).toEqual([]);
    await storage.touchApiToken(id, at(2));
    expect(await storage.revokeApiToken(id, at(3))).toBe(true);
    expect(await storage.revokeApiToken(id, at(4))).toBe(false);
    expect((await storage.getApiToken(id))?.token).toMatchObject({ lastUsedAt: at(2), revokedAt: at(3) });
    expect(await storage.getApiToken('missing')).toBeNull();
  });

  it('API conversation pages: newest update first, keyset cursor, state filter, one site only', async () => {
    const { storage, site, newSite, conversation: open1 } = await seed();
    const other = await newSite('Other');
    const created = [];
    for (let i = 0; i < 5; i += 1) created.push(await open1(site.id));
    await open1(other.id);
    const seen: string[] = [];
    let after = null;
    for (;;) {
      const page = await storage.listConversationPage({ siteId: site.id, after, limit: 2 });
      seen.push(...page.map((c) => c.id));
      const last = page.at(-1);
      if (page.length < 2 || !last) break;
      after = { updatedAt: last.updatedAt, id: last.id };
    }
    expect(seen.sort()).toEqual(created.map((c) => c.id).sort());
    expect(
      await storage.listConversationPage({ siteId: site.id, state: 'resolved', after: null, limit: 10 }),
    ).toEqual([]);
  });

  it('webhooks: endpoints per site, the private-address setting, the delivery queue claimed once', async () => {
    const { storage, site } = await seed();
    const hook = {
      id: `w${Math.random().toString(36).slice(2)}`,
      siteId: site.id,
      url: 'https://crm.example/hook',
      events: ['message.created' as const, 'contact.updated' as const],
      secret: 'whsec_x',
      createdAt: at(1),
    };
    await storage.insertWebhook(hook);
    expect(await storage.getWebhook(hook.id)).toEqual(hook);
    expect(await storage.listWebhooks([site.id])).toEqual([hook]);
    expect(await storage.getAllowPrivate(site.id)).toBe(false);
    await storage.setAllowPrivate(site.id, true);
    expect(await storage.getAllowPrivate(site.id)).toBe(true);
    await storage.setAllowPrivate(site.id, false);
    expect(await storage.getAllowPrivate(site.id)).toBe(false);

    const d = await storage.insertDelivery({
      webhookId: hook.id,
      event: 'message.created',
      body: '{}',
      at: at(2),
    });
    expect(d).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: at(2) });
    expect((await storage.listDueDeliveries(at(1), 10)).map((x) => x.id)).not.toContain(d.id);
    expect((await storage.listDueDeliveries(at(2), 10)).map((x) => x.id)).toContain(d.id);
    // Two nodes race for the same attempt: one wins.
    const claims = await Promise.all([
      storage.claimDelivery(d.id, 0, at(7)),
      storage.claimDelivery(d.id, 0, at(7)),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await storage.recordAttempt(d.id, {
      delivered: false,
      status: 500,
      durationMs: 12.4,
      response: 'boom',
      error: 'HTTP 500',
      at: at(3),
      nextAttemptAt: at(4),
    });
    expect(await storage.getDelivery(d.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatus: 500,
      lastDurationMs: 12,
      lastResponse: 'boom',
      nextAttemptAt: at(4),
    });
    expect(await storage.resendDelivery(d.id, at(5))).toBeNull();
    await storage.recordAttempt(d.id, {
      delivered: false,
      status: null,
      durationMs: 3,
      response: null,
      error: 'refused',
      at: at(6),
      nextAttemptAt: null,
    });
    expect(await storage.getDelivery(d.id)).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(await storage.resendDelivery(d.id, at(8))).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at(8),
    });
    expect((await storage.listDeliveries(hook.id, 10)).map((x) => x.id)).toEqual([d.id]);
    expect(await storage.deleteWebhook(hook.id)).toBe(true);
    expect(await storage.getDelivery(d.id)).toBeNull();
  });
}
