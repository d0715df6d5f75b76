/** Which failures are worth retrying, and which catalog string tells the visitor about one. */
import { type ErrorBody, type ErrorCode, RETRYABLE_ERRORS } from '@frontdesk/shared';
import type { WidgetKey } from '@frontdesk/shared/i18n';

type Failure = { ok: false; error: ErrorBody | null };

/** No answer at all, or a code the server marks as retryable with the same request. */
export const isRetryable = (failure: Failure): boolean =>
  failure.error === null || RETRYABLE_ERRORS.includes(failure.error.code);

export function errorKey(code: ErrorCode): WidgetKey {
  switch (code) {
    case 'too_large':
      return 'errorTooLong';
    case 'rate_limited':
      return 'errorRateLimited';
    default:
      return 'errorGeneric';
  }
}

export const noticeFor = (failure: Failure): WidgetKey =>
  failure.error === null ? 'offline' : errorKey(failure.error.code);
