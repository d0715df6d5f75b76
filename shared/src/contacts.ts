/**
 * Contacts (issue 12): the customer record, identity (`Frontdesk('identify', …)` verified by the
 * site's HMAC), merges, privacy (export, erase, retention, "delete my chat history"). The protocol
 * both ends share: types, route patterns, event names, limits, attribute typing and the server-side
 * snippets the console shows. Pure: no I/O and no validator (the schemas are in
 * `contacts-schemas.ts`, reached through `@frontdesk/shared/schemas`, so the widget stays small).
 *
 * A contact is the record of one customer of one site. Every visitor token starts its own anonymous
 * contact; when a verified identify finds the customer's existing contact, the anonymous one is
 * merged into it (conversations moved, the merge recorded) and that token then opens the customer's
 * contact, on every device. The contact id is the id agents already see as `conversation.visitor.id`.
 */
import type { ConversationState } from './conversation-state.ts';
import type { Locale } from './i18n/locale.ts';
import { fillRoute } from './routes.ts';

// Identity

/**
 * `anonymous`: nobody named them (a form may have given a name and e-mail: still unproven).
 * `unverified`: the host page called identify, but the site has no identity secret, so the claim is
 * not proven; such a contact is never merged with any other. `verified`: identify with a valid HMAC.
 */
export const IDENTITY_STATES = ['anonymous', 'unverified', 'verified'] as const;
export type IdentityState = (typeof IDENTITY_STATES)[number];

// Custom attributes

export const ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'date'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** A typed value; a date is an ISO-8601 date (`2026-01-31`) or UTC instant (`…T10:00:00.000Z`). */
export type AttributeValue =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: string };

export type ContactAttribute = { key: string } & AttributeValue;

/** What the host page may pass as an attribute value in identify: plain JSON values. */
export type AttributeInput = string | number | boolean;

/** A calendar date or an instant, as identify and the console write dates. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The type of an identify attribute: numbers and booleans as they are, a string that is an ISO date
 * (`2026-01-31`, `2026-01-31T10:00:00Z`) a date, any other string a string.
 */
export function inferAttribute(value: AttributeInput): AttributeValue {
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (ISO_DATE_PATTERN.test(value) && !Number.isNaN(Date.parse(value))) return { type: 'date', value };
  return { type: 'string', value };
}

/** An attribute value as one line of text (lists, search, export). */
export function attributeText(attribute: AttributeValue): string {
  return typeof attribute.value === 'string' ? attribute.value : String(attribute.value);
}

// Records

/** One page the visitor saw, newest first in a contact's trail (at most `CONTACT_LIMITS.trailMax`). */
export type PageTrailEntry = { url: string; title: string; at: string };

export type ContactNote = {
  id: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
};

/** A past or open conversation of the contact, with how it ended. */
export type ContactConversation = {
  id: string;
  state: ConversationState;
  agentName: string | null;
  rating: number | null;
  ratingComment: string | null;
  lastMessageAt: string | null;
  createdAt: string;
  resolvedAt: string | null;
  /** Left as an offline message (issue 10). */
  offline: boolean;
};

/** A contact as the Contacts page lists it. */
export type ContactSummary = {
  id: string;
  siteId: string;
  name: string | null;
  email: string | null;
  identity: IdentityState;
  /** The host page's user id (verified or claimed); null while anonymous. */
  userId: string | null;
  /** From the browser's time zone, e.g. "Warsaw, Europe"; never from the IP address. */
  location: string | null;
  tags: string[];
  firstSeenAt: string;
  lastSeenAt: string;
  conversationCount: number;
  /** Erased (anonymised, irreversible): shown, never editable. */
  erased: boolean;
};

/** A contact as the panel beside a conversation and the contact page show it. */
export type Contact = ContactSummary & {
  phone: string | null;
  locale: Locale | null;
  timeZone: string | null;
  /** Parsed from the user agent: "Firefox 128", "Windows 10"; null when unknown. */
  browser: string | null;
  os: string | null;
  attributes: ContactAttribute[];
  notes: ContactNote[];
  trail: PageTrailEntry[];
  conversations: ContactConversation[];
};

/** Who made a change on the timeline. */
export type ContactActor =
  | { type: 'agent'; id: string; name: string }
  | { type: 'visitor' }
  | { type: 'host_page' }
  | { type: 'system' }
  /** Issue 15: a change through the public API, by the token of this id and name. */
  | { type: 'api_token'; id: string; name: string };

/** The fields agents, forms and identify change (each change is a timeline entry). */
export const CONTACT_FIELDS = ['name', 'email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** What happened, with before and after as text (null: empty). */
export type ContactChange =
  | { kind: 'field'; field: ContactField; from: string | null; to: string | null }
  | { kind: 'attribute'; key: string; from: string | null; to: string | null }
  | { kind: 'tag_added'; tag: string }
  | { kind: 'tag_removed'; tag: string }
  | { kind: 'note_added'; noteId: string }
  | { kind: 'identified'; identity: 'verified' | 'unverified'; userId: string }
  /** Another contact (an anonymous device of the same customer) was merged into this one. */
  | { kind: 'merged'; fromContactId: string; conversations: number }
  | { kind: 'history_deleted'; conversations: number }
  | { kind: 'erased' };

/** `contact:updated`, to the site's agents: load this contact again. */
export type ContactUpdated = { siteId: string; contactId: string };

export type ContactTimelineEntry = { id: string; at: string; actor: ContactActor; change: ContactChange };

/** A page of a list; `nextCursor` null: the last page. */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** A file of a conversation (issue 13) as the export lists it. */
export type ExportedAttachment = {
  id: string;
  /** The name as stored (made safe at upload). */
  name: string;
  /** The type sniffed from the bytes at upload, never the one the sender claimed. */
  mime: string;
  size: number;
  /** Hex SHA-256 of the stored bytes; null when the file store no longer has them. */
  sha256: string | null;
  createdAt: string;
  /** Who sent it: the visitor or an agent (with the agent's name as the message carries it). */
  author: 'visitor' | 'agent';
  authorName: string | null;
  /** The message that carries it (null: an upload that never became a message). */
  messageSeq: number | null;
  /** Where the file is inside the ZIP export: `files/<conversation>/<id>-<safe name>`. */
  path: string;
};

/**
 * Everything stored about one contact, as `GET …/export` returns it (a JSON download); the ZIP
 * export (`GET …/export/zip`) holds this as `contact.json` beside every listed file at its `path`.
 */
export type ContactExport = {
  exportedAt: string;
  contact: Contact;
  timeline: ContactTimelineEntry[];
  conversations: (ContactConversation & {
    messages: {
      seq: number;
      author: string;
      authorName: string | null;
      kind: string;
      body: string;
      createdAt: string;
    }[];
    attachments: ExportedAttachment[];
  })[];
};

/** The name of the JSON document inside the ZIP export. */
export const CONTACT_EXPORT_JSON = 'contact.json';

/** First step of an erasure: a token bound to the contact and the agent, valid a few minutes. */
export type EraseConfirmation = { confirmation: string; expiresAt: string };
export type EraseResult = { erasedAt: string; conversations: number; messages: number };

// Identify over the socket

/** The ack of identify. */
export type IdentifyResult = {
  identity: IdentityState;
  /**
   * The token now opens another contact (a verified customer's, merged into): the server ends this
   * socket right after the ack and the widget reconnects with the same token, then syncs again.
   */
  reconnect: boolean;
  /** Conversations moved into the customer's contact by a merge (0 without one). */
  conversationsMoved: number;
};

export type DeleteHistoryResult = { conversations: number };

// Site settings

/** A site's identity verification, as admins see it. The secret is shown to admins only. */
export type IdentitySettings = { secret: string | null; rotatedAt: string | null };

/** A site's privacy settings: conversations older than this many months are deleted daily; null: kept. */
export type PrivacySettings = { retentionMonths: number | null };

// Routes and events

/** Console HTTP routes (agent cookie; an agent of another site gets `not_found`, TESTPLAN A2). */
export const CONTACT_ROUTES = {
  /** GET `?q=&tag=&cursor=&limit=`: `Page<ContactSummary>`, last seen first. */
  contacts: '/api/v1/sites/:siteId/contacts',
  /** GET: `Contact`; PATCH `ContactPatchInput`: `Contact`. */
  contact: '/api/v1/sites/:siteId/contacts/:contactId',
  /** GET `?cursor=`: `Page<ContactTimelineEntry>`, newest first. */
  contactTimeline: '/api/v1/sites/:siteId/contacts/:contactId/timeline',
  /** POST `{ body }`: `ContactNote`. */
  contactNotes: '/api/v1/sites/:siteId/contacts/:contactId/notes',
  /** GET: `ContactExport` as a JSON attachment. */
  contactExport: '/api/v1/sites/:siteId/contacts/:contactId/export',
  /** GET: a ZIP download: `contact.json` (`ContactExport`) and `files/<conversation>/<id>-<name>`. */
  contactExportZip: '/api/v1/sites/:siteId/contacts/:contactId/export/zip',
  /** POST `{}`: `EraseConfirmation` (first confirmation). */
  contactEraseConfirmation: '/api/v1/sites/:siteId/contacts/:contactId/erase/confirmation',
  /** POST `{ confirmation }`: `EraseResult` (second confirmation; irreversible). */
  contactErase: '/api/v1/sites/:siteId/contacts/:contactId/erase',
  /** GET (admin): `IdentitySettings`; DELETE (admin): no secret (identify is then unverified). */
  identitySettings: '/api/v1/sites/:siteId/settings/identity',
  /** POST (admin): a new secret (the old one stops verifying at once): `IdentitySettings`. */
  identitySecretRotate: '/api/v1/sites/:siteId/settings/identity/rotate',
  /** GET: `PrivacySettings`; PUT (admin) `PrivacySettings`. */
  privacySettings: '/api/v1/sites/:siteId/settings/privacy',
} as const;

export const CONTACT_API = {
  contacts: (siteId: string) => fillRoute(CONTACT_ROUTES.contacts, { siteId }),
  contact: (siteId: string, contactId: string) => fillRoute(CONTACT_ROUTES.contact, { siteId, contactId }),
  contactTimeline: (siteId: string, contactId: string) =>
    fillRoute(CONTACT_ROUTES.contactTimeline, { siteId, contactId }),
  contactNotes: (siteId: string, contactId: string) =>
    fillRoute(CONTACT_ROUTES.contactNotes, { siteId, contactId }),
  contactExport: (siteId: string, contactId: string) =>
    fillRoute(CONTACT_ROUTES.contactExport, { siteId, contactId }),
  contactExportZip: (siteId: string, contactId: string) =>
    fillRoute(CONTACT_ROUTES.contactExportZip, { siteId, contactId }),
  contactEraseConfirmation: (siteId: string, contactId: string) =>
    fillRoute(CONTACT_ROUTES.contactEraseConfirmation, { siteId, contactId }),
  contactErase: (siteId: string, contactId: string) =>
    fillRoute(CONTACT_ROUTES.contactErase, { siteId, contactId }),
  identitySettings: (siteId: string) => fillRoute(CONTACT_ROUTES.identitySettings, { siteId }),
  identitySecretRotate: (siteId: string) => fillRoute(CONTACT_ROUTES.identitySecretRotate, { siteId }),
  privacySettings: (siteId: string) => fillRoute(CONTACT_ROUTES.privacySettings, { siteId }),
} as const;

/** Socket events (merged into `EVENTS`). */
export const CONTACT_EVENTS = {
  /** visitor → server: `IdentifyInput`; ack `IdentifyResult` or `identity_refused`. */
  contactIdentify: 'contact:identify',
  /**
   * visitor → server: end this device's session (shared computers). Acked `null`; then the token is
   * dead, the device's sockets get `session:ended` `{ code: 'logged_out' }`, and the widget mints a
   * new anonymous session (`POST /api/v1/visitor/sessions`).
   */
  contactLogout: 'contact:logout',
  /** visitor → server: "delete my chat history": every conversation of the contact is deleted. */
  contactDeleteHistory: 'contact:delete-history',
  /** server → agents of the site: a contact changed (`{ contactId }`): reload the panel. */
  contactUpdated: 'contact:updated',
} as const;

/** The `session:ended` code after a logout. */
export const LOGGED_OUT = 'logged_out';

// Limits

export const CONTACT_LIMITS = {
  userIdMaxLength: 255,
  phoneMaxLength: 30,
  attributesMax: 50,
  attributeKeyMaxLength: 40,
  attributeValueMaxLength: 500,
  tagsMax: 20,
  tagMaxLength: 40,
  noteMaxLength: 5000,
  /** Pages kept per contact (older ones are dropped). */
  trailMax: 50,
  searchMaxLength: 100,
  pageSizeDefault: 50,
  pageSizeMax: 100,
  timelinePageSize: 100,
  retentionMonthsMin: 1,
  retentionMonthsMax: 120,
  /** How long the erase confirmation token is valid. */
  eraseConfirmationTtlMs: 5 * 60_000,
  /** How often the retention job runs. */
  retentionIntervalMs: 24 * 3_600_000,
} as const;

/** An attribute key: starts with a letter, so never `__proto__`; letters, digits, `_`, `-`, `.`. */
export const ATTRIBUTE_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;
/** A tag: lower case, no spaces at either end. */
export const TAG_PATTERN = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N} _.-]{0,39}$/u;

/** A tag as stored: trimmed, lower case, inner whitespace collapsed. */
export const normalizeTag = (tag: string): string => tag.trim().toLowerCase().replace(/\s+/g, ' ');

// Identity verification snippets (shown in the site settings, with the secret beside them)

/**
 * How the host page's server computes `userHash`: hex HMAC-SHA256 of the user id with the site's
 * identity secret. The secret is read from the environment, never written into page code.
 */
export const IDENTITY_SNIPPETS = {
  node: [
    "import { createHmac } from 'node:crypto';",
    '',
    "const userHash = createHmac('sha256', process.env.FRONTDESK_IDENTITY_SECRET)",
    '  .update(String(user.id))',
    "  .digest('hex');",
  ].join('\n'),
  php: [
    '<?php',
    "$userHash = hash_hmac('sha256', (string) $user->id, getenv('FRONTDESK_IDENTITY_SECRET'));",
  ].join('\n'),
  python: [
    'import hashlib, hmac, os',
    '',
    'user_hash = hmac.new(',
    "    os.environ['FRONTDESK_IDENTITY_SECRET'].encode(),",
    '    str(user.id).encode(),',
    '    hashlib.sha256,',
    ').hexdigest()',
  ].join('\n'),
  /** The call on the host page, after the hash is rendered into it. */
  page: [
    "Frontdesk('identify', {",
    '  userId: "USER_ID",',
    '  userHash: "USER_HASH",',
    '  email: "ada@example.com",',
    '  name: "Ada Lovelace",',
    '  attributes: { plan: "pro", signedUpAt: "2026-01-31" },',
    '});',
  ].join('\n'),
} as const;

export type IdentitySnippetLanguage = keyof typeof IDENTITY_SNIPPETS;

// Location from the time zone (no IP geolocation)

/** "Europe/Warsaw" → "Warsaw, Europe"; "America/Argentina/Buenos_Aires" → "Buenos Aires, America"; "UTC" → null. */
export function locationFromTimeZone(timeZone: string | null | undefined): string | null {
  if (!timeZone) return null;
  const parts = timeZone.split('/');
  if (parts.length < 2) return null;
  const region = parts[0] ?? '';
  if (region === 'Etc') return null;
  const city = (parts[parts.length - 1] ?? '').replace(/_/g, ' ');
  return city ? `${city}, ${region}` : null;
}
