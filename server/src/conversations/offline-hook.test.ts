/**
 * Issue 10: `onOfflineMessage` is called once per offline message, after it is stored, and a failing
 * hook never fails the visitor. Real SQLite storage; the broadcaster records what would go out.
 */
import type { Message } from '@frontdesk/shared';
import { OfflineMessageSchema, v } from '@frontdesk/shared/schemas';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import { type OfflineMessageLeft, OfflineMessages } from './offline-messages.ts';
import type { Broadcaster } from './ports.ts';
import type { ConversationRecord } from './store.ts';

function recordingBroadcaster() {
  const sent: string[] = [];
  const broadcaster: Broadcaster = {
    messageStored: (_c: ConversationRecord, m: Message) => sent.push(`message:${m.kind}`),
    conversationChanged: (c) => sent.push(`changed:${c.state}`),
    previewChanged: () => sent.push('preview'),
    visitorViewChanged: () => sent.push('view'),
    queueChanged: () => sent.push('queue'),
  };
  return { sent, broadcaster };
}

async function seed() {
  const storage = openSqliteStorage(':memory:');
  await storage.migrate();
  const site = await storage.createSite({
    key: 'hook-site',
    name: 'Shop',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
  });
  const visitor = await storage.createVisitor({ siteId: site.id, tokenHash: 'h' });
  const conversation = await storage.createConversation({
    siteId: site.id,
    visitorId: visitor.id,
    locale: 'en',
  });
  const input = v.parse(OfflineMessageSchema, {
    conversationId: conversation.id,
    clientId: 'client-0001',
    name: 'Ada',
    email: 'ada@example.com',
    body: 'Hello?',
    reason: 'closed',
  });
  return { storage, ctx: { site, visitor }, input };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('OfflineMessages hook', () => {
  it('reports a new offline message once (not on a retry), with the stored conversation and message', async () => {
    const { storage, ctx, input } = await seed();
    const left: OfflineMessageLeft[] = [];
    const { sent, broadcaster } = recordingBroadcaster();
    const service = new OfflineMessages({
      store: storage,
      broadcaster,
      onOfflineMessage: (l) => {
        left.push(l);
      },
      now: () => new Date('2026-03-01T10:00:00.000Z'),
    });
    const result = await service.leave(ctx, input);
    await service.leave(ctx, input);
    await settle();
    expect(left).toHaveLength(1);
    expect(left[0]?.conversation).toMatchObject({
      state: 'queued',
      handoffReason: 'visitor',
      queuedAt: '2026-03-01T10:00:00.000Z',
      offline: { at: '2026-03-01T10:00:00.000Z', reason: 'closed', answers: [] },
      visitor: { name: 'Ada', email: 'ada@example.com' },
    });
    expect(left[0]?.message.id).toBe(result.message.id);
    expect(sent).toEqual(['message:text', 'preview', 'message:event', 'changed:queued']);
    await storage.close();
  });

  it('a failing hook is reported and the visitor still gets their ack', async () => {
    const { storage, ctx, input } = await seed();
    const errors: unknown[] = [];
    const service = new OfflineMessages({
      store: storage,
      broadcaster: recordingBroadcaster().broadcaster,
      onOfflineMessage: async () => {
        throw new Error('smtp down');
      },
      onHookError: (error) => errors.push(error),
    });
    await expect(service.leave(ctx, input)).resolves.toMatchObject({ duplicate: false });
    await settle();
    expect(errors).toHaveLength(1);
    await storage.close();
  });

  it('A5 a verified visitor keeps the identity the site vouched for; the form does not overwrite it', async () => {
    const { storage, ctx, input } = await seed();
    const service = new OfflineMessages({ store: storage, broadcaster: recordingBroadcaster().broadcaster });
    await service.leave({ ...ctx, visitor: { ...ctx.visitor, verified: true } }, input);
    const stored = await storage.getConversation(input.conversationId);
    expect(stored?.visitor).toMatchObject({ name: null, email: null });
    expect(stored?.offline?.reason).toBe('closed');
    await storage.close();
  });

  it('refuses once a person has taken over (the form is for when nobody can answer)', async () => {
    const { storage, ctx, input } = await seed();
    await storage.updateConversation(input.conversationId, 0, { state: 'assigned' }, null);
    const service = new OfflineMessages({ store: storage, broadcaster: recordingBroadcaster().broadcaster });
    await expect(service.leave(ctx, input)).rejects.toMatchObject({ code: 'invalid_state' });
    await storage.close();
  });
});
