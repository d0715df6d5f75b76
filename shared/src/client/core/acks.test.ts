import { describe, expect, it } from 'vitest';
import { requestAck } from './acks.ts';
import { NO_REPLY } from './reply.ts';

describe('requestAck', () => {
  it('resolves with the ack, read by the parser', async () => {
    const reply = requestAck<number>(
      (ack) => setTimeout(() => ack(null, { ok: true, data: 3 }), 1),
      (data) => (typeof data === 'number' ? data * 2 : undefined),
    );
    expect(await reply).toEqual({ ok: true, data: 6 });
  });

  it('passes a server error through', async () => {
    const error = { code: 'conflict', message: 'taken' };
    expect(await requestAck((ack) => ack(null, { ok: false, error }))).toEqual({ ok: false, error });
  });

  it('a timeout or a dropped connection (an error instead of an ack) is no reply', async () => {
    expect(await requestAck((ack) => ack(new Error('operation has timed out')))).toBe(NO_REPLY);
    expect(await requestAck((ack) => ack(new Error('socket has been disconnected')))).toBe(NO_REPLY);
  });

  it('an ack of the wrong shape, or data the parser refuses, is no reply', async () => {
    expect(await requestAck((ack) => ack(null, 'garbage'))).toBe(NO_REPLY);
    expect(
      await requestAck(
        (ack) => ack(null, { ok: true, data: 'x' }),
        () => undefined,
      ),
    ).toBe(NO_REPLY);
  });

  it('settles once: a second call of the ack changes nothing', async () => {
    const reply = requestAck((ack) => {
      ack(null, { ok: true, data: 1 });
      ack(null, { ok: true, data: 2 });
    });
    expect(await reply).toEqual({ ok: true, data: 1 });
  });
});
