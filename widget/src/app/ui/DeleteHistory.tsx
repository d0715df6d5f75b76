/**
 * The visitor's own erasure, asked once more before it happens: the question with "Delete" and
 * "Cancel" (focus starts on Cancel, the safe answer; Escape cancels).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useWidget } from './context.ts';

type Props = { onDone: (deleted: boolean) => void; onCancel: () => void };

export function DeleteHistory({ onDone, onCancel }: Props) {
  const { t, chat } = useWidget();
  const questionId = useId();
  const [busy, setBusy] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <fieldset
      class="confirm"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={questionId}>{t('deleteHistoryQuestion')}</p>
      <div class="confirm-actions">
        <button
          type="button"
          class="danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void chat.deleteHistory().then(onDone);
          }}
        >
          {t('deleteHistoryConfirm')}
        </button>
        <button ref={cancelRef} type="button" class="secondary" disabled={busy} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </fieldset>
  );
}
