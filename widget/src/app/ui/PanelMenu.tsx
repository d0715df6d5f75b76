/**
 * The header's options menu (a menu button: Enter/Space/ArrowDown open it with focus on the first
 * item, Escape or Tab closes it and focus returns to the button). One item today: "Delete my chat
 * history", which the panel then asks to confirm.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useWidget } from './context.ts';

type Props = { onDeleteHistory: () => void; disabled?: boolean };

export function PanelMenu({ onDeleteHistory, disabled }: Props) {
  const { t } = useWidget();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) firstRef.current?.focus();
  }, [open]);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
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
          }}
          onFocusOut={(event) => {
            const next = event.relatedTarget as Node | null;
            if (next && next !== buttonRef.current && !event.currentTarget.contains(next)) close(false);
          }}
        >
          <button
            ref={firstRef}
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
