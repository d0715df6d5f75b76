/**
 * Offline messages (issue 10): the site's extra questions (pre-chat fields) and what a left message carries. Pure: no I/O.
 */
import type { OfflineReason } from './availability.ts';
import type { Locale } from './i18n/locale.ts';

export const PRE_CHAT_FIELD_TYPES = ['text', 'multiline', 'phone', 'choice'] as const;
export type PreChatFieldType = (typeof PRE_CHAT_FIELD_TYPES)[number];

/** A text per language; a missing language falls back to the other one. */
export type PerLocaleText = Partial<Record<Locale, string>>;

/** An extra question a site asks on the leave-a-message form (as the site owner configures it). */
export type PreChatField = {
  id: string;
  type: PreChatFieldType;
  label: PerLocaleText;
  required: boolean;
  /** For `choice` only: the options the visitor picks from. */
  options?: { id: string; label: PerLocaleText }[];
};

/** A site's offline settings. */
export type OfflineSettings = {
  /** Offer the form when the estimated wait reaches this many minutes; null = never for waiting. */
  longWaitMinutes: number | null;
  fields: PreChatField[];
};

export const DEFAULT_OFFLINE_SETTINGS: OfflineSettings = { longWaitMinutes: null, fields: [] };

/** A pre-chat field as the widget shows it: in the visitor's language. */
export type WidgetPreChatField = {
  id: string;
  type: PreChatFieldType;
  label: string;
  required: boolean;
  options?: { id: string; label: string }[];
};

/** What the widget knows of the site's offline settings. */
export type WidgetOffline = { longWaitMinutes: number | null; fields: WidgetPreChatField[] };

/** One answer as stored on the conversation: the label as the visitor saw it, and the value. */
export type OfflineAnswer = { fieldId: string; label: string; value: string };

/** A conversation that is an offline message: when, why, and the extra answers. */
export type OfflineMark = { at: string; reason: OfflineReason; answers: OfflineAnswer[] };

/**
 * True for a conversation left as an offline message. Such conversations wait for an answer by
 * e-mail: they must never be marked abandoned because their visitor left (that is expected).
 */
export const isOfflineMessage = (conversation: { offline?: OfflineMark | null }): boolean =>
  Boolean(conversation.offline);

/** A per-language text in one language, falling back to any other. */
export function localText(text: PerLocaleText, locale: Locale): string {
  return text[locale] ?? Object.values(text).find((value) => value !== undefined) ?? '';
}

/** The site's fields in the visitor's language. */
export function widgetOffline(settings: OfflineSettings, locale: Locale): WidgetOffline {
  return {
    longWaitMinutes: settings.longWaitMinutes,
    fields: settings.fields.map((field) => ({
      id: field.id,
      type: field.type,
      label: localText(field.label, locale),
      required: field.required,
      ...(field.options && {
        options: field.options.map((option) => ({ id: option.id, label: localText(option.label, locale) })),
      }),
    })),
  };
}

/** A phone number as people write it: digits with spaces, dashes, dots, brackets, an optional leading +. */
export const PHONE_PATTERN = /^\+?[0-9 ().-]{5,30}$/;

export type AnswerProblem = 'required' | 'unknown_field' | 'unknown_option' | 'phone' | 'too_long';

/**
 * Checks a visitor's answers against the site's fields; returns the answers as stored (with the
 * labels the visitor saw, options as their labels) or the first problem with the field it concerns.
 */
export function checkAnswers(
  fields: readonly WidgetPreChatField[],
  answers: Readonly<Record<string, string>>,
  maxLength: number,
): { ok: true; answers: OfflineAnswer[] } | { ok: false; fieldId: string; problem: AnswerProblem } {
  for (const id of Object.keys(answers))
    if (!fields.some((field) => field.id === id)) return { ok: false, fieldId: id, problem: 'unknown_field' };
  const stored: OfflineAnswer[] = [];
  for (const field of fields) {
    const value = Object.hasOwn(answers, field.id) ? (answers[field.id] ?? '').trim() : '';
    if (value === '') {
      if (field.required) return { ok: false, fieldId: field.id, problem: 'required' };
      continue;
    }
    if (value.length > maxLength) return { ok: false, fieldId: field.id, problem: 'too_long' };
    if (field.type === 'phone' && !PHONE_PATTERN.test(value))
      return { ok: false, fieldId: field.id, problem: 'phone' };
    if (field.type === 'choice') {
      const option = field.options?.find((o) => o.id === value);
      if (!option) return { ok: false, fieldId: field.id, problem: 'unknown_option' };
      stored.push({ fieldId: field.id, label: field.label, value: option.label });
      continue;
    }
    stored.push({ fieldId: field.id, label: field.label, value });
  }
  return { ok: true, answers: stored };
}
