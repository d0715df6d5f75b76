/**
 * Issue 14: the `?` dialog listing every keyboard shortcut (from `SHORTCUTS`). Modal: focus moves to
 * its close button, Tab stays inside, Escape or the button closes it and focus goes back.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from './i18n.ts';
import { SHORTCUTS } from './shortcuts.ts';
import '../canned/canned.css';

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => opener?.focus?.();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab') {
      // One focusable element: Tab keeps focus on it.
      event.preventDefault();
      close.current?.focus();
    }
  };
  return (
    <div class="dialog-backdrop">
      <div
        class="dialog shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        aria-describedby="shortcuts-hint"
        onKeyDown={onKeyDown}
      >
        <h2 id="shortcuts-title">{t('shortcutsTitle')}</h2>
        <p id="shortcuts-hint" class="field__hint">
          {t('shortcutsHint')}
        </p>
        <table class="shortcuts__table">
          <thead>
            <tr>
              <th scope="col">{t('shortcutsKey')}</th>
              <th scope="col">{t('shortcutsAction')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td>
                  {s.keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </td>
                <td>{t(s.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={close} type="button" class="button button--primary" onClick={onClose}>
          {t('shortcutsClose')}
        </button>
      </div>
    </div>
  );
}
