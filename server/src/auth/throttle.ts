/** Fixed-window failure counters (login attempts per account and per address). In memory, per node. */
export class Throttle {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True while the key has used up its attempts for the current window. */
  blocked(key: string): boolean {
    const entry = this.windows.get(key);
    if (!entry) return false;
    if (entry.resetAt <= this.clock()) {
      this.windows.delete(key);
      return false;
    }
    return entry.count >= this.limit;
  }

  fail(key: string): void {
    const at = this.clock();
    const entry = this.windows.get(key);
    if (!entry || entry.resetAt <= at) this.windows.set(key, { count: 1, resetAt: at + this.windowMs });
    else entry.count += 1;
    if (this.windows.size > 100_000) this.sweep(at);
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(at: number) {
    for (const [key, entry] of this.windows) if (entry.resetAt <= at) this.windows.delete(key);
  }
}
