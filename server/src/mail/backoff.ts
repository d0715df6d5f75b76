/** When a failed mail is tried again: the configured waits in turn, then no more (failed). Pure. */
import { LIMITS } from '@frontdesk/shared';

export type RetryPolicy = { maxAttempts: number; delaysMs: readonly number[] };

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: LIMITS.mailMaxAttempts,
  delaysMs: LIMITS.mailRetryDelaysMs,
};

/** After `attempts` failed attempts, the time of the next one, or null when it is time to give up. */
export function nextAttemptAt(
  attempts: number,
  failedAt: number,
  policy = DEFAULT_RETRY_POLICY,
): number | null {
  if (attempts >= policy.maxAttempts) return null;
  const delays = policy.delaysMs;
  const delay = delays[Math.min(attempts - 1, delays.length - 1)] ?? 60_000;
  return failedAt + delay;
}
