/**
 * Debounced requests where the latest wins: each `push` restarts the wait; when it runs, any reply to an
 * earlier push that arrives later is dropped, so typing fast never shows a stale result.
 */
export type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export type LatestRunner<A> = {
  push(arg: A): void;
  /** Drops the pending push and any reply still in flight. */
  cancel(): void;
};

export function debounceLatest<A, R>(
  run: (arg: A) => Promise<R>,
  onResult: (result: R, arg: A) => void,
  delayMs: number,
  timers: Timers = realTimers,
): LatestRunner<A> {
  let handle: unknown = null;
  let generation = 0;
  const clear = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  return {
    push(arg) {
      clear();
      const mine = ++generation;
      handle = timers.setTimeout(() => {
        handle = null;
        void run(arg).then((result) => {
          if (mine === generation) onResult(result, arg);
        });
      }, delayMs);
    },
    cancel() {
      clear();
      generation++;
    },
  };
}
