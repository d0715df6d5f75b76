/**
 * Issue 10: an honest wait estimate, a pure function of measured data. The model:
 * - the recent take-overs of the site (queued → taken, in ms) say how long a visitor at the head of the
 *   queue usually waits with the usual staffing: their lower and upper quartiles bound the range;
 * - visitors ahead of you are taken `agentsOnline` at a time, so position p waits ceil(p / agents)
 *   such rounds;
 * - an agent who already has more than one conversation takes the next one that much later: the range
 *   is stretched by the current load (assigned conversations per available agent) when it exceeds 1.
 * No estimate (null) when nobody is available or there are too few recent samples: never a made-up number.
 */
import { LIMITS, type WaitEstimate } from '@frontdesk/shared';

export type WaitInput = {
  /** Recent waits of the site (ms from queued to taken), any order. */
  waitsMs: readonly number[];
  /** Available (online) agents of the site. */
  agentsOnline: number;
  /** Conversations of the site assigned right now. */
  assigned: number;
  /** The visitor's place in the queue, 1 = next. */
  position: number;
};

const MINUTE = 60_000;

/** The q-quantile (0…1) of sorted values, linearly interpolated. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of nothing');
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (at - lo);
}

export function estimateWait(
  input: WaitInput,
  minSamples: number = LIMITS.waitSamplesMin,
): WaitEstimate | null {
  const waits = input.waitsMs.filter((w) => Number.isFinite(w) && w >= 0);
  if (input.agentsOnline < 1 || waits.length < minSamples || input.position < 1) return null;
  const sorted = [...waits].sort((a, b) => a - b);
  const rounds = Math.ceil(input.position / input.agentsOnline);
  const load = Math.max(1, input.assigned / input.agentsOnline);
  const low = quantile(sorted, 0.25) * rounds * load;
  const high = quantile(sorted, 0.75) * rounds * load;
  // Under a minute at the top end reads "less than a minute" (0–0).
  if (high < MINUTE) return { minMinutes: 0, maxMinutes: 0 };
  const minMinutes = Math.floor(low / MINUTE);
  return { minMinutes, maxMinutes: Math.max(minMinutes + 1, Math.ceil(high / MINUTE)) };
}
