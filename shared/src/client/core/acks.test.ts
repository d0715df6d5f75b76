import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAcks } from './acks.ts';
import { NO_REPLY } from './reply.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createAcks', () => {
  it('resolves with the ack, read by the parser', async () => {
    const acks = createAcks(1000);
    const reply = acks.request<number>(
      (ack) => setTimeout(() => ack({ ok: true, data: 3 }), 10),
      (data) => (typeof data === 'number' ? data * 2 : undefined),
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(await reply).toEqual({ ok: true, data: 6 });
  });

  it('an ack that comes back synchronously counts too', async () => {
    const acks = createAcks(1000);
    expect(await acks.request((ack) => ack({ ok: true, data: 'now' }))).toEqual({ ok: true, data: 'now' });
  });

  it('resolves with no reply at the timeout and ignores a late ack', async () => {
    const acks = createAcks(1000);
    let late: (result: unknown) => void = () => {};
    const reply = acks.request((ack) => {
      late = ack;
    });
    await vi.advanceTimersByTimeAsync(999);
    let settled = false;
    void reply.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await reply).toBe(NO_REPLY);
    late({ ok: true, data: 'too late' });
    expect(await reply).toBe(NO_REPLY);
  });

  it('dropAll settles every waiting request at once, and only those', async () => {
    const acks = createAcks(10_000);
    const waiting = [acks.request(() => {}), acks.request(() => {})];
    const answered = acks.request((ack) => ack({ ok: true, data: 1 }));
    acks.dropAll();
    expect(await Promise.all(waiting)).toEqual([NO_REPLY, NO_REPLY]);
    expect(await answered).toEqual({ ok: true, data: 1 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a malformed ack is no reply', async () => {
    const acks = createAcks(1000);
    expect(await acks.request((ack) => ack('garbage'))).toBe(NO_REPLY);
  });
});
