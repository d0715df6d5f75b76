/** A message's `clientId`: made once when it is written, sent again with every retry of it. */

/** The protocol's pattern: 8–64 of `[A-Za-z0-9_-]`. */
export const isClientId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** 21 random characters of the pattern's alphabet (126 bits): unique enough within a conversation. */
export function newClientId(
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  return Array.from(random(new Uint8Array(21)), (byte) => ALPHABET[byte & 63]).join('');
}
