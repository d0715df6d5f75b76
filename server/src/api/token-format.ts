/**
 * API tokens as strings: `fdk_<id>_<secret>` — a recognisable prefix, a public id to find the row by,
 * and 32 random bytes of secret. Only SHA-256 of the secret is stored; a lookup compares digests in
 * constant time. Pure apart from the random source.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_TOKEN_PREFIX } from '@frontdesk/shared';

const PATTERN = new RegExp(`^${API_TOKEN_PREFIX}([a-z0-9]{16})_([A-Za-z0-9_-]{43})$`);

export type MintedToken = { id: string; secret: string; token: string; secretHash: string };

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function mintToken(random: (n: number) => Buffer = randomBytes): MintedToken {
  const id = random(10).toString('hex').slice(0, 16);
  const secret = random(32).toString('base64url');
  return { id, secret, token: `${API_TOKEN_PREFIX}${id}_${secret}`, secretHash: hashSecret(secret) };
}

/** The id and secret of a well-formed token; null for anything else. */
export function parseToken(token: string): { id: string; secret: string } | null {
  const match = PATTERN.exec(token);
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
