/**
 * The console's side of contacts (issue 12): list and search, the record, edits with a timeline,
 * notes, the two-step erasure (the exports are `export.ts`). Every call takes a site the agent was checked against
 * (`siteAccess`); a contact of another site is "not found" like a missing one (A2).
 */
import {
  ATTRIBUTE_KEY_PATTERN,
  CONTACT_LIMITS,
  type Contact,
  type ContactActor,
  type ContactChange,
  type ContactNote,
  type ContactSummary,
  type ContactTimelineEntry,
  type EraseConfirmation,
  type EraseResult,
  isLocale,
  type Page,
} from '@frontdesk/shared';
import type {
  ContactCreateInput,
  ContactListQuery,
  ContactPatchInput,
} from '@frontdesk/shared/contacts-schemas';
import { SERVER_CATALOGS } from '@frontdesk/shared/i18n';
import type { AgentContext } from '../identity/context.ts';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Site } from '../sites/store.ts';
import { decideApiContact } from './api-contact-rules.ts';
import type { EraseConfirmations } from './erase-confirmation.ts';
import { applyProfile } from './profile.ts';
import type { ContactRecord, ContactsStore } from './store.ts';
import { decodeCursor, encodeCursor, loadContact, toSummary } from './views.ts';

type Deps = {
  store: ContactsStore;
  confirmations: EraseConfirmations;
  logger: Logger;
  clock: () => Date;
  changed: (siteId: string, contactId: string) => void;
  /** Ends the sockets of an erased contact's devices. */
  endVisitorSessions: (contactId: string) => void;
  /** Issue 13: removes the files of erased attachments (after the rows went). */
  removeFiles: (keys: readonly string[]) => Promise<void>;
};

const cursorOf = (cursor: string | undefined) => {
  if (cursor === undefined) return undefined;
  const at = decodeCursor(cursor);
  if (!at) throw new AppError('bad_request', 'unknown cursor');
  return at;
};

/** `key:value` searches one attribute; anything else searches name, e-mail, phone and user id. */
function searchOf(q: string | undefined) {
  const text = q?.trim().toLowerCase();
  if (!text) return {};
  const colon = text.indexOf(':');
  const key = colon > 0 ? q?.trim().slice(0, colon) : undefined;
  if (key && ATTRIBUTE_KEY_PATTERN.test(key))
    return { attribute: { key, text: text.slice(colon + 1).trim() } };
  return { text };
}

export class AgentContacts {
  constructor(private readonly deps: Deps) {}

  private async record(site: Site, contactId: string) {
    const record = await this.deps.store.getContact(site.id, contactId);
    if (!record) throw new AppError('not_found', 'contact not found');
    return record;
  }

  async list(site: Site, query: ContactListQuery): Promise<Page<ContactSummary>> {
    const limit = query.limit ?? CONTACT_LIMITS.pageSizeDefault;
    const after = cursorOf(query.cursor);
    const rows = await this.deps.store.listContacts({
      siteId: site.id,
      ...searchOf(query.q),
      ...(query.tag && { tag: query.tag }),
      ...(after && { after: { lastSeenAt: after.at, id: after.id } }),
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toSummary),
      nextCursor: rows.length > limit && last ? encodeCursor(last.lastSeenAt, last.id) : null,
    };
  }

  async get(site: Site, contactId: string): Promise<Contact> {
    return loadContact(this.deps.store, await this.record(site, contactId));
  }

  patch(site: Site, ctx: AgentContext, contactId: string, patch: ContactPatchInput): Promise<Contact> {
    return this.patchBy(site, { type: 'agent', id: ctx.agent.id, name: ctx.agent.name }, contactId, patch);
  }

  /** Issue 15: the same change by another actor (the public API writes as its token). */
  async patchBy(
    site: Site,
    actor: ContactActor,
    contactId: string,
    patch: ContactPatchInput,
  ): Promise<Contact> {
    const record = await this.record(site, contactId);
    const changes = await this.applyPatch(record, actor, patch);
    if (changes.length > 0) this.deps.changed(site.id, record.id);
    return this.get(site, record.id);
  }

  /**
   * Issue 15: a contact from the site's own systems (`POST /api/v1/contacts`), found again by user id
   * or e-mail as `decideApiContact` says, else created; every change on its timeline by `actor`.
   */
  async upsertBy(
    site: Site,
    actor: ContactActor,
    input: ContactCreateInput,
  ): Promise<{ contact: Contact; created: boolean }> {
    const { store } = this.deps;
    const userId = input.userId ?? null;
    const email = input.email ?? null;
    const byUserId = userId === null ? null : await store.findVerifiedContact(site.id, userId);
    const byEmail = email === null || byUserId ? [] : await store.findContactsByEmail(site.id, email);
    const decision = decideApiContact({ userId, email, byUserId, byEmail });
    if (decision.action === 'refuse')
      throw new AppError('bad_request', 'a contact needs a userId or an email to be found again');
    const at = this.deps.clock().toISOString();
    const created = decision.action === 'create';
    const record =
      decision.action === 'create'
        ? await store.createContact(site.id, { identity: 'verified', userId, at })
        : await this.record(site, decision.id);
    const newUserId = created ? userId : decision.action === 'update' ? decision.setUserId : null;
    if (decision.action === 'update' && decision.setUserId !== null)
      await store.updateContactFields(record.id, { userId: decision.setUserId });
    if (newUserId !== null)
      await store.addTimeline(site.id, record.id, [
        { at, actor, change: { kind: 'identified', identity: 'verified', userId: newUserId } },
      ]);
    const changes = await this.applyPatch(record, actor, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.attributes && { attributes: { set: input.attributes } }),
      ...(input.tags && { tags: { add: input.tags } }),
    });
    if (created || newUserId !== null || changes.length > 0) this.deps.changed(site.id, record.id);
    return { contact: await this.get(site, record.id), created };
  }

  private async applyPatch(
    record: ContactRecord,
    actor: ContactActor,
    patch: ContactPatchInput,
  ): Promise<ContactChange[]> {
    if (record.erasedAt) throw new AppError('invalid_state', 'this contact was erased');
    const changes = await applyProfile(
      this.deps.store,
      record,
      {
        fields: {
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.email !== undefined && { email: patch.email }),
          ...(patch.phone !== undefined && { phone: patch.phone }),
        },
        setAttributes: Object.entries(patch.attributes?.set ?? {}).map(([key, value]) => ({ key, ...value })),
        removeAttributes: patch.attributes?.remove ?? [],
        addTags: patch.tags?.add ?? [],
        removeTags: patch.tags?.remove ?? [],
      },
      actor,
      this.deps.clock().toISOString(),
    );
    const tags = await this.deps.store.listTags(record.id);
    if (tags.length > CONTACT_LIMITS.tagsMax) {
      // Over the cap after adding: undo the additions that did not fit (the newest ones).
      const added = changes.flatMap((c) => (c.kind === 'tag_added' ? [c.tag] : []));
      await this.deps.store.removeTags(record.id, added.slice(-(tags.length - CONTACT_LIMITS.tagsMax)));
      throw new AppError('bad_request', `a contact has at most ${CONTACT_LIMITS.tagsMax} tags`);
    }
    return changes;
  }

  async addNote(site: Site, ctx: AgentContext, contactId: string, body: string): Promise<ContactNote> {
    const record = await this.record(site, contactId);
    if (record.erasedAt) throw new AppError('invalid_state', 'this contact was erased');
    const note = await this.deps.store.addNote(record.id, {
      body,
      authorId: ctx.agent.id,
      authorName: ctx.agent.name,
    });
    await this.deps.store.addTimeline(site.id, record.id, [
      {
        at: note.createdAt,
        actor: { type: 'agent', id: ctx.agent.id, name: ctx.agent.name },
        change: { kind: 'note_added', noteId: note.id },
      },
    ]);
    this.deps.changed(site.id, record.id);
    return note;
  }

  async timeline(
    site: Site,
    contactId: string,
    cursor: string | undefined,
  ): Promise<Page<ContactTimelineEntry>> {
    const record = await this.record(site, contactId);
    const before = cursorOf(cursor) ?? null;
    const size = CONTACT_LIMITS.timelinePageSize;
    const rows = await this.deps.store.listTimeline(record.id, before, size + 1);
    const items = rows.slice(0, size);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > size && last ? encodeCursor(last.at, last.id) : null };
  }

  async eraseConfirmation(site: Site, ctx: AgentContext, contactId: string): Promise<EraseConfirmation> {
    const record = await this.record(site, contactId);
    if (record.erasedAt) throw new AppError('invalid_state', 'this contact was already erased');
    return this.deps.confirmations.issue(site.id, record.id, ctx.agent.id);
  }

  async erase(site: Site, ctx: AgentContext, contactId: string, confirmation: string): Promise<EraseResult> {
    const record = await this.record(site, contactId);
    if (record.erasedAt) throw new AppError('invalid_state', 'this contact was already erased');
    if (!this.deps.confirmations.check(confirmation, site.id, record.id, ctx.agent.id))
      throw new AppError('confirmation_invalid', 'confirm the erasure again');
    // Each conversation's own language; failing that the contact's, then the site's.
    const fallback = isLocale(record.locale) ? record.locale : (site.settings.defaultLocale ?? 'en');
    const erasedAt = this.deps.clock().toISOString();
    const { files, ...counts } = await this.deps.store.eraseContact(
      record.id,
      (locale) => SERVER_CATALOGS[isLocale(locale) ? locale : fallback].messageRedacted,
      erasedAt,
    );
    await this.deps.removeFiles(files);
    await this.deps.store.addPrivacyAudit({
      siteId: site.id,
      kind: 'erase',
      visitorId: record.id,
      agentId: ctx.agent.id,
      ...counts,
      at: erasedAt,
    });
    this.deps.logger.info(
      { siteId: site.id, contactId: record.id, agentId: ctx.agent.id, ...counts },
      'contact erased',
    );
    this.deps.endVisitorSessions(record.id);
    this.deps.changed(site.id, record.id);
    return { erasedAt, ...counts };
  }
}
