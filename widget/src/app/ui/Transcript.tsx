/** "E-mail me the transcript" at the end of a conversation: a button, then an e-mail field (issue 10, mail). */
import { LIMITS } from '@frontdesk/shared';
import { useId, useState } from 'preact/hooks';
import { useWidget } from './context.ts';

export function Transcript({ email: known = '' }: { email?: string }) {
  const { t, chat } = useWidget();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState(known);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  if (sent) return <p role="status">{t('transcriptSent', { email: sent })}</p>;
  if (!open)
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        {t('transcriptAsk')}
      </button>
    );

  const submit = async (event: Event) => {
    event.preventDefault();
    const to = email.trim();
    if (!to || busy) return;
    setBusy(true);
    if (await chat.transcript(to)) setSent(to);
    setBusy(false);
  };

  return (
    <form class="transcript" onSubmit={submit}>
      <label for={id} class="field-label">
        {t('transcriptEmail')}
      </label>
      <input
        id={id}
        type="email"
        autoComplete="email"
        required
        maxLength={LIMITS.emailMaxLength}
        value={email}
        onInput={(event) => setEmail(event.currentTarget.value)}
      />
      <button type="submit" class="primary" disabled={busy}>
        {t('transcriptSend')}
      </button>
    </form>
  );
}
