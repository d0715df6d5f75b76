/**
 * The first confirmation of an erasure (issue 12): a short-lived token bound to the site, the
 * contact and the agent, signed with a key derived from the server secret. The second request must
 * carry it back, so an erase is always two deliberate steps and never a replayed or forged one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CONTACT_LIMITS, type EraseConfirmation } from '@frontdesk/shared';

export class EraseConfirmations {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly clock: () => Date,
  ) {
    this.key = createHmac('sha256', secret).update('frontdesk:contacts:erase').digest();
  }

  private sign(subject: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${subject}.${expires}`).digest('base64url');
  }

  issue(siteId: string, contactId: string, agentId: string): EraseConfirmation {
    const expires = this.clock().getTime() + CONTACT_LIMITS.eraseConfirmationTtlMs;
    const subject = `${siteId}.${contactId}.${agentId}`;
    return {
      confirmation: `${expires}.${this.sign(subject, expires)}`,
      expiresAt: new Date(expires).toISOString(),
    };
  }

  /** True for a token issued for this site, contact and agent that has not expired. */
  check(token: string, siteId: string, contactId: string, agentId: string): boolean {
    const [expiresText, signature, ...rest] = token.split('.');
    if (!expiresText || !signature || rest.length > 0 || !/^\d{1,15}$/.test(expiresText)) return false;
    const expires = Number(expiresText);
    if (expires < this.clock().getTime()) return false;
    const expected = Buffer.from(this.sign(`${siteId}.${contactId}.${agentId}`, expires));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
