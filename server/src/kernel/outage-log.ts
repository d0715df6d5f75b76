/**
 * One log line per outage, not one per failure. While Redis is down every reconnect attempt, every
 * publish and every heartbeat fails: before this, one node logged about 180 warnings in a 60 s
 * outage (TESTPLAN D5). Now the first failure is logged (warn) and the rest only counted; the first
 * success after it is logged once (info) with how many failed meanwhile.
 */
import type { Logger } from './logger.ts';

export type OutageLog = {
  failed(error: unknown): void;
  recovered(): void;
};

export function outageLog(logger: Logger | undefined, what: string): OutageLog {
  let failures = 0;
  return {
    failed(error) {
      failures += 1;
      if (failures === 1) logger?.warn({ err: error }, `${what} failed (logged again when it works)`);
    },
    recovered() {
      if (failures === 0) return;
      logger?.info({ failures }, `${what} works again`);
      failures = 0;
    },
  };
}
