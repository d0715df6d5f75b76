import { describe, expect, it } from 'vitest';
import { handshakeOrigin } from './origin.ts';

describe('handshakeOrigin', () => {
  it('prefers the Origin header', () => {
    expect(handshakeOrigin({ origin: 'https://shop.example', host: 'chat.example' }, true)).toBe(
      'https://shop.example',
    );
  });
  it('derives the origin of a same-origin request from Host', () => {
    expect(handshakeOrigin({ host: 'localhost:3000', 'sec-fetch-site': 'same-origin' }, false)).toBe(
      'http://localhost:3000',
    );
  });
  it('has no origin for a cross-site or unmarked request without Origin', () => {
    expect(
      handshakeOrigin({ host: 'localhost:3000', 'sec-fetch-site': 'cross-site' }, false),
    ).toBeUndefined();
    expect(handshakeOrigin({ host: 'localhost:3000' }, false)).toBeUndefined();
  });
});
