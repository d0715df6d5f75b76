/** Retries a request whose failure is retryable (`RETRYABLE_ERRORS`), with backoff; the caller keeps its `clientId`. */
import { type AckResult, RETRYABLE_ERRORS } from '@frontdesk/shared';

export type RetryOptions = {
  attempts: number;
  delaysMs: readonly number[];
  sleep?: (ms: number) => Promise<void>;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(
  request: () => Promise<AckResult<T>>,
  { attempts, delaysMs, sleep = defaultSleep }: RetryOptions,
): Promise<AckResult<T>> {
  let result = await request();
  for (let attempt = 1; attempt < attempts; attempt++) {
    if (result.ok || !RETRYABLE_ERRORS.includes(result.error.code)) return result;
    await sleep(delaysMs[Math.min(attempt - 1, delaysMs.length - 1)] ?? 1000);
    result = await request();
  }
  return result;
}
