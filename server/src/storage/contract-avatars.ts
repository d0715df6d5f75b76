/**
 * Issue 13 (agents' avatars in the widget), in the storage contract: a conversation read with its
 * agent's avatar, and a timeline page whose agent replies carry their author's avatar as it is now.
 */
import { expect, it } from 'vitest';
import { openWithSite } from './contract-seed.ts';
import type { NewMessage, Storage } from './types.ts';

export function avatarsContract(open: () => Promise<Storage>) {
  it('agent avatars: the conversation and each agent reply carry the current avatar; notes and other authors none', async () => {
    const { storage, site, agent, conversation } = await openWithSite(open);
    const anna = await agent('Anna');
    const bob = await agent('Bob');
    const image = await storage.putImage({
      contentType: 'image/png',
      data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      width: 1,
      height: 1,
    });
    await storage.updateAgent(anna.id, { avatarColor: '#aa3355', avatarImageId: image.id });
    await storage.updateAgent(bob.id, { avatarColor: '#0f766e' });
    const created = await conversation();
    expect(created.agentAvatar).toBeNull();
    const assigned = await storage.updateConversation(
      created.id,
      created.version,
      { state: 'assigned', agentId: anna.id },
      null,
    );
    expect(assigned?.conversation.agentAvatar).toEqual({ color: '#aa3355', url: `/images/${image.id}` });
    expect((await storage.getConversation(created.id))?.agentAvatar).toEqual({
      color: '#aa3355',
      url: `/images/${image.id}`,
    });
    const listed = await storage.listConversations({ siteIds: [site.id], limit: 10 });
    expect(listed.find((c) => c.id === created.id)?.agentAvatar?.url).toBe(`/images/${image.id}`);

    const msg = (patch: Partial<NewMessage>): NewMessage => ({
      conversationId: created.id,
      clientId: null,
      author: 'agent',
      authorName: 'Anna',
      agentId: anna.id,
      kind: 'text',
      body: 'hello',
      meta: null,
      ...patch,
    });
    const appended = await storage.appendMessage(msg({}));
    expect(appended.status === 'stored' && appended.conversation.agentAvatar?.color).toBe('#aa3355');
    await storage.appendMessage(msg({ kind: 'note', body: 'private' }));
    await storage.appendMessage(msg({ author: 'visitor', authorName: null, agentId: null }));
    await storage.appendMessage(msg({ authorName: 'CRM', agentId: null }));
    await storage.appendMessage(msg({ authorName: 'Bob', agentId: bob.id }));

    const page = await storage.listMessages(created.id, 0, 10);
    expect(page.map((m) => [m.authorName, m.kind, m.avatar ?? null])).toEqual([
      ['Anna', 'text', { color: '#aa3355', url: `/images/${image.id}` }],
      ['Anna', 'note', null],
      [null, 'text', null],
      ['CRM', 'text', null],
      ['Bob', 'text', { color: '#0f766e', url: null }],
    ]);
    // The visitor's view leaves the note out and still pairs each reply with its own author.
    const visible = await storage.listMessages(created.id, 0, 10, { excludeKinds: ['note'] });
    expect(visible.map((m) => m.seq)).toEqual([1, 3, 4, 5]);
    expect(visible[0]?.avatar?.url).toBe(`/images/${image.id}`);

    // Changed later: every reply shows the avatar as it is now, in history and on the conversation.
    await storage.updateAgent(anna.id, { avatarColor: null, avatarImageId: null });
    expect((await storage.listMessages(created.id, 0, 1))[0]?.avatar).toEqual({ color: null, url: null });
    expect((await storage.getConversation(created.id))?.agentAvatar).toEqual({ color: null, url: null });
    await storage.close();
  });
}
