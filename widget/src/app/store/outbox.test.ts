import { LIMITS, type Message } from '@frontdesk/shared';
import { describe, expect, it, vi } from 'vitest';
import {
  initialOutbox,
  OUTBOX_MAX_ITEMS,
  type OutboxItem,
  outboxReducer,
  parseOutbox,
  serializeOutbox,
} from './outbox.ts';

const message: Message = {
  id: 'm1',
  conversationId: 'c1',
  seq: 1,
  clientId: null,
  author: 'visitor',
  authorName: null,
  kind: 'text',
  body: 'hi',
  meta: null,
  createdAt: '2025-01-01T00:00:00.000Z',
};

const item = (clientId: string, patch: Partial<OutboxItem> = {}): OutboxItem => ({
  clientId,
  body: `body of ${clientId}`,
  status: 'pending',
  error: null,
  ...patch,
});

describe('outbox slice (item states: the client core’s outbox tests)', () => {
  it('keeps the newest items past the cap and drops what a committed message carries', () => {
    let state = initialOutbox;
    for (let i = 0; i < OUTBOX_MAX_ITEMS + 2; i++) {
      state = outboxReducer(state, {
        type: 'outbox/queued',
        item: item(`client-${String(i).padStart(3, '0')}`),
      });
    }
    expect(state.items).toHaveLength(OUTBOX_MAX_ITEMS);
    expect(state.items[0]?.clientId).toBe('client-002');
    const delivered = { ...message, clientId: 'client-002' };
    const after = outboxReducer(state, { type: 'messages/received', messages: [delivered], source: 'live' });
    expect(after.items.map((i) => i.clientId)).not.toContain('client-002');
    expect(outboxReducer(after, { type: 'messages/received', messages: [delivered], source: 'sync' })).toBe(
      after,
    );
  });
});

describe('outbox persistence', () => {
  it('stores only clientId, body and quickReply, and restores items as pending', () => {
    const items = [
      item('aaaaaaaa', { status: 'failed', error: 'internal' }),
      item('bbbbbbbb', { quickReply: { type: 'faq', faqId: 'shipping' } }),
    ];
    const raw = serializeOutbox(items);
    expect(JSON.parse(raw)).toEqual([
      { clientId: 'aaaaaaaa', body: 'body of aaaaaaaa' },
      { clientId: 'bbbbbbbb', body: 'body of bbbbbbbb', quickReply: { type: 'faq', faqId: 'shipping' } },
    ]);
    expect(parseOutbox(raw)).toEqual([
      item('aaaaaaaa'),
      item('bbbbbbbb', { quickReply: { type: 'faq', faqId: 'shipping' } }),
    ]);
  });

  it('drops malformed entries and unknown fields', () => {
    const raw = JSON.stringify([
      { clientId: 'short', body: 'x' },
      { clientId: 'has spaces!', body: 'x' },
      { clientId: 'cccccccc', body: '' },
      { clientId: 'dddddddd', body: 'x'.repeat(LIMITS.messageMaxLength + 1) },
      { clientId: 'eeeeeeee', body: 'ok', quickReply: { type: 'evil' } },
      { clientId: 'ffffffff', body: 'kept', status: 'sending', __proto__: { polluted: true }, extra: 1 },
      'not an object',
      null,
    ]);
    expect(parseOutbox(raw)).toEqual([item('ffffffff', { body: 'kept' })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives garbage', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(parseOutbox(null)).toEqual([]);
    expect(parseOutbox('{not json')).toEqual([]);
    expect(parseOutbox('{"a":1}')).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
