/**
 * Which contact a `POST /api/v1/contacts` writes to (issue 15), decided from facts only: pure,
 * tested without storage. The caller is the site's own back end (an API token), as trusted as the
 * identify HMAC, so its contacts are `verified`; it never takes over a record on an unproven claim:
 *
 * - With a `userId`: the customer's verified contact of that user id (as identify finds it); else a
 *   verified contact with that e-mail and no user id yet (made by the API from the e-mail alone),
 *   which gets the user id; else a new verified contact.
 * - With only an `email`: the most recently seen verified contact with that e-mail; else a new one.
 * - An e-mail a visitor typed into a form (an anonymous or unverified contact) proves nothing and is
 *   never matched — the same rule that keeps identify from merging an unverified claim.
 */
import type { IdentityState } from '@frontdesk/shared';

export type ApiContactCandidate = { id: string; identity: IdentityState; userId: string | null };

export type ApiContactFacts = {
  userId: string | null;
  email: string | null;
  /** The verified contact of `userId` on the site (`findVerifiedContact`). */
  byUserId: ApiContactCandidate | null;
  /** The site's contacts with `email`, last seen first (`findContactsByEmail`). */
  byEmail: readonly ApiContactCandidate[];
};

export type ApiContactDecision =
  | { action: 'refuse' }
  | { action: 'update'; id: string; setUserId: string | null }
  | { action: 'create' };

export function decideApiContact(facts: ApiContactFacts): ApiContactDecision {
  if (facts.userId === null && facts.email === null) return { action: 'refuse' };
  if (facts.byUserId) return { action: 'update', id: facts.byUserId.id, setUserId: null };
  const verified = facts.byEmail.filter((c) => c.identity === 'verified');
  if (facts.userId !== null) {
    const unclaimed = verified.find((c) => c.userId === null);
    return unclaimed ? { action: 'update', id: unclaimed.id, setUserId: facts.userId } : { action: 'create' };
  }
  const match = verified[0];
  return match ? { action: 'update', id: match.id, setUserId: null } : { action: 'create' };
}
