import { describe, expect, it } from 'vitest';
import { isRetryable, NO_REPLY, readReply } from './reply.ts';

const anything = (data: unknown) => data;
const numbers = (data: unknown) => (typeof data === 'number' ? data : undefined);

describe('readReply', () => {
  it('passes an ack through, reading its data', () => {
    expect(readReply({ ok: true, data: 7 }, numbers)).toEqual({ ok: true, data: 7 });
    expect(readReply({ ok: false, error: { code: 'conflict', message: 'taken' } }, numbers)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'taken' },
    });
  });

  it('treats data that does not parse, unknown codes and non-acks as no reply', () => {
    expect(readReply({ ok: true, data: 'seven' }, numbers)).toBe(NO_REPLY);
    expect(readReply({ ok: false, error: { code: 'teapot', message: 'x' } }, anything)).toBe(NO_REPLY);
    expect(readReply({ ok: false }, anything)).toBe(NO_REPLY);
    expect(readReply({ ok: 'yes', data: 1 }, anything)).toBe(NO_REPLY);
    expect(readReply(null, anything)).toBe(NO_REPLY);
    expect(readReply('ok', anything)).toBe(NO_REPLY);
  });

  it('keeps the code and message of an error and nothing else (clients retry on their own backoff)', () => {
    expect(
      readReply(
        { ok: false, error: { code: 'rate_limited', message: 'slow down', retryAfter: 3 } },
        anything,
      ),
    ).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'slow down' },
    });
  });
});

describe('isRetryable', () => {
  it('retries no reply and the retryable codes only', () => {
    expect(isRetryable(NO_REPLY)).toBe(true);
    for (const code of ['unavailable', 'rate_limited', 'internal'] as const) {
      expect(isRetryable({ ok: false, error: { code, message: code } })).toBe(true);
    }
    for (const code of ['conflict', 'too_large', 'forbidden', 'invalid_state'] as const) {
      expect(isRetryable({ ok: false, error: { code, message: code } })).toBe(false);
    }
  });
});
