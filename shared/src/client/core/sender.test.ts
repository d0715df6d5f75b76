import { describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '../../errors.ts';
import type { SendResult } from '../../events.ts';
import { enqueue, type OutboxItem, setStatus, withoutDelivered } from './outbox.ts';
import { NO_REPLY, type Reply } from './reply.ts';
import { createSender } from './sender.ts';
import { message } from './testing.ts';

const failure = (code: ErrorCode): Reply<SendResult> => ({ ok: false, error: { code, message: code } });

/** An outbox, a server that commits each clientId once, and replies scripted per attempt. */
function harness(bodies: string[]) {
  let items: readonly OutboxItem[] = bodies.reduce<readonly OutboxItem[]>(
    (list, body, i) =>
      enqueue(list, { clientId: `client-${i}-xx`, body, status: 'pending', error: null }, 50),
    [],
  );
  const committed: { clientId: string; body: string }[] = [];
  const sends: string[] = [];
  const script: (Reply<SendResult> | undefined)[] = [];
  let ready = true;
  const gate: { hold: Promise<void> | null } = { hold: null };
  const retryLater = vi.fn();
  const retrying = vi.fn();
  const failed = vi.fn();
  const sender = createSender<OutboxItem>({
    items: () => items,
    ready: () => ready,
    async send(item) {
      sends.push(item.clientId);
      if (gate.hold) await gate.hold;
      const scripted = script.shift();
      if (scripted) return scripted;
      let seq = committed.findIndex((c) => c.clientId === item.clientId) + 1;
      if (seq === 0) seq = committed.push({ clientId: item.clientId, body: item.body });
      return {
        ok: true,
        data: { message: message(seq, { clientId: item.clientId, body: item.body }), duplicate: false },
      };
    },
    mark(item, status, f) {
      items = setStatus(items, item.clientId, status, f?.error?.code);
      if (status === 'pending') retrying(item.clientId, f);
      if (status === 'failed') failed(item.clientId, f?.error?.code);
    },
    delivered: (_item, m) => {
      items = withoutDelivered(items, [m]);
    },
    retryLater,
  });
  return {
    sender,
    items: () => items,
    committed,
    sends,
    script,
    retryLater,
    retrying,
    failed,
    gate,
    add: (body: string) => {
      items = enqueue(
        items,
        {
          clientId: `client-${items.length + 5}-xx`,
          body,
          status: 'pending',
          error: null,
        },
        50,
      );
    },
    setReady: (value: boolean) => {
      ready = value;
    },
  };
}

describe('createSender', () => {
  it('sends every pending item in order, once each', async () => {
    const h = harness(['one', 'two', 'three']);
    await h.sender.flush();
    expect(h.committed.map((c) => c.body)).toEqual(['one', 'two', 'three']);
    expect(h.items()).toEqual([]);
    expect(h.retryLater).not.toHaveBeenCalled();
  });

  it('a retryable failure stops the flush: that item goes first next time, with the same clientId', async () => {
    const h = harness(['one', 'two']);
    h.script.push(failure('unavailable'));
    await h.sender.flush();
    expect(h.committed).toEqual([]);
    expect(h.items().map((i) => i.status)).toEqual(['pending', 'pending']);
    expect(h.retrying).toHaveBeenCalledWith('client-0-xx', failure('unavailable'));
    expect(h.retryLater).toHaveBeenCalledOnce();
    await h.sender.flush();
    expect(h.sends).toEqual(['client-0-xx', 'client-0-xx', 'client-1-xx']);
    expect(h.committed.map((c) => c.body)).toEqual(['one', 'two']);
  });

  it('a retry whose first attempt was committed (the ack was lost) is committed once', async () => {
    const h = harness(['one']);
    h.committed.push({ clientId: 'client-0-xx', body: 'one' });
    await h.sender.flush();
    expect(h.committed).toHaveLength(1);
    expect(h.items()).toEqual([]);
  });

  it('a final failure marks the item failed and sends the next one', async () => {
    const h = harness(['too long', 'fine']);
    h.script.push(failure('too_large'));
    await h.sender.flush();
    expect(h.failed).toHaveBeenCalledWith('client-0-xx', 'too_large');
    expect(h.items()).toMatchObject([{ clientId: 'client-0-xx', status: 'failed', error: 'too_large' }]);
    expect(h.committed.map((c) => c.body)).toEqual(['fine']);
    expect(h.retryLater).not.toHaveBeenCalled();
  });

  it('sends nothing while not ready', async () => {
    const h = harness(['one']);
    h.setReady(false);
    await h.sender.flush();
    expect(h.sends).toEqual([]);
    expect(h.items()[0]?.status).toBe('pending');
  });

  it('no reply while a flush was asked for meanwhile (back online): sends again now instead of later', async () => {
    const h = harness(['one']);
    let release = () => {};
    h.gate.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    h.script.push(NO_REPLY);
    const first = h.sender.flush();
    void h.sender.flush();
    h.gate.hold = null;
    release();
    await first;
    expect(h.retryLater).not.toHaveBeenCalled();
    expect(h.sends).toEqual(['client-0-xx', 'client-0-xx']);
    expect(h.items()).toEqual([]);
  });

  it('an item written while a flush runs is sent by that flush, after the earlier one', async () => {
    const h = harness(['one']);
    let release = () => {};
    h.gate.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const done = h.sender.flush();
    h.gate.hold = null;
    h.add('two');
    release();
    await done;
    expect(h.committed.map((c) => c.body)).toEqual(['one', 'two']);
    expect(h.items()).toEqual([]);
  });
});
