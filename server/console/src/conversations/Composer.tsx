/**
 * The reply box. Enter sends, Shift+Enter adds a line (IME composition is left alone). Replies need the
 * conversation to be assigned to this agent; private notes are always allowed.
 */
import { LIMITS, markdownProblem } from '@frontdesk/shared';
import { markdownProblemText } from '@frontdesk/shared/i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { CannedPicker, LISTBOX_ID, optionId } from '../canned/CannedPicker.tsx';
import { type CannedSource, useCannedPicker } from '../canned/use-canned-picker.ts';
import type { OutgoingKind } from './workspace-state.ts';

type Props = {
  canReply: boolean;
  onSend(body: string, kind: OutgoingKind): void;
  /** Issue 13: the reply changed (`sent`: it went out); never called for a private note. */
  onTyping?(draft: string, sent?: boolean): void;
  /** Issue 13: files picked or pasted (only offered while the agent may reply). */
  onFiles?(files: File[]): void;
  /** Issue 14: the responses `/` offers, and the values their variables take. */
  canned?: CannedSource;
  /** Issue 14: a new number opens the canned responses with a search field (the `/` shortcut). */
  cannedRequest?: number;
};

export function Composer({ canReply, onSend, onTyping, onFiles, canned, cannedRequest }: Props) {
  const { t, locale } = useI18n();
  const [body, setBody] = useState('');
  const [note, setNote] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const caretWanted = useRef<number | null>(null);
  const attach = canReply && !note && onFiles !== undefined;
  const enabled = note || canReply;
  // Replies and notes are shown as Markdown: the server refuses what its renderers would not format.
  const problem = useMemo(() => markdownProblem(body.trim()), [body]);
  // Issue 14: canned responses by `/` or the button.
  const cannedPicker = useCannedPicker({
    source: enabled ? canned : undefined,
    body,
    replace(next, caret) {
      setBody(next);
      caretWanted.current = caret;
      if (!note && canReply) onTyping?.(next);
    },
  });
  useEffect(() => {
    const el = input.current;
    if (caretWanted.current === null || !el) return;
    el.focus();
    el.setSelectionRange(caretWanted.current, caretWanted.current);
    caretWanted.current = null;
  }, [body]);
  const openCanned = () => cannedPicker.openSearch(input.current?.selectionStart ?? body.length);
  useEffect(() => {
    if (cannedRequest) openCanned();
  }, [cannedRequest]);
  const picking = cannedPicker.state.open;

  const submit = () => {
    const text = body.trim();
    if (!enabled || !text || problem) return;
    onSend(text, note ? 'note' : 'text');
    if (!note) onTyping?.('', true);
    setBody('');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (picking && cannedPicker.state.mode === 'inline' && cannedPicker.onKey(event)) return;
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
      {/* Issue 14: above the reply box, so it stays on screen where the box sits at the bottom. */}
      {picking && (
        <CannedPicker
          mode={cannedPicker.state.mode}
          query={cannedPicker.state.query}
          matches={cannedPicker.matches}
          none={cannedPicker.none}
          active={cannedPicker.state.active}
          onQuery={cannedPicker.query}
          onKey={(e) => {
            if (!cannedPicker.onKey(e) && e.key === 'Tab') cannedPicker.close();
          }}
          onPick={cannedPicker.pick}
          onHover={cannedPicker.hover}
        />
      )}
      <label class="visually-hidden" for="composer-input">
        {note ? t('composerNoteLabel') : t('composerLabel')}
      </label>
      <textarea
        ref={input}
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
        aria-autocomplete={cannedPicker.enabled ? 'list' : undefined}
        aria-controls={picking && cannedPicker.state.mode === 'inline' ? LISTBOX_ID : undefined}
        aria-activedescendant={
          picking && cannedPicker.state.mode === 'inline' && cannedPicker.matches.length > 0
            ? optionId(cannedPicker.state.active)
            : undefined
        }
        placeholder={note ? t('composerNotePlaceholder') : t('composerPlaceholder')}
        value={body}
        onInput={(e) => {
          setBody(e.currentTarget.value);
          cannedPicker.typed(e.currentTarget.value, e.currentTarget.selectionStart);
          if (!note && canReply) onTyping?.(e.currentTarget.value);
        }}
        onBlur={() => {
          if (picking && cannedPicker.state.mode === 'inline') cannedPicker.close();
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
      {cannedPicker.note && (
        <p class="composer__hint" role="status">
          {cannedPicker.note}
        </p>
      )}
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
        {cannedPicker.enabled && (
          <button
            type="button"
            class="button composer__canned"
            aria-expanded={picking}
            aria-controls={picking ? LISTBOX_ID : undefined}
            onClick={() => (picking ? cannedPicker.close() : openCanned())}
          >
            {t('cannedOpen')}
          </button>
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
