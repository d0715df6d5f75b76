import { describe, expect, it } from 'vitest';
import { carriesApiToken } from './routes.ts';
import { mintToken } from './token-format.ts';

describe('which requests the public API answers', () => {
  it('only those whose Authorization is a whole API token — never a visitor token that happens to start alike', () => {
    const { token } = mintToken();
    expect(carriesApiToken(`Bearer ${token}`)).toBe(true);
    // A visitor token is 43 base64url characters; one may begin with "fdk_".
    expect(carriesApiToken(`Bearer fdk_${'a'.repeat(39)}`)).toBe(false);
    for (const other of [undefined, '', token, `Basic ${token}`, `Bearer  ${token}`, `Bearer ${token} x`])
      expect(carriesApiToken(other), String(other)).toBe(false);
  });
});
