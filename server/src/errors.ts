/** One error type for the whole server; HTTP and socket layers map it to the shared error shape. */
import { ERROR_HTTP_STATUS, type ErrorBody, type ErrorCode } from '@frontdesk/shared';

export type AppErrorOptions = ErrorOptions & {
  /** Seconds until a retry may succeed (`rate_limited`); sent as `Retry-After` and in the body. */
  retryAfterSeconds?: number;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds: number | undefined;
  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? code.replaceAll('_', ' '), options);
    this.name = 'AppError';
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_HTTP_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return this.retryAfterSeconds === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterSeconds: this.retryAfterSeconds };
  }
}

/** Turns anything thrown into the public error shape; unknown errors never leak their text. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  return { code: 'internal', message: 'internal error' };
}
