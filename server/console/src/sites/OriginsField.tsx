/** The allowed-origins editor: one origin per line, with what the entries mean. */
import { useI18n } from '../app/i18n.ts';

type Props = { id: string; value: string; problems: readonly string[]; onInput(value: string): void };

export function OriginsField({ id, value, problems, onInput }: Props) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{t('originsLabel')}</label>
      <textarea
        id={id}
        rows={4}
        value={value}
        spellcheck={false}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={`${id}-hint`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="field__hint">
        {t('originsHint')}
      </p>
      {problems.length > 0 && (
        <ul class="error field__problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
