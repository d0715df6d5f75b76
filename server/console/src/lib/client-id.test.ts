import { describe, expect, it } from 'vitest';
import { newClientId } from './client-id.ts';

describe('newClientId', () => {
  it('matches the protocol pattern and does not repeat', () => {
    const ids = new Set(Array.from({ length: 50 }, newClientId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
