/**
 * The one retry policy of both clients: wait 1 s · 2^attempt, at most 30 s, spread by ±25 % so that
 * many clients cut off together do not come back in step. `attempt` counts from 0.
 */
export const backoffDelay = (attempt: number, random: () => number = Math.random): number =>
  Math.min(30_000, 1000 * 2 ** attempt) * (0.75 + random() / 2);

export type Retry = {
  /** Runs `task` once after the next delay of the policy (replacing one already scheduled). */
  schedule(task: () => void): void;
  /** Success: the next failure waits the shortest delay again. */
  reset(): void;
  cancel(): void;
};

/** One retry timer with its attempt count; `delayMs` is the policy (tests pass their own). */
export function createRetry(delayMs: (attempt: number) => number = backoffDelay): Retry {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule(task) {
      clearTimeout(timer);
      timer = setTimeout(task, delayMs(attempt++));
    },
    reset() {
      attempt = 0;
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}
