/** The top bar: product name, the console's sections, the signed-in agent, notifications, language, logout. */
import { isLocale, LOCALES, type Locale } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import type { ComponentChildren } from 'preact';
import { useI18n } from './i18n.ts';
import { NotificationsButton } from './NotificationsButton.tsx';

type Props = {
  agentName: string;
  /** The section links (and site picker), between the brand and the agent's name. */
  nav?: ComponentChildren;
  /** Issue 10 (presence): the agent's status switch. */
  presence?: ComponentChildren;
  onLocale(locale: Locale): void;
  onLogout(): void;
};

const LOCALE_KEYS: Record<Locale, ConsoleKey> = { en: 'localeEn', pl: 'localePl' };

export function Header({ agentName, nav, presence, onLocale, onLogout }: Props) {
  const { t, locale } = useI18n();
  return (
    <header class="header">
      <span class="header__brand">{t('appTitle')}</span>
      {nav}
      <span class="header__agent">{t('signedInAs', { name: agentName })}</span>
      {presence}
      <NotificationsButton />
      <label class="header__language">
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
              {makeLocaleName(l, t)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="button" onClick={onLogout}>
        {t('logout')}
      </button>
    </header>
  );
}

const makeLocaleName = (l: Locale, t: (key: ConsoleKey) => string) => t(LOCALE_KEYS[l]);
