/**
 * Issue 13 (a live conversation): the storage contract's cases for `read_positions` and the visitor's
 * language change, on every engine.
 */
import { expect, it } from 'vitest';
import { openWithSite } from './contract-seed.ts';
import type { Storage } from './types.ts';

export function readsContract(open: () => Promise<Storage>) {
  const seed = () => openWithSite(open);
  const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

  it('read positions: per conversation and reader, only forward, the highest of concurrent marks kept', async () => {
    const { storage, agent, conversation } = await seed();
    const c = await conversation();
    const other = await conversation();
    const anna = await agent('Anna');
    const ben = await agent('Ben');
    const visitor = (seq: number, minute: number) =>
      storage.markRead({ conversationId: c.id, reader: 'visitor', agentId: null, seq, readAt: at(minute) });
    expect(await visitor(3, 1)).toEqual({
      conversationId: c.id,
      reader: 'visitor',
      agentId: null,
      seq: 3,
      readAt: at(1),
    });
    // Backwards: nothing moves, not even the time.
    expect(await visitor(2, 2)).toMatchObject({ seq: 3, readAt: at(1) });
    expect(await visitor(5, 3)).toMatchObject({ seq: 5, readAt: at(3) });
    await storage.markRead({
      conversationId: c.id,
      reader: 'agent',
      agentId: anna.id,
      seq: 4,
      readAt: at(4),
    });
    await Promise.all(
      [7, 2, 9, 6, 8].map((seq, i) =>
        storage.markRead({ conversationId: c.id, reader: 'agent', agentId: ben.id, seq, readAt: at(10 + i) }),
      ),
    );
    await storage.markRead({
      conversationId: other.id,
      reader: 'visitor',
      agentId: null,
      seq: 1,
      readAt: at(5),
    });
    const reads = await storage.listReads([c.id]);
    expect(reads.map((r) => [r.reader, r.agentId, r.seq]).sort()).toEqual(
      [
        ['agent', anna.id, 4],
        ['agent', ben.id, 9],
        ['visitor', null, 5],
      ].sort(),
    );
    expect((await storage.listReads([c.id, other.id])).length).toBe(4);
    expect(await storage.listReads([])).toEqual([]);
    expect(await storage.listReads(['missing'])).toEqual([]);
    await storage.close();
  });

  it("appendMessage with markWriterRead: the writer's position moves in the same transaction, not for a duplicate or a refused append", async () => {
    const { storage, conversation } = await seed();
    const c = await conversation();
    const text = (clientId: string, body: string) => ({
      conversationId: c.id,
      clientId,
      author: 'visitor' as const,
      authorName: null,
      agentId: null,
      kind: 'text' as const,
      body,
      meta: null,
    });
    const mark = (minute: number) => ({ reader: 'visitor' as const, agentId: null, readAt: at(minute) });
    const first = await storage.appendMessage(text('w-1', 'one'), { markWriterRead: mark(1) });
    expect(first).toMatchObject({
      status: 'stored',
      read: { conversationId: c.id, reader: 'visitor', agentId: null, seq: 1, readAt: at(1) },
    });
    const second = await storage.appendMessage(text('w-2', 'two'), { markWriterRead: mark(2) });
    expect(second).toMatchObject({ status: 'stored', message: { seq: 2 }, read: { seq: 2, readAt: at(2) } });
    // A retry of the first: nothing written, the position stays where the second put it.
    const retry = await storage.appendMessage(text('w-1', 'one'), { markWriterRead: mark(3) });
    expect(retry.status).toBe('duplicate');
    expect('read' in retry).toBe(false);
    // Refused by a guard: the transaction rolls back, the position with it.
    const refused = await storage.appendMessage(text('w-3', 'three'), {
      requireVisitorId: 'someone-else',
      markWriterRead: mark(4),
    });
    expect(refused.status).toBe('skipped');
    expect(await storage.listReads([c.id])).toEqual([
      { conversationId: c.id, reader: 'visitor', agentId: null, seq: 2, readAt: at(2) },
    ]);
    // Without the option, no position is written.
    const other = await conversation();
    await storage.appendMessage({ ...text('w-4', 'four'), conversationId: other.id });
    expect(await storage.listReads([other.id])).toEqual([]);
    await storage.close();
  });

  it("setLocale: the visitor's open conversations change language, a resolved one keeps its own", async () => {
    const { storage, conversation } = await seed();
    const open = await conversation();
    const done = await storage.createConversation({
      siteId: open.siteId,
      visitorId: open.visitorId,
      locale: 'en',
    });
    await storage.updateConversation(done.id, done.version, { state: 'resolved', resolvedAt: at(5) }, null);
    const stranger = await conversation();
    expect(await storage.setOpenConversationsLocale(open.visitorId, 'pl')).toBe(1);
    expect((await storage.getConversation(open.id))?.locale).toBe('pl');
    expect((await storage.getConversation(done.id))?.locale).toBe('en');
    expect((await storage.getConversation(stranger.id))?.locale).toBe('en');
    await storage.close();
  });
}
