/** Issue 15: which contact `POST /api/v1/contacts` writes to — by user id, else by a proven e-mail, else a new one. */
import { describe, expect, it } from 'vitest';
import { type ApiContactCandidate, decideApiContact } from './api-contact-rules.ts';

const verified = (id: string, userId: string | null = null): ApiContactCandidate => ({
  id,
  identity: 'verified',
  userId,
});
const typedInForm = (id: string): ApiContactCandidate => ({ id, identity: 'anonymous', userId: null });
const claimed = (id: string, userId: string): ApiContactCandidate => ({ id, identity: 'unverified', userId });

describe('decideApiContact', () => {
  it('needs a user id or an e-mail to find the contact again', () => {
    expect(decideApiContact({ userId: null, email: null, byUserId: null, byEmail: [] })).toEqual({
      action: 'refuse',
    });
  });

  it("a user id finds the customer's verified contact, as identify does (an e-mail match does not matter)", () => {
    expect(
      decideApiContact({
        userId: 'u1',
        email: 'a@example.com',
        byUserId: verified('c1', 'u1'),
        byEmail: [verified('c2')],
      }),
    ).toEqual({ action: 'update', id: 'c1', setUserId: null });
  });

  it('a new user id takes over a verified contact made from the same e-mail alone, never one with another user id', () => {
    expect(
      decideApiContact({ userId: 'u2', email: 'a@example.com', byUserId: null, byEmail: [verified('c3')] }),
    ).toEqual({ action: 'update', id: 'c3', setUserId: 'u2' });
    expect(
      decideApiContact({
        userId: 'u2',
        email: 'a@example.com',
        byUserId: null,
        byEmail: [verified('c4', 'u9')],
      }),
    ).toEqual({ action: 'create' });
    expect(decideApiContact({ userId: 'u2', email: null, byUserId: null, byEmail: [] })).toEqual({
      action: 'create',
    });
  });

  it('an e-mail alone finds the most recently seen verified contact with it', () => {
    expect(
      decideApiContact({
        userId: null,
        email: 'a@example.com',
        byUserId: null,
        byEmail: [typedInForm('c5'), verified('c6', 'u1'), verified('c7')],
      }),
    ).toEqual({ action: 'update', id: 'c6', setUserId: null });
  });

  it('A5 an e-mail typed by a visitor, or claimed without the HMAC, proves nothing: never matched', () => {
    for (const userId of [null, 'u3'])
      expect(
        decideApiContact({
          userId,
          email: 'victim@example.com',
          byUserId: null,
          byEmail: [typedInForm('c8'), claimed('c9', 'u3')],
        }),
      ).toEqual({ action: 'create' });
  });
});
