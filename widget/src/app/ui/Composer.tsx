/** The message box: Enter sends, Shift+Enter adds a line; the text is kept until it is queued. */
import { type AfterResolution, LIMITS } from '@frontdesk/shared';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useWidget } from './context.ts';

const PLACEHOLDER_AFTER = { reopen: 'composerReopen', start_new: 'composerStartNew' } as const;

/** `disabled`: nothing typed could be sent; `preview`: the console's preview, which shows the usual placeholder. */
export function Composer({
  disabled = false,
  preview = false,
  draft = '',
  afterResolution,
  attach = false,
}: {
  disabled?: boolean;
  preview?: boolean;
  /** Text left unsent (on this page or the previous one), shown again. */
  draft?: string;
  /** The conversation is resolved: what a message does to it, said in the placeholder. */
  afterResolution?: AfterResolution | null;
  /** Issue 13: the site takes files: a picker button, and pasted files are sent. */
  attach?: boolean;
}) {
  const { t, chat, onDraft } = useWidget();
  const [text, setLocal] = useState(draft);
  // The draft changed from outside: cleared (issue 12: logout on a shared computer) or prefilled by
  // the host page (issue 13); typing keeps the two equal, so this never undoes the visitor's keys.
  useEffect(() => {
    setLocal(draft);
  }, [draft]);
  const setText = (next: string) => {
    setLocal(next);
    onDraft?.(next);
    // Issue 13: the other side sees that the visitor types (throttled in the chat).
    chat.typing(next);
  };
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const blank = text.trim() === '';

  const submit = () => {
    if (blank || disabled) return;
    chat.send(text);
    setText('');
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label for={id} class="sr-only">
        {t('composerLabel')}
      </label>
      {attach && !disabled && (
        <>
          <input
            ref={picker}
            type="file"
            multiple
            class="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])];
              event.currentTarget.value = '';
              if (files.length) chat.uploads.add(files);
            }}
          />
          <button
            type="button"
            class="attach icon-button"
            aria-label={t('attach')}
            onClick={() => picker.current?.click()}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z" />
            </svg>
          </button>
        </>
      )}
      <textarea
        id={id}
        rows={1}
        value={text}
        maxLength={LIMITS.messageMaxLength}
        disabled={disabled}
        placeholder={t(
          disabled && !preview
            ? 'unavailableComposer'
            : afterResolution
              ? PLACEHOLDER_AFTER[afterResolution]
              : 'composerPlaceholder',
        )}
        onInput={(event) => setText(event.currentTarget.value)}
        onPaste={(event) => {
          // Issue 13: a pasted image (a screenshot) or file is sent as an attachment.
          const files = [...(event.clipboardData?.files ?? [])];
          if (!attach || disabled || files.length === 0) return;
          event.preventDefault();
          chat.uploads.add(files);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <button type="submit" class="send" aria-label={t('send')} disabled={blank || disabled}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3.4 20.4 21 12 3.4 3.6 3.4 10.2 16 12 3.4 13.8z" />
        </svg>
      </button>
    </form>
  );
}
