/**
 * A button whose action needs a second, explicit yes: the first press shows the question with
 * "confirm" and "cancel" buttons in place (focus moves to confirm; Escape cancels).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';

type Props = {
  label: string;
  question: string;
  confirmLabel: string;
  danger?: boolean;
  disabled?: boolean;
  onConfirm(): void;
};

export function ConfirmButton({ label, question, confirmLabel, danger, disabled, onConfirm }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  const cancel = () => {
    setAsking(false);
    queueMicrotask(() => openerRef.current?.focus());
  };
  if (!asking)
    return (
      <button
        ref={openerRef}
        type="button"
        class={`button${danger ? ' button--danger' : ''}`}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <fieldset
      class="confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <legend class="confirm__question">{question}</legend>
      <button
        ref={confirmRef}
        type="button"
        class={`button${danger ? ' button--danger' : ' button--primary'}`}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" class="button" onClick={cancel}>
        {t('cancel')}
      </button>
    </fieldset>
  );
}
