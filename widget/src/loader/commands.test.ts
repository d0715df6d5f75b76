import { describe, expect, it, vi } from 'vitest';
import { createCommands } from './commands.ts';

/** An app handle that records what the loader forwards to it. */
const handle = () => {
  const ran: unknown[][] = [];
  return {
    ran,
    open: vi.fn<() => void>(),
    close: vi.fn<() => void>(),
    toggle: vi.fn<() => void>(),
    run: (args: readonly unknown[]) => void ran.push([...args]),
    unmount: vi.fn<() => void>(),
  };
};

describe('Frontdesk command queue', () => {
  it('queues commands until the app is attached, then forwards them in order', () => {
    const needApp = vi.fn();
    const commands = createCommands(needApp);
    commands.run(['open']);
    commands.run(['close']);
    commands.run(['toggle']);
    expect(needApp).toHaveBeenCalledTimes(2);
    const app = handle();
    commands.attach(app);
    expect(app.ran).toEqual([['open'], ['close'], ['toggle']]);
    commands.run(['close']);
    expect(app.ran.at(-1)).toEqual(['close']);
  });

  it('a lone "close" does not load the app', () => {
    const needApp = vi.fn();
    createCommands(needApp).run(['close']);
    expect(needApp).not.toHaveBeenCalled();
  });

  it('"identify" waits for the app without loading it, and reaches it first when it loads', () => {
    const needApp = vi.fn();
    const commands = createCommands(needApp);
    const user = { userId: 'u-7', userHash: 'ab12' };
    commands.run(['identify', user]);
    expect(needApp).not.toHaveBeenCalled();
    commands.run(['open']);
    expect(needApp).toHaveBeenCalledOnce();
    const app = handle();
    commands.attach(app);
    expect(app.ran).toEqual([['identify', user], ['open']]);
  });

  it('"logout" and any other command load the app, which decides what it means', () => {
    const needApp = vi.fn();
    const commands = createCommands(needApp);
    commands.run(['logout']);
    commands.run(['explode', 1]);
    expect(needApp).toHaveBeenCalledTimes(2);
    const app = handle();
    commands.attach(app);
    expect(app.ran).toEqual([['logout'], ['explode', 1]]);
  });

  it('delivers events to "on" listeners, isolating a failing one', () => {
    const commands = createCommands(vi.fn());
    const good = vi.fn();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    commands.run([
      'on',
      'message',
      () => {
        throw new Error('host bug');
      },
    ]);
    commands.run(['on', 'message', good]);
    commands.emit('open', null);
    expect(good).not.toHaveBeenCalled();
    commands.emit('message', { body: 'hi' } as never);
    expect(good).toHaveBeenCalledWith({ body: 'hi' });
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('forwards odd input to the app instead of dropping it (an "on" without a function too)', () => {
    const commands = createCommands(vi.fn());
    const app = handle();
    commands.attach(app);
    commands.run([]);
    commands.run(['on', '__proto__', 'not a function']);
    expect(app.ran).toEqual([[], ['on', '__proto__', 'not a function']]);
  });

  it('clear() forgets waiting commands (the app failed to load)', () => {
    const commands = createCommands(vi.fn());
    commands.run(['toggle']);
    commands.clear();
    const app = handle();
    commands.attach(app);
    expect(app.ran).toEqual([]);
  });

  it('"hide" and "show" before the app apply at once (no flash) and still reach the app in order', () => {
    const states: boolean[] = [];
    const commands = createCommands(vi.fn(), (hidden) => states.push(hidden));
    commands.run(['hide']);
    commands.run(['show']);
    commands.run(['hide']);
    expect(states).toEqual([true, false, true]);
    const app = handle();
    commands.attach(app);
    expect(app.ran).toEqual([['hide'], ['show'], ['hide']]);
    // Once the app is there, it alone handles them.
    commands.run(['show']);
    expect(states).toEqual([true, false, true]);
  });
});
