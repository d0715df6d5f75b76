/**
 * Readiness (issue 11): `/readyz` asks every dependency (the database now; Redis adds its own check)
 * with a short timeout. A load balancer polls it, so the change ready ↔ degraded is logged once per
 * transition, never per request. `/healthz` (process alive) asks nothing and is not here.
 */
import type { Logger } from '../kernel/logger.ts';

/** One dependency the node needs to serve: resolves when reachable, rejects (or times out) when not. */
export type HealthCheck = { name: string; check(): Promise<void> };

export type ReadinessReport = { ready: true } | { ready: false; reasons: string[] };

/** How long one check may take before it counts as unreachable. */
export const READINESS_TIMEOUT_MS = 2000;

export type Readiness = {
  /** Adds a dependency's check (the Redis work adds `{ name: 'redis', … }`). */
  add(check: HealthCheck): void;
  probe(): Promise<ReadinessReport>;
};

function withTimeout(check: HealthCheck, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([check.check(), timeout]).finally(() => clearTimeout(timer));
}

export function createReadiness(
  checks: readonly HealthCheck[],
  logger: Logger,
  timeoutMs = READINESS_TIMEOUT_MS,
): Readiness {
  const all = [...checks];
  let lastReady: boolean | null = null;
  return {
    add(check) {
      all.push(check);
    },
    async probe() {
      const results = await Promise.allSettled(all.map((check) => withTimeout(check, timeoutMs)));
      const reasons = results.flatMap((result, i) =>
        result.status === 'rejected'
          ? [
              `${all[i]?.name}: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`,
            ]
          : [],
      );
      const ready = reasons.length === 0;
      // The first probe logs only trouble: a node that starts ready says so in its start banner.
      if (ready !== lastReady && !(lastReady === null && ready)) {
        if (ready) logger.info('ready again: every dependency answers');
        else logger.warn({ reasons }, 'degraded: a dependency does not answer');
      }
      lastReady = ready;
      return ready ? { ready } : { ready, reasons };
    },
  };
}
