/**
 * The `window.Frontdesk(...)` command queue: listeners live here; panel commands wait until the
 * app is mounted and are then replayed in order. Kept terse: it ships in the 2 kB loader.
 */
import type { PanelCommand, WidgetEventMap, WidgetEventName, WidgetHandle } from '../loader-api.ts';

type Listener = (payload: unknown) => void;

export type Commands = {
  run(args: ArrayLike<unknown>): void;
  emit<E extends WidgetEventName>(event: E, payload: WidgetEventMap[E]): void;
  attach(handle: WidgetHandle): void;
  /** Drops waiting panel commands (the app failed to load). */
  clear(): void;
};

const isPanelCommand = (name: unknown): name is PanelCommand =>
  name === 'open' || name === 'close' || name === 'toggle';

/** `needApp` is called when a panel command arrives before the app is mounted. */
export function createCommands(needApp: () => void): Commands {
  const listeners = new Map<unknown, Listener[]>();
  let waiting: PanelCommand[] = [];
  let handle: WidgetHandle | null = null;
  return {
    run(args) {
      const [name, event, fn] = Array.from(args);
      if (name === 'on' && typeof fn === 'function')
        listeners.set(event, [...(listeners.get(event) ?? []), fn as Listener]);
      else if (!isPanelCommand(name)) console.warn('[frontdesk] unknown command', name);
      else if (handle) handle[name]();
      // A closed panel needs no app to stay closed.
      else if (name !== 'close' || waiting.length > 0) {
        waiting.push(name);
        needApp();
      }
    },
    emit(event, payload) {
      for (const fn of listeners.get(event) ?? []) {
        try {
          fn(payload);
        } catch (error) {
          console.error('[frontdesk] listener failed', error);
        }
      }
    },
    attach(next) {
      handle = next;
      for (const name of waiting) next[name]();
      waiting = [];
    },
    clear() {
      waiting = [];
    },
  };
}
