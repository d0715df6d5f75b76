/**
 * The header's options menu (a menu button: Enter/Space/ArrowDown open it with focus on the first
 * item, ArrowUp/ArrowDown/Home/End move between items, Escape or Tab closes it and focus returns to
 * the button). Items: "E-mail me the transcript" (when the visitor has given an e-mail and there is
 * a conversation), the notification sound (a checkbox item), "Delete my chat history".
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useWidget } from './context.ts';

type Props = {
  onDeleteHistory: () => void;
  /** Issue 13: present when a transcript can be sent (a conversation, a known e-mail). */
  onTranscript?: (() => void) | undefined;
  sound: boolean;
  onSound: (on: boolean) => void;
  disabled?: boolean;
};

export function PanelMenu({ onDeleteHistory, onTranscript, sound, onSound, disabled }: Props) {
  const { t } = useWidget();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const move = (event: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(event.target as HTMLElement);
    const next =
      event.key === 'ArrowDown'
        ? (at + 1) % list.length
        : event.key === 'ArrowUp'
          ? (at - 1 + list.length) % list.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? list.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    list[next]?.focus();
  };
  return (
    <div class="menu-wrap">
      <button
        ref={buttonRef}
        type="button"
        class="icon-button"
        aria-label={t('menu')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm0 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm0 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4z" />
        </svg>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          class="menu"
          role="menu"
          aria-label={t('menu')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              // The panel closes on Escape too: only the menu should.
              event.stopPropagation();
              close(true);
            } else if (event.key === 'Tab') close(false);
            else move(event);
          }}
          onFocusOut={(event) => {
            const next = event.relatedTarget as Node | null;
            if (next && next !== buttonRef.current && !event.currentTarget.contains(next)) close(false);
          }}
        >
          {onTranscript && (
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              onClick={() => {
                close(true);
                onTranscript();
              }}
            >
              {t('transcriptAsk')}
            </button>
          )}
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={sound}
            class="menu-item menu-check"
            onClick={() => onSound(!sound)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              {sound ? (
                <path d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
              ) : (
                <path d="M16.5 12A4.5 4.5 0 0 0 14 8v2.2l2.5 2.5v-.7zM19 12a7 7 0 0 1-.6 2.8l1.5 1.5A9 9 0 0 0 14 3.2v2.1a7 7 0 0 1 5 6.7zM4.3 3 3 4.3 7.7 9H3v6h4l5 5v-6.7l4.3 4.2a7 7 0 0 1-2.3 1.2v2.1a9 9 0 0 0 3.7-1.8l2 2 1.3-1.3-9-9L4.3 3zM12 4 9.9 6.1 12 8.2V4z" />
              )}
            </svg>
            {t('menuSound')}
          </button>
          <button
            type="button"
            role="menuitem"
            class="menu-item"
            onClick={() => {
              close(false);
              onDeleteHistory();
            }}
          >
            {t('deleteHistory')}
          </button>
        </div>
      )}
    </div>
  );
}
