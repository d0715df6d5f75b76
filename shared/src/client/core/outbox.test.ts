import { describe, expect, it } from 'vitest';
import { enqueue, nextPending, type OutboxItem, setStatus, withoutDelivered } from './outbox.ts';
import { message } from './testing.ts';

const item = (clientId: string, patch: Partial<OutboxItem> = {}): OutboxItem => ({
  clientId,
  body: `body of ${clientId}`,
  status: 'pending',
  error: null,
  ...patch,
});

describe('outbox', () => {
  it('keeps items in order through sending, a final failure and a retry', () => {
    let items = enqueue(enqueue([], item('aaaaaaaa'), 10), item('bbbbbbbb'), 10);
    items = setStatus(items, 'aaaaaaaa', 'sending');
    expect(items.map((i) => i.status)).toEqual(['sending', 'pending']);
    items = setStatus(items, 'aaaaaaaa', 'failed', 'too_large');
    expect(items[0]).toMatchObject({ status: 'failed', error: 'too_large' });
    expect(nextPending(items)?.clientId).toBe('bbbbbbbb');
    items = setStatus(items, 'aaaaaaaa', 'pending', 'unavailable');
    expect(items[0]).toEqual(item('aaaaaaaa'));
    expect(nextPending(items)?.clientId).toBe('aaaaaaaa');
  });

  it('keeps the newest items past the cap', () => {
    const items = ['aaaaaaaa', 'bbbbbbbb', 'cccccccc'].reduce<readonly OutboxItem[]>(
      (list, id) => enqueue(list, item(id), 2),
      [],
    );
    expect(items.map((i) => i.clientId)).toEqual(['bbbbbbbb', 'cccccccc']);
  });

  it('drops items a committed message carries; the same array when none', () => {
    const items = [item('aaaaaaaa'), item('bbbbbbbb')];
    expect(withoutDelivered(items, [message(1)])).toBe(items);
    expect(withoutDelivered(items, [message(1, { clientId: 'bbbbbbbb' })])).toEqual([item('aaaaaaaa')]);
  });

  it('has nothing to send when every item is failed or on its way', () => {
    expect(nextPending([item('aaaaaaaa', { status: 'failed', error: 'too_large' })])).toBeUndefined();
    expect(nextPending([item('aaaaaaaa', { status: 'sending' })])).toBeUndefined();
  });

  it('carries what a client adds to an item', () => {
    const items = setStatus([{ ...item('aaaaaaaa'), kind: 'note' as const }], 'aaaaaaaa', 'sending');
    expect(items[0]?.kind).toBe('note');
  });
});
