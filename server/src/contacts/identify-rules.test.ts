import { describe, expect, it } from 'vitest';
import { decideIdentify, type IdentifyFacts } from './identify-rules.ts';

const anonymous = { id: 'v1', identity: 'anonymous' as const, userId: null, erased: false };
const facts = (over: Partial<IdentifyFacts>): IdentifyFacts => ({
  current: anonymous,
  secretSet: true,
  hashValid: true,
  claimedUserId: 'u-1',
  existing: null,
  ...over,
});

describe('identify rules (merge rules)', () => {
  it('A5 with a secret, a missing or wrong hash is refused, even when the customer exists', () => {
    expect(decideIdentify(facts({ hashValid: false }))).toEqual({
      action: 'refuse',
      reason: 'missing_or_wrong_hash',
    });
    expect(decideIdentify(facts({ hashValid: false, existing: { id: 'c1' } }))).toEqual({
      action: 'refuse',
      reason: 'missing_or_wrong_hash',
    });
  });

  it('a right hash merges an anonymous visitor into the customer’s contact, or verifies its own record', () => {
    expect(decideIdentify(facts({ existing: { id: 'c1' } }))).toEqual({ action: 'merge_into', intoId: 'c1' });
    expect(decideIdentify(facts({}))).toEqual({ action: 'verify_self' });
    expect(decideIdentify(facts({ existing: { id: 'v1' } }))).toEqual({ action: 'verify_self' });
  });

  it('a visitor verified as this user stays; as another user it is refused (log out first)', () => {
    const verified = { ...anonymous, identity: 'verified' as const, userId: 'u-1' };
    expect(decideIdentify(facts({ current: verified, existing: { id: 'v1' } }))).toEqual({
      action: 'already_verified',
    });
    expect(decideIdentify(facts({ current: verified, claimedUserId: 'u-2' }))).toEqual({
      action: 'refuse',
      reason: 'other_user',
    });
  });

  it('A5 without a secret the claim is unverified and never merged into anyone', () => {
    expect(decideIdentify(facts({ secretSet: false, hashValid: false, existing: { id: 'c1' } }))).toEqual({
      action: 'mark_unverified',
    });
    const unverified = { ...anonymous, identity: 'unverified' as const, userId: 'u-9' };
    expect(decideIdentify(facts({ secretSet: false, current: unverified }))).toEqual({
      action: 'mark_unverified',
    });
  });

  it('an unverified visitor can still prove who they are once the site has a secret', () => {
    const unverified = { ...anonymous, identity: 'unverified' as const, userId: 'u-1' };
    expect(decideIdentify(facts({ current: unverified, existing: { id: 'c1' } }))).toEqual({
      action: 'merge_into',
      intoId: 'c1',
    });
  });

  it('an erased contact can never be identified again', () => {
    expect(decideIdentify(facts({ current: { ...anonymous, erased: true } }))).toEqual({
      action: 'refuse',
      reason: 'erased',
    });
  });
});
