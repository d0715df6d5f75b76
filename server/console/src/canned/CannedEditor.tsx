/** Issue 14: the form that adds or changes one canned response (scope only when adding, and only admins share). */
import { CANNED_LIMITS, CANNED_VARIABLES, isLocale, LOCALES } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { localeText } from '../shared/labels.ts';
import { type CannedDraft, type DraftProblem, unknownVariables } from './canned-draft.ts';

type Props = {
  initial: CannedDraft;
  isAdmin: boolean;
  busy: boolean;
  problems: readonly DraftProblem[];
  error: string | null;
  onSave(draft: CannedDraft): void;
  onCancel(): void;
};

export function CannedEditor({ initial, isAdmin, busy, problems, error, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const edit = (patch: Partial<CannedDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const creating = draft.id === null;
  const unknown = unknownVariables(draft.body);
  const problem = (key: DraftProblem) => problems.includes(key);
  const heading = creating ? t('cannedNew') : t('cannedEditLabel', { title: initial.title });
  return (
    <form
      class="editor canned-editor"
      aria-label={heading}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
    >
      <h2>{heading}</h2>
      {creating && isAdmin && (
        <fieldset class="field">
          <legend>{t('cannedScope')}</legend>
          {(['site', 'personal'] as const).map((scope) => (
            <label key={scope} class="check">
              <input
                type="radio"
                name="canned-scope"
                checked={draft.scope === scope}
                onChange={() => edit({ scope })}
              />
              {scope === 'site' ? t('cannedScopeSite') : t('cannedScopePersonal')}
            </label>
          ))}
        </fieldset>
      )}
      <div class="field field--row">
        <label for="canned-lang">{t('cannedFieldLang')}</label>
        <select
          id="canned-lang"
          value={draft.lang}
          onChange={(e) => {
            const lang = e.currentTarget.value;
            if (isLocale(lang)) edit({ lang });
          }}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {localeText(l, t)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="canned-title">{t('cannedFieldTitle')}</label>
        <input
          id="canned-title"
          value={draft.title}
          maxLength={CANNED_LIMITS.titleMaxLength}
          aria-invalid={problem('title') ? true : undefined}
          aria-describedby={problem('title') ? 'canned-title-problem' : undefined}
          onInput={(e) => edit({ title: e.currentTarget.value })}
        />
        {problem('title') && (
          <p class="error" id="canned-title-problem">
            {t('cannedProblemTitle', { max: CANNED_LIMITS.titleMaxLength })}
          </p>
        )}
      </div>
      <div class="field">
        <label for="canned-shortcut">{t('cannedFieldShortcut')}</label>
        <input
          id="canned-shortcut"
          value={draft.shortcut}
          maxLength={CANNED_LIMITS.shortcutMaxLength}
          spellcheck={false}
          autocapitalize="off"
          aria-invalid={problem('shortcut') ? true : undefined}
          aria-describedby="canned-shortcut-hint"
          onInput={(e) => edit({ shortcut: e.currentTarget.value.toLowerCase() })}
        />
        <p class={problem('shortcut') ? 'error' : 'field__hint'} id="canned-shortcut-hint">
          {problem('shortcut') ? t('cannedProblemShortcut') : t('cannedShortcutHint')}
        </p>
      </div>
      <div class="field">
        <label for="canned-body">{t('cannedFieldBody')}</label>
        <textarea
          id="canned-body"
          rows={6}
          value={draft.body}
          maxLength={CANNED_LIMITS.bodyMaxLength}
          aria-invalid={problem('body') ? true : undefined}
          aria-describedby="canned-body-hint"
          onInput={(e) => edit({ body: e.currentTarget.value })}
        />
        <p class="field__hint" id="canned-body-hint">
          {t('cannedVariablesHint', { list: CANNED_VARIABLES.map((n) => `{{${n}}}`).join(', ') })}
        </p>
        {unknown.length > 0 && (
          <p class="field__hint canned-editor__unknown" role="status">
            {t('cannedUnknownVariables', { names: unknown.map((n) => `{{${n}}}`).join(', ') })}
          </p>
        )}
        {problem('body') && (
          <p class="error">{t('cannedProblemBody', { max: CANNED_LIMITS.bodyMaxLength })}</p>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="editor__bar">
        <button type="submit" class="button button--primary" disabled={busy}>
          {creating ? t('cannedCreate') : t('cannedSave')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('cannedCancel')}
        </button>
      </div>
    </form>
  );
}
