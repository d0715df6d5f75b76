/**
 * Issue 15: every storage operation timed, without touching the engines — the `Storage` object is
 * wrapped so each async method records its duration under its own name (a bounded label set).
 */
import type { Metrics } from './metrics.ts';

export function timedStorage<T extends object>(storage: T, metrics: Pick<Metrics, 'storage'>): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(storage, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      let fn = wrapped.get(key);
      if (!fn) {
        const original = value as (...args: unknown[]) => unknown;
        fn = (...args: unknown[]) => {
          const stop = metrics.storage.startTimer({ operation: key });
          let result: unknown;
          try {
            result = original.apply(target, args);
          } catch (error) {
            stop({ outcome: 'error' });
            throw error;
          }
          if (result instanceof Promise)
            return result.then(
              (ok) => {
                stop({ outcome: 'ok' });
                return ok;
              },
              (error: unknown) => {
                stop({ outcome: 'error' });
                throw error;
              },
            );
          stop({ outcome: 'ok' });
          return result;
        };
        wrapped.set(key, fn);
      }
      return fn;
    },
  });
}
