/**
 * The visitor's side of contacts (issue 12): identify (verified by the site's HMAC, merged into the
 * customer's contact), logout, "delete my chat history", and what each session and page view adds
 * to the record (time zone, browser and system, the page trail).
 */
import { CONTACT_LIMITS, canonicalTimeZone, type IdentifyResult, inferAttribute } from '@frontdesk/shared';
import type { IdentifyInput } from '@frontdesk/shared/contacts-schemas';
import type { VisitorContext } from '../identity/context.ts';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import type { SitesStore } from '../sites/store.ts';
import { verifyUserHash } from './hmac.ts';
import { decideIdentify } from './identify-rules.ts';
import { applyProfile } from './profile.ts';
import type { ContactsStore } from './store.ts';
import { parseUserAgent } from './user-agent.ts';

type Deps = {
  store: ContactsStore & Pick<SitesStore, 'getSite'>;
  logger: Logger;
  clock: () => Date;
  /** Agents of the site are told the contact changed. */
  changed: (siteId: string, contactId: string) => void;
  /** Issue 13: removes the files of erased attachments (after the rows went). */
  removeFiles: (keys: readonly string[]) => Promise<void>;
};

export class VisitorContacts {
  constructor(private readonly deps: Deps) {}

  private async current(ctx: VisitorContext) {
    const record = await this.deps.store.getContact(ctx.site.id, ctx.visitor.id);
    if (!record) throw new AppError('not_found', 'contact not found');
    return record;
  }

  /** A session started: the browser's time zone (location) and the parsed user agent. */
  async sessionStarted(ctx: VisitorContext, timeZone: string | undefined): Promise<void> {
    const record = await this.current(ctx);
    const zone = timeZone ? canonicalTimeZone(timeZone) : null;
    const agent = parseUserAgent(ctx.visitor.userAgent);
    const patch = {
      ...(zone && zone !== record.timeZone && { timeZone: zone }),
      ...(agent.browser !== record.browser && { browser: agent.browser }),
      ...(agent.os !== record.os && { os: agent.os }),
    };
    if (Object.keys(patch).length > 0) await this.deps.store.updateContactFields(record.id, patch);
  }

  /** A page the visitor saw, added to the bounded trail. */
  async pageSeen(visitorId: string, page: { url: string; title: string }): Promise<void> {
    await this.deps.store.appendTrail(
      visitorId,
      { ...page, at: this.deps.clock().toISOString() },
      CONTACT_LIMITS.trailMax,
    );
  }

  async identify(ctx: VisitorContext, input: IdentifyInput): Promise<IdentifyResult> {
    const { store, logger } = this.deps;
    // The site as stored now: a secret rotated after this socket connected applies at once.
    const site = await store.getSite(ctx.site.id);
    if (!site) throw new AppError('not_found', 'site not found');
    const current = await this.current(ctx);
    const secret = site.settings.identitySecret;
    const hashValid = secret !== null && verifyUserHash(secret, input.userId, input.userHash);
    const existing = hashValid ? await store.findVerifiedContact(site.id, input.userId) : null;
    const decision = decideIdentify({
      current: {
        id: current.id,
        identity: current.identity,
        userId: current.userId,
        erased: current.erasedAt !== null,
      },
      secretSet: secret !== null,
      hashValid,
      claimedUserId: input.userId,
      existing: existing && { id: existing.id },
    });
    if (decision.action === 'refuse') {
      // Logged without the hash or the claimed id's data: an attempt, not a secret.
      logger.warn({ siteId: site.id, visitorId: current.id, reason: decision.reason }, 'identify refused');
      throw new AppError(
        'identity_refused',
        decision.reason === 'other_user'
          ? 'this visitor is signed in as another user: log out first'
          : 'identity not verified',
      );
    }
    const at = this.deps.clock().toISOString();
    let target = current;
    let moved = 0;
    if (decision.action === 'merge_into' && existing) {
      moved = (await store.mergeContacts(site.id, current.id, existing.id)).conversations;
      await store.addTimeline(site.id, existing.id, [
        {
          at,
          actor: { type: 'host_page' },
          change: { kind: 'merged', fromContactId: current.id, conversations: moved },
        },
      ]);
      target = (await store.getContact(site.id, existing.id)) ?? existing;
    }
    const identity = decision.action === 'mark_unverified' ? 'unverified' : 'verified';
    if (target.identity !== identity || target.userId !== input.userId) {
      await store.updateContactFields(target.id, { identity, userId: input.userId });
      await store.addTimeline(site.id, target.id, [
        { at, actor: { type: 'host_page' }, change: { kind: 'identified', identity, userId: input.userId } },
      ]);
    }
    await applyProfile(
      store,
      target,
      {
        fields: {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.email !== undefined && { email: input.email }),
          ...(input.phone !== undefined && { phone: input.phone }),
        },
        setAttributes: Object.entries(input.attributes ?? {}).map(([key, value]) => ({
          key,
          ...inferAttribute(value),
        })),
      },
      { type: 'host_page' },
      at,
    );
    this.deps.changed(site.id, target.id);
    return { identity, reconnect: target.id !== current.id, conversationsMoved: moved };
  }

  /** The leave-a-message form's name and e-mail, by the visitor (a verified identity is never overwritten). */
  async fromForm(ctx: VisitorContext, fields: { name: string; email: string }): Promise<void> {
    const record = await this.current(ctx);
    if (record.identity === 'verified') return;
    await applyProfile(
      this.deps.store,
      record,
      { fields },
      { type: 'visitor' },
      this.deps.clock().toISOString(),
    );
    this.deps.changed(record.siteId, record.id);
  }

  /** Deletes every conversation of the visitor's contact; audited, shown on the timeline. */
  async deleteHistory(ctx: VisitorContext): Promise<{ conversations: number }> {
    const record = await this.current(ctx);
    const { files, ...deleted } = await this.deps.store.deleteContactHistory(record.id);
    await this.deps.removeFiles(files);
    const at = this.deps.clock().toISOString();
    await this.deps.store.addPrivacyAudit({
      siteId: record.siteId,
      kind: 'history',
      visitorId: record.id,
      agentId: null,
      ...deleted,
      at,
    });
    await this.deps.store.addTimeline(record.siteId, record.id, [
      {
        at,
        actor: { type: 'visitor' },
        change: { kind: 'history_deleted', conversations: deleted.conversations },
      },
    ]);
    this.deps.logger.info(
      { siteId: record.siteId, contactId: record.id, ...deleted },
      'visitor deleted their history',
    );
    this.deps.changed(record.siteId, record.id);
    return { conversations: deleted.conversations };
  }

  /** Ends this device's session: its token stops working (other devices of the customer keep theirs). */
  async logout(ctx: VisitorContext, tokenHash: string): Promise<void> {
    await this.deps.store.revokeVisitorToken(ctx.site.id, tokenHash);
  }
}
