/**
 * Coalesces a stream of values per key: the first goes out at once, later ones within `intervalMs`
 * are held and only the latest goes out when the interval ends (then a new interval starts). So a
 * key produces at most one run per interval however fast values arrive, and the last value always
 * goes out. Bounded: while `maxKeys` keys are in their interval, a new key's values go out at once,
 * untracked (no eviction scan: ordered scans of a large V8 map with deletions are slow).
 */
type Entry<V> = { held: { value: V } | null; timer: ReturnType<typeof setTimeout> };

export class Coalescer<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly maxKeys: number;

  constructor(
    private readonly intervalMs: number,
    private readonly run: (key: string, value: V) => void,
    options: { maxKeys?: number } = {},
  ) {
    this.maxKeys = Math.max(1, options.maxKeys ?? 100_000);
  }

  /** True when the value went out now; false when it is held until the interval ends. */
  submit(key: string, value: V): boolean {
    const entry = this.entries.get(key);
    if (entry) {
      entry.held = { value };
      return false;
    }
    if (this.entries.size < this.maxKeys) this.entries.set(key, { held: null, timer: this.schedule(key) });
    this.run(key, value);
    return true;
  }

  /** Drops what is held for `key` (a newer state went out another way). */
  cancel(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private schedule(key: string) {
    const timer = setTimeout(() => this.intervalEnded(key), this.intervalMs);
    timer.unref?.();
    return timer;
  }

  private intervalEnded(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (!entry.held) {
      this.entries.delete(key);
      return;
    }
    const { value } = entry.held;
    entry.held = null;
    entry.timer = this.schedule(key);
    this.run(key, value);
  }
}
