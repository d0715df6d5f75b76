import { describe, expect, it } from 'vitest';
import { isClientId, newClientId } from './client-id.ts';

describe('clientId', () => {
  it('matches the protocol pattern and does not repeat', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newClientId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(isClientId(id)).toBe(true);
  });

  it('maps random bytes onto the 64-character alphabet', () => {
    expect(newClientId((bytes) => bytes.fill(0))).toBe('A'.repeat(21));
    expect(newClientId((bytes) => bytes.fill(255))).toBe('-'.repeat(21));
    expect(newClientId((bytes) => bytes.fill(62 + 64))).toBe('_'.repeat(21));
  });

  it('checks the pattern: 8–64 of [A-Za-z0-9_-]', () => {
    expect(isClientId('abcdefgh')).toBe(true);
    expect(isClientId('x'.repeat(64))).toBe(true);
    expect(isClientId('short')).toBe(false);
    expect(isClientId('x'.repeat(65))).toBe(false);
    expect(isClientId('has spaces!')).toBe(false);
    expect(isClientId(12345678)).toBe(false);
  });
});
