/** Issue 14: the manager's form as plain data — from a response, to a checked `CannedInput`, with its problems. */
import {
  CANNED_VARIABLES,
  type CannedInput,
  type CannedResponse,
  type CannedScope,
  type Locale,
} from '@frontdesk/shared';
import { CannedInputSchema } from '@frontdesk/shared/canned-schemas';
import { v } from '@frontdesk/shared/schemas';

export type CannedDraft = {
  id: string | null;
  scope: CannedScope;
  lang: Locale;
  title: string;
  shortcut: string;
  body: string;
};
export type DraftProblem = 'title' | 'shortcut' | 'body';

export const newDraft = (lang: Locale, isAdmin: boolean): CannedDraft => ({
  id: null,
  scope: isAdmin ? 'site' : 'personal',
  lang,
  title: '',
  shortcut: '',
  body: '',
});

export const draftOf = (r: CannedResponse): CannedDraft => ({
  id: r.id,
  scope: r.scope,
  lang: r.lang,
  title: r.title,
  shortcut: r.shortcut,
  body: r.body,
});

/** The input to send, or the fields to fix (through the server's own schema). */
export function checkDraft(draft: CannedDraft): { input: CannedInput } | { problems: DraftProblem[] } {
  const { id: _id, ...fields } = draft;
  const parsed = v.safeParse(CannedInputSchema, fields);
  if (parsed.success) return { input: parsed.output };
  const problems = new Set<DraftProblem>();
  for (const issue of parsed.issues) {
    const key = issue.path?.[0]?.key;
    if (key === 'title' || key === 'shortcut' || key === 'body') problems.add(key);
  }
  return { problems: [...problems] };
}

/** `{{names}}` in a body that are no variable (they would stay in the reply as written). */
export function unknownVariables(body: string): string[] {
  const names = [...body.matchAll(/\{\{\s*([a-zA-Z][\w.]*)\s*(?:\|[^}]*)?\}\}/g)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !(CANNED_VARIABLES as readonly string[]).includes(n)))];
}
