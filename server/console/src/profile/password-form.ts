/** The password-change form checked with the server's own schema, problems in the agent's words. */
import { LIMITS } from '@frontdesk/shared';
import { type PasswordChangeInput, PasswordChangeSchema, v } from '@frontdesk/shared/schemas';
import type { Translate } from '../app/i18n.ts';

export type PasswordFields = { current: string; next: string; confirm: string };

export type PasswordCheck =
  | { ok: true; input: PasswordChangeInput }
  | { ok: false; problems: Partial<Record<keyof PasswordFields, string>> };

export function checkPasswordChange(fields: PasswordFields, t: Translate): PasswordCheck {
  const problems: Partial<Record<keyof PasswordFields, string>> = {};
  const parsed = v.safeParse(PasswordChangeSchema, {
    currentPassword: fields.current,
    newPassword: fields.next,
  });
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const key = issue.path?.[0]?.key;
      if (key === 'currentPassword') problems.current ??= t('passwordCurrentRequired');
      else if (key === 'newPassword')
        problems.next ??=
          fields.next.length < LIMITS.passwordMinLength
            ? t('passwordTooShort', { min: LIMITS.passwordMinLength })
            : t('passwordTooLong', { max: LIMITS.passwordMaxLength });
    }
  }
  if (!problems.next && fields.next === fields.current && fields.current)
    problems.next = t('passwordSameAsCurrent');
  if (fields.confirm !== fields.next) problems.confirm = t('passwordMismatch');
  if (Object.keys(problems).length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, input: parsed.output };
}
