import type { AckResult } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { withRetry } from './retry.ts';

const fail = (code: 'unavailable' | 'forbidden'): AckResult<number> => ({
  ok: false,
  error: { code, message: code },
});
const noSleep = async () => {};

describe('withRetry', () => {
  it('retries retryable failures until success', async () => {
    const replies = [fail('unavailable'), fail('unavailable'), { ok: true as const, data: 7 }];
    let calls = 0;
    const result = await withRetry(async () => replies[calls++]!, {
      attempts: 5,
      delaysMs: [1],
      sleep: noSleep,
    });
    expect(result).toEqual({ ok: true, data: 7 });
    expect(calls).toBe(3);
  });

  it('gives up on a final error at once and after the last attempt otherwise', async () => {
    const counted = (code: 'unavailable' | 'forbidden') => {
      const request = async () => {
        request.calls++;
        return fail(code);
      };
      request.calls = 0;
      return request;
    };
    const options = { attempts: 3, delaysMs: [1], sleep: noSleep };
    const final = counted('forbidden');
    expect(await withRetry(final, options)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(final.calls).toBe(1);
    const retryable = counted('unavailable');
    expect(await withRetry(retryable, options)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(retryable.calls).toBe(3);
  });
});
