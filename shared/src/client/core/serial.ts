/**
 * "Run again if busy": a task that never runs twice at once. Asked while it runs, it runs once more
 * after the current run (however many times it was asked), so the last request always sees fresh state.
 */
export type SerialRunner = {
  /** Starts a run, or asks for one more; resolves when no further run is due. */
  run(): Promise<void>;
  /** True while a run is going and another one was asked for (the task may stop early for it). */
  requested(): boolean;
};

/** `repeatIf` is checked before a repeat run (e.g. only while still online). */
export function createSerialRunner(
  task: () => Promise<void>,
  repeatIf: () => boolean = () => true,
): SerialRunner {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    try {
      do {
        again = false;
        await task();
      } while (again && repeatIf());
    } finally {
      again = false;
      running = null;
    }
  };
  return {
    run() {
      if (running) {
        again = true;
        return running;
      }
      running = loop();
      return running;
    },
    requested: () => again,
  };
}
