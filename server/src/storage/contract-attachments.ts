/** Issue 13 (attachments): the storage contract's cases for the `attachments` table, on every engine. */
import { expect, it } from 'vitest';
import type { NewAttachment } from '../attachments/store.ts';
import { openWithSite, visitorText } from './contract-seed.ts';
import type { Storage } from './types.ts';

export function attachmentsContract(open: () => Promise<Storage>) {
  async function seed() {
    const { storage, site, conversation: newConversation } = await openWithSite(open);
    const conversation = await newConversation();
    const msg = visitorText(conversation.id);
    const file = (id: string): NewAttachment => ({
      id,
      conversationId: conversation.id,
      siteId: site.id,
      author: 'visitor',
      name: `${id}.pdf`,
      mime: 'application/pdf',
      kind: 'file',
      size: 10,
      width: null,
      height: null,
      fileKey: `attachments/${id}/file`,
      thumbKey: null,
    });
    return { storage, site, conversation, msg, file };
  }

  it('attachments (issue 13): stored, linked to their message, counted, listed, removed with their conversation', async () => {
    const { storage, site, conversation, msg } = await seed();
    const base = {
      conversationId: conversation.id,
      siteId: site.id,
      author: 'visitor' as const,
      mime: 'image/png' as const,
      kind: 'image' as const,
      size: 1234,
      width: 40,
      height: 30,
    };
    const a = await storage.insertAttachment({
      ...base,
      id: 'att-a-0000000000000000',
      name: 'łódź "x".png',
      fileKey: 'attachments/a/file',
      thumbKey: 'attachments/a/thumb',
    });
    expect(a).toMatchObject({ messageId: null, name: 'łódź "x".png', width: 40 });
    await storage.insertAttachment({
      ...base,
      id: 'att-b-0000000000000000',
      name: 'b.pdf',
      mime: 'image/png',
      kind: 'image',
      width: null,
      height: null,
      fileKey: 'attachments/b/file',
      thumbKey: null,
    });
    // Only files carried by a message count against the limit.
    expect(await storage.countAttachments(conversation.id)).toBe(0);
    const stored = await storage.appendMessage({ ...msg('a.png', 'att-client-1'), kind: 'attachment' });
    if (stored.status !== 'stored') throw new Error(stored.status);
    await storage.linkAttachmentMessage(a.id, stored.message.id);
    expect(await storage.countAttachments(conversation.id)).toBe(1);
    expect(await storage.getAttachment(a.id)).toEqual({ ...a, messageId: stored.message.id });
    expect(await storage.getAttachment('missing')).toBeNull();
    expect((await storage.listAttachments(conversation.id)).map((x) => x.id).sort()).toEqual([
      'att-a-0000000000000000',
      'att-b-0000000000000000',
    ]);
    await storage.deleteAttachment('att-b-0000000000000000');
    expect((await storage.listAttachments(conversation.id)).map((x) => x.id)).toEqual([a.id]);
    await storage.deleteAttachmentsOf(conversation.id);
    expect(await storage.listAttachments(conversation.id)).toEqual([]);
    await storage.close();
  });
  it('attachments (issue 13): the per-conversation limit holds under concurrent inserts', async () => {
    const { storage, conversation, msg, file } = await seed();
    const past = new Date(Date.now() - 60_000).toISOString();
    // Eight uploads at once into a conversation that takes three: exactly three get a place.
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        storage.reserveAttachment(file(`race-${i}`), { max: 3, pendingSince: past }),
      ),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(3);
    expect(await storage.listAttachments(conversation.id)).toHaveLength(3);
    // Linked files count; pending ones only while they are recent (older ones are crash leftovers).
    const [first] = results.filter((r) => r !== null);
    const sent = await storage.appendMessage({ ...msg('race', 'race-client'), kind: 'attachment' });
    if (sent.status !== 'stored' || !first) throw new Error('no message');
    await storage.linkAttachmentMessage(first.id, sent.message.id);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect(await storage.reserveAttachment(file('late-1'), { max: 1, pendingSince: future })).toBeNull();
    expect(await storage.reserveAttachment(file('late-2'), { max: 2, pendingSince: future })).not.toBeNull();
    // A conversation that is gone takes nothing.
    expect(
      await storage.reserveAttachment(
        { ...file('orphan'), conversationId: crypto.randomUUID() },
        { max: 9, pendingSince: past },
      ),
    ).toBeNull();
    await storage.close();
  });
}
