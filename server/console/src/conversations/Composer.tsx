/**
 * The reply box. Enter sends, Shift+Enter adds a line (IME composition is left alone). Replies need the
 * conversation to be assigned to this agent; private notes are always allowed.
 */
import { LIMITS, markdownProblem } from '@frontdesk/shared';
import { markdownProblemText } from '@frontdesk/shared/i18n';
import { useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import type { OutgoingKind } from './workspace-state.ts';

type Props = {
  canReply: boolean;
  onSend(body: string, kind: OutgoingKind): void;
  /** Issue 13: the reply changed (`sent`: it went out); never called for a private note. */
  onTyping?(draft: string, sent?: boolean): void;
  /** Issue 13: files picked or pasted (only offered while the agent may reply). */
  onFiles?(files: File[]): void;
};

export function Composer({ canReply, onSend, onTyping, onFiles }: Props) {
  const { t, locale } = useI18n();
  const [body, setBody] = useState('');
  const [note, setNote] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const attach = canReply && !note && onFiles !== undefined;
  const enabled = note || canReply;
  // Replies and notes are shown as Markdown: the server refuses what its renderers would not format.
  const problem = useMemo(() => markdownProblem(body.trim()), [body]);

  const submit = () => {
    const text = body.trim();
    if (!enabled || !text || problem) return;
    onSend(text, note ? 'note' : 'text');
    if (!note) onTyping?.('', true);
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
        aria-describedby={
          [canReply ? null : 'composer-hint', problem ? 'composer-problem' : null]
            .filter(Boolean)
            .join(' ') || undefined
        }
        aria-invalid={problem ? true : undefined}
        placeholder={note ? t('composerNotePlaceholder') : t('composerPlaceholder')}
        value={body}
        onInput={(e) => {
          setBody(e.currentTarget.value);
          if (!note && canReply) onTyping?.(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onPaste={(e) => {
          // Issue 13: a pasted screenshot or file goes out as an attachment.
          const files = [...(e.clipboardData?.files ?? [])];
          if (!attach || files.length === 0) return;
          e.preventDefault();
          onFiles?.(files);
        }}
      />
      {problem && (
        <p class="composer__problem error" id="composer-problem" role="alert">
          {t('composerMarkdownProblem', { reason: markdownProblemText(problem, locale) })}
        </p>
      )}
      <div class="composer__bar">
        <label class="composer__toggle">
          <input type="checkbox" checked={note} onChange={(e) => setNote(e.currentTarget.checked)} />
          {t('composerNoteToggle')}
        </label>
        {attach && (
          <>
            <input
              ref={picker}
              type="file"
              multiple
              class="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              onChange={(e) => {
                const files = [...(e.currentTarget.files ?? [])];
                e.currentTarget.value = '';
                if (files.length) onFiles?.(files);
              }}
            />
            <button type="button" class="button composer__attach" onClick={() => picker.current?.click()}>
              {t('attach')}
            </button>
          </>
        )}
        <button
          type="submit"
          class="button button--primary"
          disabled={!enabled || !body.trim() || problem !== null}
        >
          {note ? t('addNote') : t('send')}
        </button>
      </div>
    </form>
  );
}
