/** The tab title badge: `(N) Frontdesk` while N visitors wait, plain `Frontdesk` otherwise. */
import type { ConsoleKey } from '@frontdesk/shared/i18n';

type Translate = (key: ConsoleKey, params?: Readonly<Record<string, string | number>>) => string;

export const documentTitle = (waiting: number, t: Translate): string =>
  waiting > 0 ? t('appTitleWaiting', { count: waiting }) : t('appTitle');
