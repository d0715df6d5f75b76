/** The few strings the loader draws before the app chunk arrives (kept tiny on purpose). */
import type { Locale } from './locale.ts';

export const LOADER_CATALOGS: Record<Locale, { open: string; close: string }> = {
  en: { open: 'Open chat', close: 'Close chat' },
  pl: { open: 'Otwórz czat', close: 'Zamknij czat' },
};
