/**
 * In-memory contacts for component tests (issue 12), with the server's rules where the console relies
 * on them: site access (another site's contact is `not_found`), patches validated by the shared
 * schema and written to the timeline, last-seen order with cursor pages, search by name, e-mail and
 * attribute value, the two-step erasure, the identity secret.
 */
import {
  type AckResult,
  type AgentProfile,
  attributeText,
  CONTACT_API,
  type Contact,
  type ContactActor,
  type ContactChange,
  type ContactTimelineEntry,
  type ErrorCode,
  type IdentitySettings,
  type PrivacySettings,
} from '@frontdesk/shared';
import {
  ContactNoteSchema,
  ContactPatchSchema,
  PrivacySettingsSchema,
} from '@frontdesk/shared/contacts-schemas';
import * as v from 'valibot';
import type { ContactsApi } from '../contacts/api.ts';

const fail = <T>(code: ErrorCode): AckResult<T> => ({ ok: false, error: { code, message: code } });
const ok = <T>(data: T): AckResult<T> => ({ ok: true, data });

export function contact(id: string, patch: Partial<Contact> = {}): Contact {
  return {
    id,
    siteId: 'site1',
    name: null,
    email: null,
    identity: 'anonymous',
    userId: null,
    location: 'Warsaw, Europe',
    tags: [],
    firstSeenAt: '2026-11-01T09:00:00.000Z',
    lastSeenAt: '2026-12-01T09:00:00.000Z',
    conversationCount: 0,
    erased: false,
    phone: null,
    locale: 'pl',
    timeZone: 'Europe/Warsaw',
    browser: 'Firefox 128',
    os: 'Windows 10',
    attributes: [],
    notes: [],
    trail: [],
    conversations: [],
    ...patch,
  };
}

export type ContactsSeed = {
  contacts?: Contact[];
  identity?: Record<string, IdentitySettings>;
  privacy?: Record<string, PrivacySettings>;
  pageSize?: number;
};

export type MemoryContactsApi = ContactsApi & {
  contacts: Map<string, Contact>;
  timeline: Map<string, ContactTimelineEntry[]>;
  identity: Map<string, IdentitySettings>;
  /** Issue 12: each site's retention period as saved. */
  privacy: Map<string, PrivacySettings>;
  /** Every call's query, for paging assertions. */
  queries: { siteId: string; q?: string; tag?: string; cursor?: string }[];
};

export function createMemoryContactsApi(agent: AgentProfile, seed: ContactsSeed = {}): MemoryContactsApi {
  const contacts = new Map((seed.contacts ?? []).map((c) => [c.id, structuredClone(c)]));
  const timeline = new Map<string, ContactTimelineEntry[]>();
  const identity = new Map(Object.entries(seed.identity ?? {}));
  const privacy = new Map(Object.entries(seed.privacy ?? {}));
  const confirmations = new Map<string, string>();
  const pageSize = seed.pageSize ?? 50;
  const actor: ContactActor = { type: 'agent', id: agent.id, name: agent.name };
  let counter = 0;
  const next = (prefix: string) => `${prefix}${++counter}`;
  const mySite = (siteId: string) => agent.role === 'admin' || agent.sites.some((s) => s.id === siteId);
  const find = (siteId: string, contactId: string) => {
    const found = contacts.get(contactId);
    return found && found.siteId === siteId && mySite(siteId) ? found : null;
  };
  const record = (contactId: string, change: ContactChange) =>
    timeline.set(contactId, [
      { id: next('e'), at: new Date().toISOString(), actor, change },
      ...(timeline.get(contactId) ?? []),
    ]);
  const matches = (c: Contact, q: string | undefined, tag: string | undefined) => {
    if (tag && !c.tags.includes(tag)) return false;
    if (!q) return true;
    const needle = q.toLowerCase();
    const [key, value] = needle.includes(':') ? needle.split(':', 2) : [null, needle];
    if (key)
      return c.attributes.some(
        (a) =>
          a.key.toLowerCase() === key &&
          attributeText(a)
            .toLowerCase()
            .includes(value ?? ''),
      );
    return [c.name, c.email, ...c.attributes.map(attributeText)].some((s) =>
      s?.toLowerCase().includes(needle),
    );
  };
  const api: MemoryContactsApi = {
    contacts,
    timeline,
    identity,
    privacy,
    queries: [],
    async listContacts(siteId, query) {
      api.queries.push({ siteId, ...query });
      if (!mySite(siteId)) return fail('not_found');
      const all = [...contacts.values()]
        .filter((c) => c.siteId === siteId && matches(c, query.q, query.tag))
        .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt) || b.id.localeCompare(a.id));
      const start = query.cursor ? Number(query.cursor.slice(1)) : 0;
      const items = all.slice(start, start + pageSize).map((c) => {
        const { phone, locale, timeZone, browser, os, attributes, notes, trail, conversations, ...summary } =
          c;
        return structuredClone(summary);
      });
      const end = start + pageSize;
      return ok({ items, nextCursor: end < all.length ? `o${end}` : null });
    },
    async getContact(siteId, contactId) {
      const found = find(siteId, contactId);
      return found ? ok(structuredClone(found)) : fail('not_found');
    },
    async patchContact(siteId, contactId, patch) {
      const found = find(siteId, contactId);
      if (!found || found.erased) return fail('not_found');
      const parsed = v.safeParse(ContactPatchSchema, patch);
      if (!parsed.success) return fail('bad_request');
      const input = parsed.output;
      for (const field of ['name', 'email', 'phone'] as const) {
        const value = input[field];
        if (value === undefined || value === found[field]) continue;
        record(contactId, { kind: 'field', field, from: found[field], to: value });
        found[field] = value;
      }
      for (const [key, value] of Object.entries(input.attributes?.set ?? {})) {
        const before = found.attributes.find((a) => a.key === key);
        record(contactId, {
          kind: 'attribute',
          key,
          from: before ? attributeText(before) : null,
          to: attributeText(value),
        });
        found.attributes = [...found.attributes.filter((a) => a.key !== key), { key, ...value }];
      }
      for (const key of input.attributes?.remove ?? []) {
        const before = found.attributes.find((a) => a.key === key);
        if (!before) continue;
        record(contactId, { kind: 'attribute', key, from: attributeText(before), to: null });
        found.attributes = found.attributes.filter((a) => a.key !== key);
      }
      for (const tag of input.tags?.add ?? []) {
        if (found.tags.includes(tag)) continue;
        found.tags = [...found.tags, tag];
        record(contactId, { kind: 'tag_added', tag });
      }
      for (const tag of input.tags?.remove ?? []) {
        if (!found.tags.includes(tag)) continue;
        found.tags = found.tags.filter((t) => t !== tag);
        record(contactId, { kind: 'tag_removed', tag });
      }
      return ok(structuredClone(found));
    },
    async addContactNote(siteId, contactId, input) {
      const found = find(siteId, contactId);
      if (!found || found.erased) return fail('not_found');
      const parsed = v.safeParse(ContactNoteSchema, input);
      if (!parsed.success) return fail('bad_request');
      const note = {
        id: next('n'),
        body: parsed.output.body,
        authorId: agent.id,
        authorName: agent.name,
        createdAt: new Date().toISOString(),
      };
      found.notes = [...found.notes, note];
      record(contactId, { kind: 'note_added', noteId: note.id });
      return ok(structuredClone(note));
    },
    async contactTimeline(siteId, contactId, cursor) {
      if (!find(siteId, contactId)) return fail('not_found');
      const all = timeline.get(contactId) ?? [];
      const start = cursor ? Number(cursor.slice(1)) : 0;
      const end = start + pageSize;
      return ok({ items: all.slice(start, end), nextCursor: end < all.length ? `o${end}` : null });
    },
    contactExportUrl: (siteId, contactId) => CONTACT_API.contactExport(siteId, contactId),
    contactExportZipUrl: (siteId, contactId) => CONTACT_API.contactExportZip(siteId, contactId),
    async confirmErase(siteId, contactId) {
      if (!find(siteId, contactId)) return fail('not_found');
      const confirmation = next('erase-');
      confirmations.set(confirmation, contactId);
      return ok({ confirmation, expiresAt: new Date(Date.now() + 300_000).toISOString() });
    },
    async eraseContact(siteId, contactId, confirmation) {
      const found = find(siteId, contactId);
      if (!found) return fail('not_found');
      if (confirmations.get(confirmation) !== contactId) return fail('confirmation_invalid');
      confirmations.delete(confirmation);
      Object.assign(found, {
        name: null,
        email: null,
        phone: null,
        attributes: [],
        notes: [],
        trail: [],
        tags: [],
        erased: true,
      });
      record(contactId, { kind: 'erased' });
      return ok({
        erasedAt: new Date().toISOString(),
        conversations: found.conversations.length,
        messages: 7,
      });
    },
    async getIdentitySettings(siteId) {
      if (agent.role !== 'admin') return fail('forbidden');
      return ok(identity.get(siteId) ?? { secret: null, rotatedAt: null });
    },
    async rotateIdentitySecret(siteId) {
      if (agent.role !== 'admin') return fail('forbidden');
      const settings = { secret: `secret-${next('')}-${siteId}`, rotatedAt: new Date().toISOString() };
      identity.set(siteId, settings);
      return ok(settings);
    },
    async removeIdentitySecret(siteId) {
      if (agent.role !== 'admin') return fail('forbidden');
      const settings = { secret: null, rotatedAt: null };
      identity.set(siteId, settings);
      return ok(settings);
    },
    async getPrivacySettings(siteId) {
      return ok(privacy.get(siteId) ?? { retentionMonths: null });
    },
    async setPrivacySettings(siteId, settings) {
      if (agent.role !== 'admin') return fail('forbidden');
      // The server's schema, so the console's own check is tested against the real rule.
      const parsed = v.safeParse(PrivacySettingsSchema, settings);
      if (!parsed.success) return fail('bad_request');
      privacy.set(siteId, parsed.output);
      return ok(parsed.output);
    },
  };
  return api;
}
