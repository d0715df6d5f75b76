import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newIdentitySecret, userHashFor, verifyUserHash } from './hmac.ts';

const secret = 'site-secret';

describe('identity HMAC', () => {
  it('matches the snippets: hex HMAC-SHA256 of the user id', () => {
    expect(userHashFor(secret, 'u-1')).toBe(createHmac('sha256', secret).update('u-1').digest('hex'));
  });

  it('A5 accepts only the right hash (upper-case hex too)', () => {
    const hash = userHashFor(secret, 'u-1');
    expect(verifyUserHash(secret, 'u-1', hash)).toBe(true);
    expect(verifyUserHash(secret, 'u-1', hash.toUpperCase())).toBe(true);
  });

  it('A5 refuses a missing, wrong, malformed or other user’s hash, and one made with another secret', () => {
    const hash = userHashFor(secret, 'u-1');
    expect(verifyUserHash(secret, 'u-1', undefined)).toBe(false);
    expect(verifyUserHash(secret, 'u-1', '')).toBe(false);
    const oneDigitOff = `${hash.slice(0, 63)}${hash.endsWith('0') ? '1' : '0'}`;
    expect(verifyUserHash(secret, 'u-1', oneDigitOff)).toBe(false);
    expect(verifyUserHash(secret, 'u-1', hash.slice(0, 62))).toBe(false);
    expect(verifyUserHash(secret, 'u-1', `${hash}00`)).toBe(false);
    expect(verifyUserHash(secret, 'u-1', 'z'.repeat(64))).toBe(false);
    expect(verifyUserHash(secret, 'u-2', hash)).toBe(false);
    expect(verifyUserHash(secret, 'u-1', userHashFor('other-secret', 'u-1'))).toBe(false);
  });

  it('makes a fresh 32-byte secret each time', () => {
    const a = newIdentitySecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newIdentitySecret()).not.toBe(a);
  });
});
