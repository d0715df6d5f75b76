import { LIMITS } from '@frontdesk/shared';
import { describe, expect, it, vi } from 'vitest';
import {
  initialOutbox,
  newClientId,
  type OutboxItem,
  outboxReducer,
  parseOutbox,
  serializeOutbox,
} from './outbox.ts';

const item = (clientId: string, patch: Partial<OutboxItem> = {}): OutboxItem => ({
  clientId,
  body: `body of ${clientId}`,
  status: 'pending',
  error: null,
  ...patch,
});

describe('outbox slice', () => {
  it('keeps items in order through sending, retry and failure', () => {
    let state = outboxReducer(initialOutbox, { type: 'outbox/queued', item: item('aaaaaaaa') });
    state = outboxReducer(state, { type: 'outbox/queued', item: item('bbbbbbbb') });
    state = outboxReducer(state, { type: 'outbox/sending', clientId: 'aaaaaaaa' });
    expect(state.items.map((i) => i.status)).toEqual(['sending', 'pending']);
    state = outboxReducer(state, { type: 'outbox/failed', clientId: 'aaaaaaaa', code: 'too_large' });
    expect(state.items[0]).toMatchObject({ status: 'failed', error: 'too_large' });
    state = outboxReducer(state, { type: 'outbox/retry', clientId: 'aaaaaaaa' });
    expect(state.items[0]).toMatchObject({ status: 'pending', error: null, clientId: 'aaaaaaaa' });
  });

  it('newClientId matches the protocol (8–64 of [A-Za-z0-9_-]) and differs each time', () => {
    const a = newClientId();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newClientId()).not.toBe(a);
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
