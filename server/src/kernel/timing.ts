/**
 * The scaffolding the seed and timing commands share (`contacts:*`, `conversations:*`, `reports:*`):
 * whole-number options, the site named by `--site`, seeding in batches, timing runs and their median.
 * Pure apart from the clock; each command keeps its own query options, output and defaults.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { AppError } from './errors.ts';

/**
 * `--name`'s whole number from 1 to `max`; `fallback` when the option is absent (without one, absent
 * is refused like any other wrong value).
 */
export function wholeNumber(name: string, raw: string | undefined, max: number, fallback?: number): number {
  const value = raw === undefined && fallback !== undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new AppError('bad_request', `--${name} must be a whole number from 1 to ${max}`);
  return value;
}

/** A lenient run count: anything that is not a positive number means `fallback`; at most 100. */
export const runCount = (raw: string | undefined, fallback: number): number =>
  Math.max(1, Math.min(100, Math.floor(Number(raw)) || fallback));

/**
 * The options of a seed-and-time command besides its query's: `--site` (default `site`), `--count`
 * (how many to seed) and `--runs` (default `runs`), for `parseArgs`.
 */
export const seedAndTimeOptions = (site: string, runs: string) =>
  ({
    site: { type: 'string', default: site },
    count: { type: 'string' },
    runs: { type: 'string', default: runs },
  }) as const;

/** The options among `names` that were given (absent ones left out), for a query schema to read. */
export function givenOptions(
  values: Readonly<Record<string, unknown>>,
  names: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => values[name] !== undefined).map((n) => [n, values[n]]));
}

/**
 * What a seed-and-time command starts with: its arguments parsed — the shared options and its query's
 * (`query`, all strings) — the site they name, and the query options that were given.
 */
export async function seedAndTimeArgs<S, K extends string>(
  args: string[],
  storage: { getSiteByKey(key: string): Promise<S | null> },
  defaults: { site: string; runs: string },
  query: readonly K[],
): Promise<{
  values: Partial<Record<K | 'count', string>> & { site?: string; runs?: string };
  site: S;
  given: Record<string, unknown>;
}> {
  const queryOptions = Object.fromEntries(query.map((name) => [name, { type: 'string' as const }]));
  const { values } = parseArgs({
    args,
    options: { ...seedAndTimeOptions(defaults.site, defaults.runs), ...queryOptions },
  });
  const site = await siteOfKey(storage, values.site ?? defaults.site);
  // Every option is a string (`type: 'string'` above), whatever parseArgs's general type says.
  return { values: values as Partial<Record<K | 'count', string>>, site, given: givenOptions(values, query) };
}

/** The site a command works on, or a `not_found` that says how to get one. */
export async function siteOfKey<S>(
  storage: { getSiteByKey(key: string): Promise<S | null> },
  key: string,
  hint = 'start the server once first',
): Promise<S> {
  const site = await storage.getSiteByKey(key);
  if (!site) throw new AppError('not_found', `no site with key "${key}" (${hint})`);
  return site;
}

/**
 * Writes `count` generated items in batches of `batch` (`make(i)` for i = 0 … count − 1) and returns
 * the seconds it took, one decimal. `progress` hears the running total after each batch.
 */
export async function seedInBatches<T>(
  count: number,
  batch: number,
  make: (i: number) => T,
  write: (items: T[]) => Promise<void>,
  progress?: (done: number) => void,
): Promise<string> {
  const started = performance.now();
  for (let done = 0; done < count; done += batch) {
    const size = Math.min(batch, count - done);
    await write(Array.from({ length: size }, (_, k) => make(done + k)));
    progress?.(done + size);
  }
  return ((performance.now() - started) / 1000).toFixed(1);
}

/**
 * `--count` items (a whole number from 1 to `max`), made by `make(i, now)` with one `now` for all and
 * written in batches of `batch`: how many, and the seconds it took (as `seedInBatches`).
 */
export async function seedCount<T>(
  raw: string | undefined,
  batch: number,
  make: (i: number, now: number) => T,
  write: (items: T[]) => Promise<void>,
  max = 1_000_000,
): Promise<{ count: number; took: string }> {
  const count = wholeNumber('count', raw, max);
  const now = Date.now();
  return { count, took: await seedInBatches(count, batch, (i) => make(i, now), write) };
}

/** One call of `task` and how many milliseconds it took. */
export async function timed<R>(task: () => Promise<R>): Promise<{ ms: number; result: R }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

/** Runs `task` `runs` times, one after the other; each run's milliseconds and the last result. */
export async function timeRuns<R>(
  runs: number,
  task: (run: number) => Promise<R>,
): Promise<{ ms: number[]; last: R }> {
  if (runs < 1) throw new AppError('bad_request', 'at least one run');
  const ms: number[] = [];
  let last: R | undefined;
  for (let i = 0; i < runs; i++) {
    const run = await timed(() => task(i));
    ms.push(run.ms);
    last = run.result;
  }
  return { ms, last: last as R };
}

/** The median of some timings: the middle one, or the mean of the two middle ones; 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
