/**
 * What an identify does (issue 12), decided from facts only: pure, tested without sockets.
 *
 * - The site has a secret: a missing or wrong hash is refused; the visitor stays as it was (A5).
 * - A right hash: the visitor becomes the customer's verified contact — its own record when the
 *   customer has none yet, else it is merged into the customer's existing one.
 * - No secret: the claim is recorded as unverified on the visitor's own record and never merged,
 *   so a claimed id gives no access to anyone's history.
 * - A visitor already verified as another user is refused: the page must log out first.
 */
import type { IdentityState } from '@frontdesk/shared';

export type IdentifyFacts = {
  current: { id: string; identity: IdentityState; userId: string | null; erased: boolean };
  secretSet: boolean;
  /** Only meaningful with a secret: the hash is the HMAC of the claimed user id. */
  hashValid: boolean;
  claimedUserId: string;
  /** The customer's verified contact on this site, if there is one. */
  existing: { id: string } | null;
};

export type IdentifyDecision =
  | { action: 'refuse'; reason: 'missing_or_wrong_hash' | 'other_user' | 'erased' }
  | { action: 'mark_unverified' }
  | { action: 'verify_self' }
  | { action: 'already_verified' }
  | { action: 'merge_into'; intoId: string };

export function decideIdentify(facts: IdentifyFacts): IdentifyDecision {
  const { current } = facts;
  if (current.erased) return { action: 'refuse', reason: 'erased' };
  if (facts.secretSet && !facts.hashValid) return { action: 'refuse', reason: 'missing_or_wrong_hash' };
  if (current.identity === 'verified' && current.userId !== facts.claimedUserId)
    return { action: 'refuse', reason: 'other_user' };
  if (!facts.secretSet) return { action: 'mark_unverified' };
  if (current.identity === 'verified') return { action: 'already_verified' };
  if (facts.existing && facts.existing.id !== current.id)
    return { action: 'merge_into', intoId: facts.existing.id };
  return { action: 'verify_self' };
}
