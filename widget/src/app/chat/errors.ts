/** Which catalog string tells the visitor about a failure. */
import type { ErrorCode } from '@frontdesk/shared';
import type { Failure } from '@frontdesk/shared/client';
import type { WidgetKey } from '@frontdesk/shared/i18n';

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

/** No answer at all means offline; anything else by its code. */
export const noticeFor = (failure: Failure): WidgetKey =>
  failure.error === null ? 'offline' : errorKey(failure.error.code);
