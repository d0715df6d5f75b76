/**
 * The outbox slice: the client core's outbox with the visitor's quick-reply choice, and its persisted
 * form (an allow-list of fields, validated on the way back in).
 */
import { LIMITS } from '@frontdesk/shared';
import { enqueue, isClientId, setStatus, withoutDelivered } from '@frontdesk/shared/client';
import type { Action } from './actions.ts';

import type { OutboxItem, QuickReplyChoice } from './outbox-item.ts';

export type { OutboxItem, OutboxStatus, QuickReplyChoice } from './outbox-item.ts';

export type OutboxState = { items: readonly OutboxItem[] };

export const initialOutbox: OutboxState = { items: [] };

/** Kept at most; older items are dropped (a visitor does not queue this much by hand). */
export const OUTBOX_MAX_ITEMS = 50;

export function outboxReducer(state: OutboxState, action: Action): OutboxState {
  switch (action.type) {
    case 'outbox/queued':
      return { items: enqueue(state.items, action.item, OUTBOX_MAX_ITEMS) };
    case 'outbox/status':
      return { items: setStatus(state.items, action.clientId, action.status, action.code) };
    case 'messages/received': {
      const items = withoutDelivered(state.items, action.messages);
      return items === state.items ? state : { items };
    }
    case 'session/cleared':
      return state.items.length === 0 ? state : initialOutbox;
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function readQuickReply(value: unknown): QuickReplyChoice | undefined | null {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return null;
  const { type, faqId } = value;
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
    if (!isRecord(entry)) continue;
    const { clientId, body, quickReply } = entry;
    const choice = readQuickReply(quickReply);
    if (!isClientId(clientId)) continue;
    if (typeof body !== 'string' || body.trim() === '' || body.length > LIMITS.messageMaxLength) continue;
    if (choice === null) continue;
    items.push({ clientId, body, ...(choice ? { quickReply: choice } : {}), status: 'pending', error: null });
  }
  return items;
}
