/**
 * @module @frontdesk/shared — the protocol both ends depend on: event names and maps, payload
 * types, error codes, limits, conversation states. Schemas live in `@frontdesk/shared/schemas`
 * and catalogs in `@frontdesk/shared/i18n` so that a client pulls in only what it uses.
 */

// Issue 15 (public API, webhooks).
export * from './api.ts';
// Issue 13.
export * from './attachments.ts';
export * from './attention.ts';
// Issue 10, offline messages.
export * from './availability.ts';
// Issue 13 (agents' avatars in the widget).
export * from './avatar.ts';
export * from './canned.ts';
export * from './contacts.ts';
export * from './contrast.ts';
export * from './conversation-state.ts';
// Issue 17 (the embed code, written once).
export * from './embed.ts';
export * from './errors.ts';
export * from './events.ts';
export type * from './faq.ts';
export * from './hours.ts';
export * from './i18n/locale.ts';
export * from './limits.ts';
// Issue 13 (typing, read receipts).
export * from './live.ts';
export * from './markdown-complexity.ts';
export * from './markdown-policy.ts';
export * from './offline.ts';
export * from './origins.ts';
export * from './presence.ts';
export * from './rate-limits.ts';
export * from './routes.ts';
// Issue 14 (routing).
export * from './routing.ts';
export type * from './schemas.ts';
// Issue 14 (find things).
export * from './search.ts';
export * from './sites.ts';
export * from './types.ts';
export * from './widget-api.ts';
