/** The editor's example phrasings: one input per line, add and remove buttons. */
import { LIMITS } from '@frontdesk/shared';
import { useI18n } from '../app/i18n.ts';
import { addLine, removeLine, setLine } from '../shared/lines.ts';

type Props = { examples: string[]; readOnly: boolean; onChange(examples: string[]): void };

export function ExamplesField({ examples, readOnly, onChange }: Props) {
  const { t } = useI18n();
  return (
    <fieldset class="field examples">
      <legend>{t('faqFieldExamples')}</legend>
      <p class="field__hint">{t('faqFieldExamplesHint')}</p>
      <ol class="examples__list">
        {examples.map((example, i) => (
          <li key={i} class="examples__row">
            <input
              type="text"
              value={example}
              readOnly={readOnly}
              maxLength={LIMITS.faqQuestionMaxLength}
              aria-label={t('faqExampleLabel', { n: i + 1 })}
              onInput={(e) => onChange(setLine(examples, i, e.currentTarget.value))}
            />
            {!readOnly && (
              <button
                type="button"
                class="icon-button"
                aria-label={t('faqRemoveExample', { n: i + 1 })}
                title={t('faqRemoveExample', { n: i + 1 })}
                onClick={() => onChange(removeLine(examples, i))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button
          type="button"
          class="button"
          disabled={examples.length >= LIMITS.faqExamplesMax}
          onClick={() => onChange(addLine(examples))}
        >
          {t('faqAddExample')}
        </button>
      )}
    </fieldset>
  );
}
