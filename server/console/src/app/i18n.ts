/** The console's language: picked from the browser (or the agent's last choice) and provided to components. */
import { type Locale, pickLocale } from '@frontdesk/shared';
import { CONSOLE_CATALOGS, type ConsoleKey, translator } from '@frontdesk/shared/i18n';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Translate = (key: ConsoleKey, params?: Readonly<Record<string, string | number>>) => string;
export type I18n = { locale: Locale; t: Translate };

const STORAGE_KEY = 'frontdesk:console:locale';

export const makeI18n = (locale: Locale): I18n => ({ locale, t: translator(CONSOLE_CATALOGS[locale]) });

/** The saved choice first, then the browser's preferred languages. */
export function initialLocale(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch (error) {
    console.warn('[console] storage unavailable; language not remembered', error);
  }
  return pickLocale([saved, ...(navigator.languages ?? []), navigator.language]);
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch (error) {
    console.warn('[console] storage unavailable; language not remembered', error);
  }
}

export const I18nContext = createContext<I18n>(makeI18n('en'));
export const useI18n = (): I18n => useContext(I18nContext);
