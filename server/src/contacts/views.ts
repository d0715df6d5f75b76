/** Contacts (issue 12): records → what the console gets, and the opaque keyset cursors. */
import {
  CONTACT_LIMITS,
  type Contact,
  type ContactSummary,
  LOCALES,
  type Locale,
  locationFromTimeZone,
} from '@frontdesk/shared';
import type { ContactRecord, ContactSummaryRecord, ContactsStore } from './store.ts';

export function toSummary(record: ContactSummaryRecord): ContactSummary {
  return {
    id: record.id,
    siteId: record.siteId,
    name: record.name,
    email: record.email,
    identity: record.identity,
    userId: record.userId,
    location: locationFromTimeZone(record.timeZone),
    tags: record.tags,
    firstSeenAt: record.createdAt,
    lastSeenAt: record.lastSeenAt,
    conversationCount: record.conversationCount,
    erased: record.erasedAt !== null,
  };
}

const asLocale = (value: string | null): Locale | null =>
  value && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;

/** The whole record: fields, attributes, notes, trail and conversations (a few queries, one contact). */
export async function loadContact(store: ContactsStore, record: ContactRecord): Promise<Contact> {
  const [tags, attributes, notes, trail, conversations] = await Promise.all([
    store.listTags(record.id),
    store.listAttributes(record.id),
    store.listNotes(record.id),
    store.listTrail(record.id, CONTACT_LIMITS.trailMax),
    store.listContactConversations(record.id),
  ]);
  return {
    ...toSummary({ ...record, tags, conversationCount: conversations.length }),
    phone: record.phone,
    locale: asLocale(record.locale),
    timeZone: record.timeZone,
    browser: record.browser,
    os: record.os,
    attributes,
    notes,
    trail,
    conversations,
  };
}

/** A keyset position as an opaque, URL-safe cursor. */
export const encodeCursor = (at: string, id: string): string =>
  Buffer.from(JSON.stringify([at, id]), 'utf8').toString('base64url');

/** The position behind a cursor; null for one this server did not make. */
export function decodeCursor(cursor: string): { at: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    )
      return { at: value[0], id: value[1] };
  } catch {
    // Not JSON: not one of ours (reported as a bad request by the caller).
  }
  return null;
}
