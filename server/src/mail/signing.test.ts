import { describe, expect, it } from 'vitest';
import { replyAddress, signConversationLink, verifyConversationLink, verifyReplyAddress } from './signing.ts';

const SECRET = 'a test secret that is long enough!!';
const CID = '2ed4e6fb-86d4-405e-b1b4-3b7dad5364bf';
const VID = '34e832e4-4a06-4cb2-83dd-3a2d018e4f1b';
const NOW = Date.parse('2026-12-02T12:00:00Z');
const DAY = 86_400_000;

describe('conversation links', () => {
  it('verify while fresh, bound to conversation and visitor', () => {
    const token = signConversationLink(SECRET, { conversationId: CID, visitorId: VID }, NOW + DAY);
    expect(verifyConversationLink(SECRET, token, NOW)).toEqual({
      ok: true,
      link: { conversationId: CID, visitorId: VID },
      expiresAt: NOW + DAY,
    });
    expect(verifyConversationLink(SECRET, token, NOW + DAY)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse another secret, a swapped visitor, a moved expiry and junk', () => {
    const token = signConversationLink(SECRET, { conversationId: CID, visitorId: VID }, NOW + DAY);
    const [c, v, e, s] = token.split('.');
    expect(verifyConversationLink(`${SECRET}x`, token, NOW)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyConversationLink(SECRET, [c, CID, e, s].join('.'), NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
    const later = (NOW + 100 * DAY).toString(36);
    expect(verifyConversationLink(SECRET, [c, v, later, s].join('.'), NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
    expect(verifyConversationLink(SECRET, 'x.y', NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('reply addresses', () => {
  it('are at most 64 characters before the @, lower case, and verify to their conversation', () => {
    const address = replyAddress(SECRET, CID, NOW + 90 * DAY, 'shop.example');
    const local = address.split('@')[0] ?? '';
    expect(local.length).toBeLessThanOrEqual(64);
    expect(address).toBe(address.toLowerCase());
    expect(verifyReplyAddress(SECRET, address, 'shop.example', NOW)).toEqual({
      ok: true,
      conversationId: CID,
    });
    expect(verifyReplyAddress(SECRET, address.toUpperCase(), 'SHOP.example', NOW)).toEqual({
      ok: true,
      conversationId: CID,
    });
  });

  it('refuse forged, stale and foreign addresses', () => {
    const address = replyAddress(SECRET, CID, NOW + 2 * DAY, 'shop.example');
    expect(verifyReplyAddress(`${SECRET}x`, address, 'shop.example', NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
    expect(verifyReplyAddress(SECRET, address, 'shop.example', NOW + 3 * DAY)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(
      verifyReplyAddress(SECRET, address.replace('@shop.example', '@evil.example'), 'shop.example', NOW),
    ).toEqual({ ok: false, reason: 'not_ours' });
    const other = replyAddress(SECRET, '00000000-0000-0000-0000-000000000000', NOW + 2 * DAY, 'shop.example');
    const spliced = `reply+${CID.replaceAll('-', '')}.${other.split('.').slice(1).join('.')}`;
    expect(verifyReplyAddress(SECRET, spliced, 'shop.example', NOW)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyReplyAddress(SECRET, 'help@shop.example', 'shop.example', NOW)).toEqual({
      ok: false,
      reason: 'not_ours',
    });
  });
});
