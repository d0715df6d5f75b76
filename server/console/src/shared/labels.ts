/** Catalog-backed labels the pages share: a failed admin request, a site that would not load, a language. */
import type { ErrorBody, ErrorCode, Locale } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import type { Translate } from '../app/i18n.ts';

const ADMIN_ERROR_KEYS: Partial<Record<ErrorCode, ConsoleKey>> = {
  forbidden: 'errorAdminOnly',
  not_found: 'errorNotFoundGeneric',
  bad_request: 'errorInvalid',
  too_large: 'errorInvalid',
  conflict: 'errorInvalid',
  rate_limited: 'errorRateLimited',
  unavailable: 'errorUnavailable',
};

/** An FAQ / settings request's failure, in the agent's words. Loads of a site use `siteLoadErrorText`. */
export const adminErrorText = (error: ErrorBody, t: Translate): string =>
  t(ADMIN_ERROR_KEYS[error.code] ?? 'errorGeneric');

export const siteLoadErrorText = (error: ErrorBody, t: Translate): string =>
  error.code === 'not_found' ? t('errorSiteNotFound') : adminErrorText(error, t);

const LOCALE_KEYS: Record<Locale, ConsoleKey> = { en: 'localeEn', pl: 'localePl' };
export const localeText = (locale: Locale, t: Translate): string => t(LOCALE_KEYS[locale]);

/**
 * A failed request with the server's own explanation when it gave one (a refused field: the
 * schema's message names it), after the agent's-words line.
 */
export function detailedErrorText(error: ErrorBody, t: Translate): string {
  const base = adminErrorText(error, t);
  const detail = error.message.trim();
  return detail && detail !== error.code && !detail.startsWith('HTTP ') ? `${base} (${detail})` : base;
}
