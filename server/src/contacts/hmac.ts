/**
 * Identity verification (issue 12): the host page's server signs the user id with the site's secret
 * (hex HMAC-SHA256, see `IDENTITY_SNIPPETS`); the claim is compared in constant time.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The hash a host page must send for `userId`. */
export const userHashFor = (secret: string, userId: string): string =>
  createHmac('sha256', secret).update(userId, 'utf8').digest('hex');

const HEX_64 = /^[0-9a-f]{64}$/i;

/** True only for the right hash of this user id: a missing, malformed or other user's hash is false. */
export function verifyUserHash(secret: string, userId: string, claimed: string | undefined): boolean {
  if (claimed === undefined || !HEX_64.test(claimed)) return false;
  const expected = Buffer.from(userHashFor(secret, userId), 'hex');
  return timingSafeEqual(expected, Buffer.from(claimed.toLowerCase(), 'hex'));
}

/** A new identity secret: 32 random bytes, base64url. */
export const newIdentitySecret = (): string => randomBytes(32).toString('base64url');
