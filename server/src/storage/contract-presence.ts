/** Issue 10 (presence, abandonment, honest waits): the storage contract's cases for its queries. */
import { expect, it } from 'vitest';
import { openWithSite } from './contract-seed.ts';
import type { Storage } from './types.ts';

export function presenceContract(open: () => Promise<Storage>) {
  const seed = () => openWithSite(open);

  it('recentTakeovers: newest first, within the window, only queue waits; countAssigned', async () => {
    const { storage, site, conversation } = await seed();
    const take = async (queuedAt: string | null, assignedAt: string, state = 'assigned' as const) => {
      const c = await conversation();
      await storage.updateConversation(c.id, c.version, { state, queuedAt, assignedAt }, null);
      return c;
    };
    await take('2026-01-01T09:00:00.000Z', '2026-01-01T09:02:00.000Z');
    await take('2026-01-03T09:00:00.000Z', '2026-01-03T09:01:00.000Z');
    await take('2025-12-01T09:00:00.000Z', '2025-12-01T09:05:00.000Z'); // outside the window
    await take(null, '2026-01-04T09:00:00.000Z'); // taken from the bot: no queue wait
    expect(await storage.recentTakeovers(site.id, '2025-12-25T00:00:00.000Z', 10)).toEqual([
      { queuedAt: '2026-01-03T09:00:00.000Z', assignedAt: '2026-01-03T09:01:00.000Z' },
      { queuedAt: '2026-01-01T09:00:00.000Z', assignedAt: '2026-01-01T09:02:00.000Z' },
    ]);
    expect(await storage.recentTakeovers(site.id, '2025-12-25T00:00:00.000Z', 1)).toHaveLength(1);
    expect(await storage.recentTakeovers('other-site', '2025-01-01T00:00:00.000Z', 10)).toEqual([]);
    expect(await storage.countAssigned(site.id)).toBe(4);
    await storage.close();
  });

  it('listIdleQueued: queued conversations whose visitor was last there before the cutoff; touch keeps them', async () => {
    const { storage, conversation } = await seed();
    const queue = async (queuedAt: string, visitorLastActiveAt: string | null) => {
      const c = await conversation();
      const updated = await storage.updateConversation(
        c.id,
        c.version,
        { state: 'queued', queuedAt, visitorLastActiveAt },
        null,
      );
      return updated?.conversation ?? c;
    };
    const gone = await queue('2026-01-01T09:00:00.000Z', '2026-01-01T09:01:00.000Z');
    const neverSeen = await queue('2026-01-01T08:00:00.000Z', null);
    const here = await queue('2026-01-01T09:00:00.000Z', '2026-01-01T09:20:00.000Z');
    const bot = await conversation();
    const cutoff = '2026-01-01T09:10:00.000Z';
    const idle = await storage.listIdleQueued(cutoff, 10);
    expect(idle.map((c) => c.id)).toEqual([neverSeen.id, gone.id]);
    expect(idle[1]?.visitorLastActiveAt).toBe('2026-01-01T09:01:00.000Z');
    expect(idle.map((c) => c.id)).not.toContain(here.id);
    expect(idle.map((c) => c.id)).not.toContain(bot.id);

    await storage.touchVisitorActivity(gone.visitorId, '2026-01-01T09:15:00.000Z');
    expect((await storage.listIdleQueued(cutoff, 10)).map((c) => c.id)).toEqual([neverSeen.id]);
    expect((await storage.getConversation(gone.id))?.visitorLastActiveAt).toBe('2026-01-01T09:15:00.000Z');
    await storage.close();
  });

  it('offline messages are out of the live line: not counted, not sampled, never abandoned', async () => {
    const { storage, site, conversation } = await seed();
    const offline = { at: '2026-01-01T09:00:00.000Z', reason: 'nobody_online' as const, answers: [] };
    const left = await conversation();
    await storage.updateConversation(
      left.id,
      0,
      { state: 'queued', queuedAt: offline.at, visitorLastActiveAt: offline.at, offline },
      null,
    );
    expect(await storage.countQueuedBefore(site.id, '2026-01-01T09:30:00.000Z')).toBe(0);
    // The sweep spans every site (and other cases share this database): only this one must be absent.
    const idle = await storage.listIdleQueued('2026-01-02T00:00:00.000Z', 1000);
    expect(idle.map((c) => c.id)).not.toContain(left.id);
    await storage.updateConversation(
      left.id,
      1,
      { state: 'assigned', assignedAt: '2026-01-01T15:00:00.000Z' },
      null,
    );
    expect(await storage.recentTakeovers(site.id, '2025-12-25T00:00:00.000Z', 10)).toEqual([]);
    await storage.close();
  });

  it('abandoned conversations are out of the queue count; updatedSince filters a list', async () => {
    const { storage, site, conversation } = await seed();
    const first = await conversation();
    const second = await conversation();
    await storage.updateConversation(
      first.id,
      0,
      { state: 'queued', queuedAt: '2026-01-01T09:00:00.000Z' },
      null,
    );
    await storage.updateConversation(
      second.id,
      0,
      { state: 'queued', queuedAt: '2026-01-01T09:01:00.000Z' },
      null,
    );
    expect(await storage.countQueuedBefore(site.id, '2026-01-01T09:01:00.000Z')).toBe(1);
    const abandoned = await storage.updateConversation(
      first.id,
      1,
      { state: 'abandoned', abandonedAt: '2026-01-01T09:20:00.000Z' },
      null,
    );
    expect(abandoned?.conversation).toMatchObject({
      state: 'abandoned',
      abandonedAt: '2026-01-01T09:20:00.000Z',
    });
    expect(await storage.countQueuedBefore(site.id, '2026-01-01T09:01:00.000Z')).toBe(0);
    const listed = await storage.listConversations({ siteIds: [site.id], state: 'abandoned', limit: 10 });
    expect(listed.map((c) => c.id)).toEqual([first.id]);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(await storage.listConversations({ siteIds: [site.id], limit: 10, updatedSince: future })).toEqual(
      [],
    );
    await storage.close();
  });
}
