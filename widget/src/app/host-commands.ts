/**
 * The app's side of `window.Frontdesk(name, ...args)`: the loader forwards every command but `on`
 * here, so names and arguments are checked once, in the lazily loaded chunk, not in the 2 kB loader.
 */

/** One handler per command name; each checks its own argument (a host page can pass anything). */
export type HostCommandHandlers = Record<string, (arg: unknown) => void>;

export function createHostCommands(handlers: HostCommandHandlers): (args: readonly unknown[]) => void {
  return (args) => {
    const [name, arg] = args;
    const handler = typeof name === 'string' && Object.hasOwn(handlers, name) ? handlers[name] : undefined;
    if (handler) handler(arg);
    else console.warn('[frontdesk] unknown command', name);
  };
}
