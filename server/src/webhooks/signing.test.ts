import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signature, verifySignature } from './signing.ts';

describe('webhook signatures', () => {
  it('sign "<t>.<body>" with HMAC-SHA256 and verify only the same secret, body and a fresh time', () => {
    const secret = newWebhookSecret();
    const body = '{"event":"message.created"}';
    const header = signature(secret, 1_800_000_000, body);
    const mac = createHmac('sha256', secret).update(`1800000000.${body}`).digest('hex');
    expect(header).toBe(`t=1800000000,v1=${mac}`);
    expect(verifySignature(secret, header, body, 1_800_000_010)).toBe(true);
    expect(verifySignature(secret, header, `${body} `, 1_800_000_010)).toBe(false);
    expect(verifySignature(newWebhookSecret(), header, body, 1_800_000_010)).toBe(false);
    expect(verifySignature(secret, header, body, 1_800_000_000 + 301)).toBe(false);
    expect(verifySignature(secret, 'garbage', body, 1_800_000_000)).toBe(false);
  });
});
