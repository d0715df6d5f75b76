/** Contacts (issue 12): the records and the storage port of the contact tables (see `contacts-migration.ts`). */
import type {
  AttributeValue,
  ContactActor,
  ContactAttribute,
  ContactChange,
  ContactConversation,
  ContactNote,
  IdentityState,
  PageTrailEntry,
} from '@frontdesk/shared';

/** A contact as stored: the visitor row that is the customer's record (never a merged-away device). */
export type ContactRecord = {
  id: string;
  siteId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  identity: IdentityState;
  userId: string | null;
  locale: string | null;
  timeZone: string | null;
  browser: string | null;
  os: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  erasedAt: string | null;
};

export type ContactSummaryRecord = ContactRecord & { tags: string[]; conversationCount: number };

export type ContactFieldsPatch = Partial<
  Pick<ContactRecord, 'name' | 'email' | 'phone' | 'identity' | 'userId' | 'timeZone' | 'browser' | 'os'>
>;

export type ContactListQuery = {
  siteId: string;
  /** Lower-case text in name, e-mail, phone or user id. */
  text?: string;
  /** One attribute's value contains this (lower case). */
  attribute?: { key: string; text: string };
  tag?: string;
  /** Keyset: contacts seen before this one (last seen first). */
  after?: { lastSeenAt: string; id: string };
  limit: number;
};

export type TimelineRecord = { id: string; at: string; actor: ContactActor; change: ContactChange };

export type ExportedMessage = {
  conversationId: string;
  seq: number;
  author: string;
  authorName: string | null;
  kind: string;
  body: string;
  createdAt: string;
};

/** A file of one of the contact's conversations, with where its bytes are (issue 13). */
export type ContactAttachmentRecord = {
  id: string;
  conversationId: string;
  name: string;
  mime: string;
  size: number;
  author: 'visitor' | 'agent';
  /** The carrying message's author name and number; null for an upload without a message. */
  authorName: string | null;
  messageSeq: number | null;
  fileKey: string;
  createdAt: string;
};

export type ImportedContact = {
  name: string | null;
  email: string | null;
  phone: string | null;
  createdAt: string;
  lastSeenAt: string;
  tags: string[];
  attributes: ({ key: string } & AttributeValue)[];
};

/**
 * What an erasure removed. `files`: the file-store keys of the attachments whose rows went with it
 * (issue 13); the caller removes the bytes after the commit (`Attachments.removeFiles`).
 */
export type ErasedCounts = { conversations: number; messages: number; files: string[] };

/** `export`, `export_zip`: a copy of the contact's data was handed out (who, when, how much). */
export type PrivacyKind = 'erase' | 'history' | 'retention' | 'export' | 'export_zip';
export type PrivacyAuditRecord = {
  siteId: string;
  kind: PrivacyKind;
  visitorId: string | null;
  agentId: string | null;
  conversations: number;
  messages: number;
  at: string;
};

export type ContactsStore = {
  /** The contact with this id on this site; null for another site's, a merged-away device or none. */
  getContact(siteId: string, id: string): Promise<ContactRecord | null>;
  /** Last seen first, keyset paged; merged-away devices are not contacts. */
  listContacts(query: ContactListQuery): Promise<ContactSummaryRecord[]>;
  /** The verified contact of a host page's user id on a site. */
  findVerifiedContact(siteId: string, userId: string): Promise<ContactRecord | null>;
  /** Issue 15: the site's contacts with this e-mail (any case), last seen first; merged and erased ones left out. */
  findContactsByEmail(siteId: string, email: string): Promise<ContactRecord[]>;
  /**
   * Issue 15: a contact with no device (made through the public API): no token opens it. Its fields,
   * attributes and tags are then written with `applyProfile`, on its timeline.
   */
  createContact(
    siteId: string,
    init: { identity: IdentityState; userId: string | null; at: string },
  ): Promise<ContactRecord>;
  updateContactFields(id: string, patch: ContactFieldsPatch): Promise<void>;
  listAttributes(id: string): Promise<ContactAttribute[]>;
  setAttributes(id: string, attributes: readonly ({ key: string } & AttributeValue)[]): Promise<void>;
  removeAttributes(id: string, keys: readonly string[]): Promise<void>;
  listTags(id: string): Promise<string[]>;
  addTags(siteId: string, id: string, tags: readonly string[]): Promise<void>;
  removeTags(id: string, tags: readonly string[]): Promise<void>;
  addNote(id: string, note: Omit<ContactNote, 'id' | 'createdAt'>): Promise<ContactNote>;
  listNotes(id: string): Promise<ContactNote[]>;
  /** Adds a page to the trail and drops the oldest past `max`. */
  appendTrail(id: string, entry: PageTrailEntry, max: number): Promise<void>;
  listTrail(id: string, limit: number): Promise<PageTrailEntry[]>;
  addTimeline(siteId: string, id: string, entries: readonly Omit<TimelineRecord, 'id'>[]): Promise<void>;
  /** Newest first; `before` pages on (at, id). */
  listTimeline(
    id: string,
    before: { at: string; id: string } | null,
    limit: number,
  ): Promise<TimelineRecord[]>;
  listContactConversations(id: string): Promise<ContactConversation[]>;
  listContactMessages(id: string): Promise<ExportedMessage[]>;
  /** The files of every conversation of the contact, by conversation then upload time. */
  listContactAttachments(id: string): Promise<ContactAttachmentRecord[]>;
  /**
   * Moves everything of `fromId` (conversations, notes, trail, timeline; attributes and tags it has
   * and the target lacks; empty fields) into `intoId`, in one transaction; `fromId` and the devices
   * merged into it then resolve to `intoId`. Recorded in `contact_merges`.
   */
  mergeContacts(siteId: string, fromId: string, intoId: string): Promise<{ conversations: number }>;
  /** Ends one device's session: its token hash stops matching any row. */
  revokeVisitorToken(siteId: string, tokenHash: string): Promise<void>;
  /** Deletes every conversation of the contact (and of its messages); returns the counts. */
  deleteContactHistory(id: string): Promise<ErasedCounts>;
  /**
   * Irreversible: message bodies replaced by the redaction notice in each conversation's language
   * (`redacted(locale)`; an unknown language gets `redacted(null)`), the record anonymised (fields,
   * attributes, tags, notes, trail, timeline gone; its devices' tokens revoked). Returns the counts.
   */
  eraseContact(id: string, redacted: (locale: string | null) => string, at: string): Promise<ErasedCounts>;
  /** Retention: deletes up to `limit` conversations of a site with no activity since `before`. */
  deleteConversationsBefore(siteId: string, before: string, limit: number): Promise<ErasedCounts>;
  addPrivacyAudit(entry: PrivacyAuditRecord): Promise<void>;
  /** Bulk import of anonymous contacts with their fields and tags (seeding, imports); batched inserts. */
  importContacts(siteId: string, contacts: readonly ImportedContact[]): Promise<void>;
  listPrivacyAudit(siteId: string, limit: number): Promise<PrivacyAuditRecord[]>;
};
