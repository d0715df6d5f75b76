/**
 * Contacts over HTTP (issue 12): the list with search, tag and cursor, one contact, its edits, notes
 * and timeline, the two-step erasure, and the site's identity secret. Every reply is read through a
 * schema from `@frontdesk/shared/contacts-responses`.
 */
import {
  type AckResult,
  CONTACT_API,
  type Contact,
  type ContactNote,
  type ContactSummary,
  type ContactTimelineEntry,
  type EraseConfirmation,
  type EraseResult,
  type IdentitySettings,
  type Page,
  type PrivacySettings,
} from '@frontdesk/shared';
import {
  ContactNoteSchema,
  ContactPageSchema,
  ContactSchema,
  ContactTimelinePageSchema,
  EraseConfirmationSchema,
  EraseResultSchema,
  IdentitySettingsSchema,
  PrivacySettingsResponseSchema,
} from '@frontdesk/shared/contacts-responses';
import type { ContactNoteInput, ContactPatchInput } from '@frontdesk/shared/contacts-schemas';
import { parseWith } from '@frontdesk/shared/responses';
import type { Http } from '../shared/http.ts';

/** The Contacts page's question: text (name, e-mail, attribute value, `key:value`), one tag, a page. */
export type ContactQuery = { q?: string; tag?: string; cursor?: string; limit?: number };

export type ContactsApi = {
  listContacts(siteId: string, query: ContactQuery): Promise<AckResult<Page<ContactSummary>>>;
  getContact(siteId: string, contactId: string): Promise<AckResult<Contact>>;
  patchContact(siteId: string, contactId: string, patch: ContactPatchInput): Promise<AckResult<Contact>>;
  addContactNote(siteId: string, contactId: string, note: ContactNoteInput): Promise<AckResult<ContactNote>>;
  contactTimeline(
    siteId: string,
    contactId: string,
    cursor: string | null,
  ): Promise<AckResult<Page<ContactTimelineEntry>>>;
  /** Where the browser downloads the export (a same-origin GET with the session cookie). */
  contactExportUrl(siteId: string, contactId: string): string;
  /** The same with the contact's files: a ZIP of `contact.json` and `files/…`. */
  contactExportZipUrl(siteId: string, contactId: string): string;
  /** The first "yes": a short-lived token the second one must bring. */
  confirmErase(siteId: string, contactId: string): Promise<AckResult<EraseConfirmation>>;
  eraseContact(siteId: string, contactId: string, confirmation: string): Promise<AckResult<EraseResult>>;
  getIdentitySettings(siteId: string): Promise<AckResult<IdentitySettings>>;
  rotateIdentitySecret(siteId: string): Promise<AckResult<IdentitySettings>>;
  removeIdentitySecret(siteId: string): Promise<AckResult<IdentitySettings>>;
  /** The site's retention period (admins change it). */
  getPrivacySettings(siteId: string): Promise<AckResult<PrivacySettings>>;
  setPrivacySettings(siteId: string, settings: PrivacySettings): Promise<AckResult<PrivacySettings>>;
};

const readPage = parseWith(ContactPageSchema);
const readContact = parseWith(ContactSchema);
const readNote = parseWith(ContactNoteSchema);
const readTimeline = parseWith(ContactTimelinePageSchema);
const readConfirmation = parseWith(EraseConfirmationSchema);
const readErased = parseWith(EraseResultSchema);
const readIdentity = parseWith(IdentitySettingsSchema);
const readPrivacy = parseWith(PrivacySettingsResponseSchema);

/** `?q=…&tag=…` with the empty parts left out. */
export function contactQueryString(query: ContactQuery): string {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.tag?.trim()) params.set('tag', query.tag.trim());
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit) params.set('limit', String(query.limit));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const createContactsApi = (http: Http): ContactsApi => ({
  listContacts: (siteId, query) =>
    http.get(CONTACT_API.contacts(siteId) + contactQueryString(query), readPage),
  getContact: (siteId, contactId) => http.get(CONTACT_API.contact(siteId, contactId), readContact),
  patchContact: (siteId, contactId, patch) =>
    http.send('PATCH', CONTACT_API.contact(siteId, contactId), patch, readContact),
  addContactNote: (siteId, contactId, note) =>
    http.send('POST', CONTACT_API.contactNotes(siteId, contactId), note, readNote),
  contactTimeline(siteId, contactId, cursor) {
    const query = cursor ? `?${new URLSearchParams({ cursor })}` : '';
    return http.get(CONTACT_API.contactTimeline(siteId, contactId) + query, readTimeline);
  },
  contactExportUrl: (siteId, contactId) => CONTACT_API.contactExport(siteId, contactId),
  contactExportZipUrl: (siteId, contactId) => CONTACT_API.contactExportZip(siteId, contactId),
  confirmErase: (siteId, contactId) =>
    http.send('POST', CONTACT_API.contactEraseConfirmation(siteId, contactId), {}, readConfirmation),
  eraseContact: (siteId, contactId, confirmation) =>
    http.send('POST', CONTACT_API.contactErase(siteId, contactId), { confirmation }, readErased),
  getIdentitySettings: (siteId) => http.get(CONTACT_API.identitySettings(siteId), readIdentity),
  rotateIdentitySecret: (siteId) =>
    http.send('POST', CONTACT_API.identitySecretRotate(siteId), {}, readIdentity),
  removeIdentitySecret: (siteId) =>
    http.send('DELETE', CONTACT_API.identitySettings(siteId), undefined, readIdentity),
  getPrivacySettings: (siteId) => http.get(CONTACT_API.privacySettings(siteId), readPrivacy),
  setPrivacySettings: (siteId, settings) =>
    http.send('PUT', CONTACT_API.privacySettings(siteId), settings, readPrivacy),
});
