/**
 * A read-only text (with an optional hint under its label) and a "Copy" button: the clipboard API when the browser allows it, otherwise the
 * text is selected and the agent is told to press Ctrl+C / ⌘C. The outcome is announced (`role="status"`).
 */
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';

type Props = { id: string; label: string; value: string; multiline?: boolean; rows?: number; hint?: string };

/** Copies with the clipboard API; false when there is none or it refused (no permission, insecure page). */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    console.warn('[console] clipboard refused; selecting the text instead', error);
    return false;
  }
}

export function CopyField({ id, label, value, multiline, rows = 2, hint }: Props) {
  const { t } = useI18n();
  const [status, setStatus] = useState<'copied' | 'selected' | null>(null);
  const fieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const copy = async () => {
    if (await writeClipboard(value)) {
      setStatus('copied');
      return;
    }
    fieldRef.current?.focus();
    fieldRef.current?.select();
    setStatus('selected');
  };
  return (
    <div class="field copy-field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      <div class="copy-field__row">
        {multiline ? (
          <textarea
            id={id}
            ref={fieldRef}
            readOnly
            rows={rows}
            value={value}
            class="copy-field__value"
            aria-describedby={hint ? `${id}-hint` : undefined}
          />
        ) : (
          <input
            id={id}
            ref={fieldRef}
            readOnly
            value={value}
            class="copy-field__value"
            aria-describedby={hint ? `${id}-hint` : undefined}
          />
        )}
        <button type="button" class="button" onClick={() => void copy()} aria-describedby={`${id}-status`}>
          {t('copy')}
        </button>
      </div>
      <p id={`${id}-status`} class="field__hint" role="status">
        {status === 'copied' ? t('copied') : status === 'selected' ? t('copySelected') : ''}
      </p>
    </div>
  );
}
