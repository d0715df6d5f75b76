/** The FAQ editor's form state: drafts from entries or unanswered groups, validation, and the PUT body. */
import type { FaqEntry, FaqInput, Locale } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { FaqIdSchema, v } from '@frontdesk/shared/schemas';
import { foldText } from '../shared/fold.ts';
import { cleanLines } from '../shared/lines.ts';

export type FaqDraft = {
  /** Set for an existing entry (the id cannot change); null while creating. */
  existingId: string | null;
  id: string;
  lang: Locale;
  question: string;
  examples: string[];
  answer: string;
  tags: string;
};

/** The longest id `FaqIdSchema` accepts. */
export const FAQ_ID_MAX_LENGTH = 64;
const ID_MAX = FAQ_ID_MAX_LENGTH;

export const isFaqId = (id: string): boolean => v.is(FaqIdSchema, id);

/** A readable id suggestion from a question: folded, lower case, dashes; at most 64 characters. */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ID_MAX)
    .replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const root = base || 'faq';
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${root.slice(0, ID_MAX - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const draftFromEntry = (entry: FaqEntry): FaqDraft => ({
  existingId: entry.id,
  id: entry.id,
  lang: entry.lang,
  question: entry.question,
  examples: entry.examples.length > 0 ? [...entry.examples] : [''],
  answer: entry.answer,
  tags: entry.tags.join(', '),
});

export const newDraft = (lang: Locale, question = '', examples: readonly string[] = []): FaqDraft => ({
  existingId: null,
  id: '',
  lang,
  question,
  examples: examples.length > 0 ? [...examples] : [''],
  answer: '',
  tags: '',
});

/** The id this draft will be saved under: the existing one, the typed one, or one made from the question. */
export function draftId(draft: FaqDraft, taken: ReadonlySet<string>): string {
  if (draft.existingId) return draft.existingId;
  const typed = draft.id.trim();
  return typed || uniqueId(slugify(draft.question), taken);
}

export const splitTags = (text: string): string[] => cleanLines(text.split(','));

export const draftToInput = (draft: FaqDraft): FaqInput => ({
  lang: draft.lang,
  question: draft.question.trim(),
  examples: cleanLines(draft.examples),
  answer: draft.answer.trim(),
  tags: splitTags(draft.tags),
});

/** What stops the draft from being saved, as catalog keys (empty = can save). */
export function draftProblems(draft: FaqDraft, taken: ReadonlySet<string>): ConsoleKey[] {
  const problems: ConsoleKey[] = [];
  if (!draft.existingId) {
    const id = draftId(draft, taken);
    if (!isFaqId(id)) problems.push('faqErrorId');
    else if (taken.has(id)) problems.push('faqErrorIdTaken');
  }
  if (!draft.question.trim()) problems.push('faqErrorQuestion');
  if (!draft.answer.trim()) problems.push('faqErrorAnswer');
  return problems;
}
