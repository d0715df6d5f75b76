/**
 * The `window.Frontdesk(...)` command queue: listeners live here; every other command waits until
 * the app is mounted and is then forwarded in order (the app checks names and arguments, so the
 * loader stays small). Kept terse: it ships in the 2 kB loader.
 */
import type { QuietCommand, WidgetEventMap, WidgetEventName, WidgetHandle } from '../loader-api.ts';

type Listener = (payload: unknown) => void;

export type Commands = {
  run(args: ArrayLike<unknown>): void;
  emit<E extends WidgetEventName>(event: E, payload: WidgetEventMap[E]): void;
  attach(handle: WidgetHandle): void;
  /** Drops waiting commands (the app failed to load). */
  clear(): void;
};

/**
 * `needApp` is called when a command that needs the app arrives before the app is mounted;
 * `hide(true/false)` applies `hide` / `show` at once, so a hidden launcher never flashes while the
 * app loads (the app gets the command too).
 */
export function createCommands(needApp: () => void, hide?: (hidden: boolean) => void): Commands {
  const listeners = new Map<unknown, Listener[]>();
  let waiting: unknown[][] = [];
  let handle: WidgetHandle | null = null;
  return {
    run(args) {
      const list = Array.from(args);
      const [name, event, fn] = list;
      if (name === 'on' && typeof fn === 'function')
        listeners.set(event, [...(listeners.get(event) ?? []), fn as Listener]);
      else if (handle) handle.run(list);
      else {
        if (name === 'hide' || name === 'show') hide?.(name === 'hide');
        waiting.push(list);
        if (name !== ('close' satisfies QuietCommand) && name !== ('identify' satisfies QuietCommand))
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
      for (const args of waiting) next.run(args);
      waiting = [];
    },
    clear() {
      waiting = [];
    },
  };
}
