import { describe, expect, it } from 'vitest';
import { hashSecret, mintToken, parseToken, secretMatches } from './token-format.ts';

describe('API token format', () => {
  it('mints fdk_<id>_<secret>, parses it back, and keeps only a SHA-256 of the secret', () => {
    const minted = mintToken();
    expect(minted.token).toMatch(/^fdk_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseToken(minted.token)).toEqual({ id: minted.id, secret: minted.secret });
    expect(minted.secretHash).toBe(hashSecret(minted.secret));
    expect(minted.secretHash).not.toContain(minted.secret);
    expect(secretMatches(minted.secret, minted.secretHash)).toBe(true);
    expect(secretMatches(`${minted.secret.slice(0, -1)}A`, minted.secretHash)).toBe(
      minted.secret.endsWith('A'),
    );
  });

  it('two tokens never share an id or a secret', () => {
    const a = mintToken();
    const b = mintToken();
    expect(a.id).not.toBe(b.id);
    expect(a.secret).not.toBe(b.secret);
  });

  it('refuses anything that is not a whole token', () => {
    const { token } = mintToken();
    for (const bad of ['', 'fdk_', token.slice(4), `${token}x`, token.replace('fdk_', 'fdx_'), ` ${token}`])
      expect(parseToken(bad)).toBeNull();
    expect(secretMatches('x', 'not-hex')).toBe(false);
  });
});
