/** One error type for the whole server; HTTP and socket layers map it to the shared error shape. */
import { ERROR_HTTP_STATUS, type ErrorBody, type ErrorCode } from '@frontdesk/shared';

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string, options?: ErrorOptions) {
    super(message ?? code.replaceAll('_', ' '), options);
    this.name = 'AppError';
    this.code = code;
  }

  get status(): number {
    return ERROR_HTTP_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** Turns anything thrown into the public error shape; unknown errors never leak their text. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  return { code: 'internal', message: 'internal error' };
}
