/**
 * The top bar: product name, the agent's status, and a menu with the agent, notifications, theme,
 * language and logout; the console's sections (and site picker) below it. The menu is a disclosure:
 * open in the bar on wide screens, a drop-down panel behind the Menu button on narrow ones (issue 14).
 */
import { isLocale, LOCALES, type Locale } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Avatar } from '../shared/Avatar.tsx';
import { useI18n } from './i18n.ts';
import { NotificationsButton } from './NotificationsButton.tsx';
import { ThemeSwitch } from './ThemeSwitch.tsx';
import type { Theme } from './theme.ts';

type Props = {
  agentName: string;
  /** The agent's chosen avatar colour and image, if any. */
  avatarColor?: string | null;
  avatarUrl?: string | null;
  /** The section links (and site picker), under the bar. */
  nav?: ComponentChildren;
  /** Issue 10 (presence): the agent's status switch. */
  presence?: ComponentChildren;
  theme?: Theme;
  onTheme?(theme: Theme): void;
  onLocale(locale: Locale): void;
  onLogout(): void;
};

const LOCALE_KEYS: Record<Locale, ConsoleKey> = { en: 'localeEn', pl: 'localePl' };

export function Header(props: Props) {
  const { agentName, nav, presence, theme, onTheme, onLocale, onLogout } = props;
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  // The drop-down closes on Escape (focus back on its button) and on a click outside it.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      menu.current?.querySelector<HTMLButtonElement>('.header__menu-toggle')?.focus();
    };
    const onClick = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);
  return (
    <header class="header">
      <div class="header__bar">
        <span class="header__brand">
          <svg class="header__logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 5h16v11H9l-5 4z" />
          </svg>
          {t('appTitle')}
        </span>
        <span class="header__spacer" />
        {presence}
        <div class={`header__account${open ? ' header__account--open' : ''}`} ref={menu}>
          <button
            type="button"
            class="header__menu-toggle"
            aria-expanded={open}
            aria-controls="header-menu"
            onClick={() => setOpen(!open)}
          >
            <Avatar name={agentName} size="sm" kind="agent" color={props.avatarColor} url={props.avatarUrl} />
            <span class="header__menu-label">{t('menuButton')}</span>
          </button>
          <div id="header-menu" class="header__menu">
            <span class="header__agent">
              <Avatar
                name={agentName}
                size="sm"
                kind="agent"
                color={props.avatarColor}
                url={props.avatarUrl}
              />
              <span class="header__agent-name">{t('signedInAs', { name: agentName })}</span>
            </span>
            <NotificationsButton />
            {theme && onTheme && <ThemeSwitch theme={theme} onTheme={onTheme} />}
            <label class="header__control header__language">
              <span>{t('language')}</span>
              <select
                value={locale}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  if (isLocale(value)) onLocale(value);
                }}
              >
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {t(LOCALE_KEYS[l])}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" class="button" onClick={onLogout}>
              {t('logout')}
            </button>
          </div>
        </div>
      </div>
      {nav}
    </header>
  );
}
