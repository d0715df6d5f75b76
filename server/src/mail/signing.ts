/**
 * What the server signs for e-mail: links back to a conversation (bound to its visitor, expiring) and
 * per-conversation reply addresses. HMAC-SHA256 under keys derived from the server secret, one per
 * purpose, compared in constant time. Pure: the time is passed in.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY_MS = 86_400_000;

function mac(secret: string, purpose: string, payload: string, bytes: number): Buffer {
  const key = createHmac('sha256', secret).update(`frontdesk:${purpose}`).digest();
  return createHmac('sha256', key).update(payload).digest().subarray(0, bytes);
}

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export type ConversationLink = { conversationId: string; visitorId: string };

/** `<conversationId>.<visitorId>.<expiry ms, base 36>.<signature>`: URL-safe as it is. */
export function signConversationLink(secret: string, link: ConversationLink, expiresAt: number): string {
  const payload = `${link.conversationId}.${link.visitorId}.${Math.floor(expiresAt).toString(36)}`;
  return `${payload}.${mac(secret, 'link', payload, 24).toString('base64url')}`;
}

export type LinkCheck =
  | { ok: true; link: ConversationLink; expiresAt: number }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export function verifyConversationLink(secret: string, token: string, now: number): LinkCheck {
  const parts = token.split('.');
  if (parts.length !== 4 || token.length > 200) return { ok: false, reason: 'malformed' };
  const [conversationId = '', visitorId = '', expiry = '', signature = ''] = parts;
  if (!UUID.test(conversationId) || !UUID.test(visitorId) || !/^[0-9a-z]{1,12}$/.test(expiry))
    return { ok: false, reason: 'malformed' };
  const expected = mac(secret, 'link', `${conversationId}.${visitorId}.${expiry}`, 24);
  if (!same(Buffer.from(signature, 'base64url'), expected)) return { ok: false, reason: 'forged' };
  const expiresAt = Number.parseInt(expiry, 36);
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, link: { conversationId, visitorId }, expiresAt };
}

/**
 * `reply+<conversation id, hex>.<expiry day, base 36>.<signature, hex>@<domain>`: 60 characters
 * before the `@` (under SMTP's 64), lower case only (some servers fold the case of local parts).
 */
export function replyAddress(secret: string, conversationId: string, expiresAt: number, domain: string) {
  const id = conversationId.replaceAll('-', '');
  const day = Math.ceil(expiresAt / DAY_MS).toString(36);
  const signature = mac(secret, 'reply', `${id}.${day}`, 8).toString('hex');
  return `reply+${id}.${day}.${signature}@${domain}`;
}

export type ReplyAddressCheck =
  | { ok: true; conversationId: string }
  | { ok: false; reason: 'not_ours' | 'forged' | 'expired' };

export function verifyReplyAddress(
  secret: string,
  address: string,
  domain: string,
  now: number,
): ReplyAddressCheck {
  const match = /^reply\+([0-9a-f]{32})\.([0-9a-z]{1,8})\.([0-9a-f]{16})@(.+)$/.exec(address.toLowerCase());
  if (!match || match[4] !== domain.toLowerCase()) return { ok: false, reason: 'not_ours' };
  const [, id = '', day = '', signature = ''] = match;
  if (!same(Buffer.from(signature, 'hex'), mac(secret, 'reply', `${id}.${day}`, 8)))
    return { ok: false, reason: 'forged' };
  if (Number.parseInt(day, 36) * DAY_MS <= now) return { ok: false, reason: 'expired' };
  const conversationId = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
  return { ok: true, conversationId };
}
