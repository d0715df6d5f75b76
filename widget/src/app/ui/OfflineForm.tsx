/**
 * Issue 10: the leave-a-message form, shown instead of the queue when nobody can answer (never both),
 * and its confirmation. Plain Preact, no form library: each error is tied to its field with
 * `aria-describedby`, and focus goes to the first one.
 */
import { LIMITS, type OfflineReason, PHONE_PATTERN, type WidgetPreChatField } from '@frontdesk/shared';
import { newClientId } from '@frontdesk/shared/client';
import type { WidgetKey } from '@frontdesk/shared/i18n';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useWidget } from './context.ts';

/** What most mail servers accept; the server checks again. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

type Field = {
  key: string;
  label: string;
  type: WidgetPreChatField['type'] | 'email' | 'name';
  required: boolean;
  options?: { id: string; label: string }[];
  max: number;
};

function problem(field: Field, raw: string): WidgetKey | null {
  const value = raw.trim();
  if (value === '') return field.required ? 'offlineErrorRequired' : null;
  if (field.type === 'email' && !EMAIL_PATTERN.test(value)) return 'offlineErrorEmail';
  if (field.type === 'name' && CONTROL.test(value)) return 'offlineErrorName';
  if (field.type === 'phone' && !PHONE_PATTERN.test(value)) return 'offlineErrorPhone';
  return null;
}

type Props = {
  reason: OfflineReason;
  fields: readonly WidgetPreChatField[];
  /** Back to the chat with the bot (when the form was asked for, not forced by the queue). */
  onBack?: () => void;
};

export function OfflineForm({ reason, fields, onBack }: Props) {
  const { t, chat, prefill } = useWidget();
  const id = useId();
  const headingId = `${id}-h`;
  const [values, setValues] = useState<Record<string, string>>(() => ({
    ...(prefill?.name ? { name: prefill.name } : {}),
    ...(prefill?.email ? { email: prefill.email } : {}),
    ...(prefill?.message ? { body: prefill.message } : {}),
  }));
  const [errors, setErrors] = useState<Record<string, WidgetKey>>({});
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // One id per form: a retry after a lost ack is recognised by the server, never stored twice.
  const clientId = useRef(newClientId());
  const root = useRef<HTMLFormElement>(null);

  const all: Field[] = [
    { key: 'name', label: t('offlineName'), type: 'name', required: true, max: LIMITS.nameMaxLength },
    { key: 'email', label: t('offlineEmail'), type: 'email', required: true, max: LIMITS.emailMaxLength },
    {
      key: 'body',
      label: t('offlineMessage'),
      type: 'multiline',
      required: true,
      max: LIMITS.messageMaxLength,
    },
    ...fields.map((f) => ({ ...f, key: `x-${f.id}`, max: LIMITS.preChatAnswerMaxLength })),
  ];
  const fieldId = (key: string) => `${id}-${key}`;

  // The first field on open; the first wrong one after a refused submit.
  useEffect(() => {
    const first = attempt === 0 ? all[0] : all.find((f) => errors[f.key]);
    if (first) root.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(first.key))}`)?.focus();
  }, [attempt]);

  const submit = async () => {
    const found: Record<string, WidgetKey> = {};
    for (const field of all) {
      const wrong = problem(field, values[field.key] ?? '');
      if (wrong) found[field.key] = wrong;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const answers: Record<string, string> = {};
    for (const f of fields) {
      const value = (values[`x-${f.id}`] ?? '').trim();
      if (value) answers[f.id] = value;
    }
    setBusy(true);
    const sent = await chat.leaveMessage({
      clientId: clientId.current,
      name: (values.name ?? '').trim(),
      email: (values.email ?? '').trim(),
      body: (values.body ?? '').trim(),
      reason,
      answers,
    });
    if (!sent) setBusy(false);
  };

  const control = (field: Field) => {
    const error = errors[field.key];
    const common = {
      id: fieldId(field.key),
      name: field.key,
      value: values[field.key] ?? '',
      'aria-required': field.required,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${fieldId(field.key)}-error` : undefined,
      onInput: (event: { currentTarget: { value: string } }) => {
        const value = event.currentTarget.value;
        setValues((v) => ({ ...v, [field.key]: value }));
        // An error says what was wrong with what was there: it goes once the visitor changes it.
        if (error) setErrors(({ [field.key]: _fixed, ...rest }) => rest);
      },
    };
    if (field.type === 'multiline') return <textarea {...common} rows={3} maxLength={field.max} />;
    if (field.type === 'choice')
      return (
        <select {...common} onChange={common.onInput}>
          <option value="">{t('offlineChoose')}</option>
          {field.options?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      );
    const type = field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text';
    const autocomplete =
      field.type === 'email'
        ? 'email'
        : field.type === 'name'
          ? 'name'
          : field.type === 'phone'
            ? 'tel'
            : 'off';
    return <input {...common} type={type} autoComplete={autocomplete} maxLength={field.max} />;
  };

  return (
    <form
      ref={root}
      class="offline-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void submit();
      }}
    >
      <h3 id={headingId}>{t('offlineFormLabel')}</h3>
      <p class="offline-why">
        {t(`offlineWhy_${reason}`)} {t('offlineNext')}
      </p>
      {all.map((field) => (
        <div class="offline-field" key={field.key}>
          <label for={fieldId(field.key)} class="field-label">
            {field.label}
            {!field.required && ` ${t('offlineOptional')}`}
          </label>
          {control(field)}
          {errors[field.key] && (
            <p class="field-error" id={`${fieldId(field.key)}-error`}>
              {t(errors[field.key] as WidgetKey)}
            </p>
          )}
        </div>
      ))}
      <div class="offline-actions">
        {onBack && (
          <button type="button" class="secondary" onClick={onBack}>
            {t('offlineBack')}
          </button>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t('offlineSubmit')}
        </button>
      </div>
    </form>
  );
}

/** After the form: what happens next. The chat above stays readable. */
export function OfflineSent({ email }: { email: string | null }) {
  const { t } = useWidget();
  return (
    <p class="offline-sent" role="status">
      {email ? t('offlineSent', { email }) : t('offlineSentNoEmail')}
    </p>
  );
}
