/**
 * The reply box. Enter sends, Shift+Enter adds a line (IME composition is left alone). Replies need the
 * conversation to be assigned to this agent; private notes are always allowed.
 */
import { LIMITS } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n.ts';
import type { OutgoingKind } from '../state/timeline.ts';

type Props = {
  canReply: boolean;
  onSend(body: string, kind: OutgoingKind): void;
};

export function Composer({ canReply, onSend }: Props) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [note, setNote] = useState(false);
  const enabled = note || canReply;

  const submit = () => {
    const text = body.trim();
    if (!enabled || !text) return;
    onSend(text, note ? 'note' : 'text');
    setBody('');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    submit();
  };

  return (
    <form
      class={`composer${note ? ' composer--note' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {!canReply && (
        <p class="composer__hint" id="composer-hint">
          {t('composerTakeOverHint')}
        </p>
      )}
      <label class="visually-hidden" for="composer-input">
        {note ? t('composerNoteLabel') : t('composerLabel')}
      </label>
      <textarea
        id="composer-input"
        rows={3}
        maxLength={LIMITS.messageMaxLength}
        disabled={!enabled}
        aria-describedby={canReply ? undefined : 'composer-hint'}
        placeholder={note ? t('composerNotePlaceholder') : t('composerPlaceholder')}
        value={body}
        onInput={(e) => setBody(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="composer__bar">
        <label class="composer__toggle">
          <input type="checkbox" checked={note} onChange={(e) => setNote(e.currentTarget.checked)} />
          {t('composerNoteToggle')}
        </label>
        <button type="submit" class="button button--primary" disabled={!enabled || !body.trim()}>
          {note ? t('addNote') : t('send')}
        </button>
      </div>
    </form>
  );
}
