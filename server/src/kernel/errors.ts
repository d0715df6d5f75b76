/** One error type for the whole server; HTTP and socket layers map it to the shared error shape. */
import { ERROR_HTTP_STATUS, type ErrorBody, type ErrorCode } from '@frontdesk/shared';

export type AppErrorOptions = ErrorOptions & {
  /** Seconds until a retry may succeed (`rate_limited`); sent as `Retry-After` and in the body. */
  retryAfter?: number;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Seconds until a retry can succeed (`rate_limited`); HTTP sends it as `Retry-After`. */
  readonly retryAfter: number | undefined;
  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? code.replaceAll('_', ' '), options);
    this.name = 'AppError';
    this.code = code;
    this.retryAfter = options.retryAfter;
  }

  get status(): (typeof ERROR_HTTP_STATUS)[ErrorCode] {
    return ERROR_HTTP_STATUS[this.code];
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.retryAfter !== undefined) body.retryAfter = this.retryAfter;
    return body;
  }
}

/** Turns anything thrown into the public error shape; unknown errors never leak their text. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  return { code: 'internal', message: 'internal error' };
}
