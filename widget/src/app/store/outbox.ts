/**
 * The outbox slice: what the visitor wrote and the server has not yet acknowledged, in order, and
 * its persisted form (an allow-list of fields, validated on the way back in).
 */
import { type ErrorCode, LIMITS, type SendVisitorMessageInput } from '@frontdesk/shared';
import type { Action } from './actions.ts';

export type QuickReplyChoice = NonNullable<SendVisitorMessageInput['quickReply']>;

export type OutboxItem = {
  clientId: string;
  body: string;
  quickReply?: QuickReplyChoice;
  status: 'pending' | 'sending' | 'failed';
  error: ErrorCode | null;
};

export type OutboxState = { items: readonly OutboxItem[] };

export const initialOutbox: OutboxState = { items: [] };

/** Persisted at most; older items are dropped (a visitor does not queue this much by hand). */
export const OUTBOX_MAX_ITEMS = 50;

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A random `clientId` (8–64 of `[A-Za-z0-9_-]`), unique enough per conversation. */
export function newClientId(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  return Array.from(random(new Uint8Array(21)), (byte) => alphabet[byte & 63]).join('');
}

export function outboxReducer(state: OutboxState, action: Action): OutboxState {
  const update = (clientId: string, patch: Partial<OutboxItem>): OutboxState => ({
    items: state.items.map((item) => (item.clientId === clientId ? { ...item, ...patch } : item)),
  });
  switch (action.type) {
    case 'outbox/queued':
      return { items: [...state.items, action.item].slice(-OUTBOX_MAX_ITEMS) };
    case 'outbox/sending':
      return update(action.clientId, { status: 'sending' });
    case 'outbox/retry':
      return update(action.clientId, { status: 'pending', error: null });
    case 'outbox/failed':
      return update(action.clientId, { status: 'failed', error: action.code });
    case 'messages/received': {
      const delivered = new Set(action.messages.map((m) => m.clientId));
      const items = state.items.filter((item) => !delivered.has(item.clientId));
      return items.length === state.items.length ? state : { items };
    }
    default:
      return state;
  }
}

/** Only these fields are stored; status and errors are recomputed after a reload. */
export function serializeOutbox(items: readonly OutboxItem[]): string {
  return JSON.stringify(
    items.map(({ clientId, body, quickReply }) =>
      quickReply ? { clientId, body, quickReply } : { clientId, body },
    ),
  );
}

function readQuickReply(value: unknown): QuickReplyChoice | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) return null;
  const { type, faqId } = value as Record<string, unknown>;
  if (type === 'handoff') return { type };
  if (type === 'faq' && typeof faqId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(faqId)) {
    return { type, faqId };
  }
  return null;
}

/** Reads what `serializeOutbox` wrote; anything malformed (or from an older version) is skipped. */
export function parseOutbox(raw: string | null): OutboxItem[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    console.warn('[frontdesk] discarding an unreadable outbox', error);
    return [];
  }
  if (!Array.isArray(data)) return [];
  const items: OutboxItem[] = [];
  for (const entry of data.slice(-OUTBOX_MAX_ITEMS)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { clientId, body, quickReply } = entry as Record<string, unknown>;
    const choice = readQuickReply(quickReply);
    if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) continue;
    if (typeof body !== 'string' || body.trim() === '' || body.length > LIMITS.messageMaxLength) continue;
    if (choice === null) continue;
    items.push({ clientId, body, ...(choice ? { quickReply: choice } : {}), status: 'pending', error: null });
  }
  return items;
}
