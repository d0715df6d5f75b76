/** Changing one's own password: the current one (always asked for), the new one twice. */
import type { ErrorBody } from '@frontdesk/shared';
import { LIMITS } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { type Translate, useI18n } from '../app/i18n.ts';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { ProfileApi } from './api.ts';
import { checkPasswordChange, type PasswordFields } from './password-form.ts';

type Props = {
  client: Pick<ProfileApi, 'changePassword'>;
  /** Prefix for the inputs' ids (two forms never share a page, but tests render several apps). */
  idPrefix: string;
  submitLabel: string;
  onChanged(): void;
};

const EMPTY: PasswordFields = { current: '', next: '', confirm: '' };

function changeErrorText(error: ErrorBody, t: Translate): string {
  // A wrong current password: refused without ending the session.
  if (error.code === 'forbidden' || error.code === 'unauthorized') return t('passwordWrongCurrent');
  return detailedErrorText(error, t);
}

export function PasswordForm({ client, idPrefix, submitLabel, onChanged }: Props) {
  const { t } = useI18n();
  const [fields, setFields] = useState<PasswordFields>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<keyof PasswordFields, string>>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const edit = (patch: Partial<PasswordFields>) => {
    setNotice(null);
    setFields((f) => ({ ...f, ...patch }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkPasswordChange(fields, t);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    const result = await client.changePassword(checked.input);
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: changeErrorText(result.error, t) });
      return;
    }
    setFields(EMPTY);
    setNotice({ error: false, text: t('passwordChanged') });
    onChanged();
  };

  const field = (key: keyof PasswordFields, label: string, autocomplete: string) => {
    const id = `${idPrefix}-${key}`;
    const problem = problems[key];
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          type="password"
          autocomplete={autocomplete}
          maxLength={LIMITS.passwordMaxLength}
          value={fields[key]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          onInput={(e) => edit({ [key]: e.currentTarget.value })}
        />
        {problem && (
          <p id={`${id}-error`} class="error">
            {problem}
          </p>
        )}
      </div>
    );
  };

  return (
    <form class="form" onSubmit={submit} noValidate>
      {field('current', t('passwordCurrent'), 'current-password')}
      {field('next', t('passwordNew'), 'new-password')}
      <p class="field__hint">{t('passwordHint', { min: LIMITS.passwordMinLength })}</p>
      {field('confirm', t('passwordConfirm'), 'new-password')}
      <Notice notice={notice} />
      <div class="editor__bar">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t('saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
