/**
 * Typed custom attributes in the contact panel (issue 12): what the agent typed (a key, a type and
 * the text of a value) checked with the server's schema and turned into a typed value, and a typed
 * value shown as text in the agent's language.
 */
import type { AttributeType, AttributeValue, Locale } from '@frontdesk/shared';
import { AttributeKeySchema, AttributeValueSchema } from '@frontdesk/shared/contacts-schemas';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import * as v from 'valibot';

export type AttributeDraft = { key: string; type: AttributeType; text: string };
export const emptyDraft: AttributeDraft = { key: '', type: 'string', text: '' };

export type AttributeProblems = { key?: ConsoleKey; value?: ConsoleKey };

export const TYPE_KEYS: Record<AttributeType, ConsoleKey> = {
  string: 'attributeTypeString',
  number: 'attributeTypeNumber',
  boolean: 'attributeTypeBoolean',
  date: 'attributeTypeDate',
};

const VALUE_PROBLEMS: Record<AttributeType, ConsoleKey> = {
  string: 'attributeTextInvalid',
  number: 'attributeNumberInvalid',
  boolean: 'attributeTextInvalid',
  date: 'attributeDateInvalid',
};

function typed(draft: AttributeDraft): AttributeValue | null {
  const text = draft.text.trim();
  switch (draft.type) {
    case 'string':
      return { type: 'string', value: draft.text };
    case 'number': {
      // `Number('')` is 0 and `Number('1e3')` is 1000: only plain decimals, comma or point.
      if (!/^-?\d+([.,]\d+)?$/.test(text)) return null;
      return { type: 'number', value: Number(text.replace(',', '.')) };
    }
    case 'boolean':
      return text === 'true' || text === 'false' ? { type: 'boolean', value: text === 'true' } : null;
    case 'date':
      return text ? { type: 'date', value: text } : null;
  }
}

/** The typed value, or which field is wrong (as the server would refuse it). */
export function readDraft(
  draft: AttributeDraft,
): { ok: true; key: string; value: AttributeValue } | { ok: false; problems: AttributeProblems } {
  const problems: AttributeProblems = {};
  const key = draft.key.trim();
  if (!v.is(AttributeKeySchema, key)) problems.key = 'attributeKeyInvalid';
  const value = typed(draft);
  if (!value || !v.is(AttributeValueSchema, value)) problems.value = VALUE_PROBLEMS[draft.type];
  if (problems.key || problems.value || !value) return { ok: false, problems };
  return { ok: true, key, value };
}

/** A stored value back into the form (editing an attribute). */
export function toDraft(key: string, value: AttributeValue): AttributeDraft {
  return { key, type: value.type, text: String(value.value) };
}

/** A value as the agent reads it: numbers and dates in their locale, booleans as yes/no. */
export function formatAttribute(
  value: AttributeValue,
  locale: Locale,
  t: (key: ConsoleKey) => string,
): string {
  switch (value.type) {
    case 'string':
      return value.value;
    case 'number':
      return value.value.toLocaleString(locale);
    case 'boolean':
      return t(value.value ? 'attributeYes' : 'attributeNo');
    case 'date': {
      const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value.value);
      const date = new Date(dateOnly ? `${value.value}T00:00:00Z` : value.value);
      if (Number.isNaN(date.getTime())) return value.value;
      return dateOnly
        ? date.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' })
        : date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
    }
  }
}
