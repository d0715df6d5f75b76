import { describe, expect, it, vi } from 'vitest';
import { createCommands } from './commands.ts';

const handle = () => ({
  open: vi.fn<() => void>(),
  close: vi.fn<() => void>(),
  toggle: vi.fn<() => void>(),
  unmount: vi.fn<() => void>(),
});

describe('Frontdesk command queue', () => {
  it('queues panel commands until the app is attached, then replays them in order', () => {
    const needApp = vi.fn();
    const commands = createCommands(needApp);
    commands.run(['open']);
    commands.run(['close']);
    commands.run(['toggle']);
    expect(needApp).toHaveBeenCalledTimes(3);
    const app = handle();
    const order: string[] = [];
    app.open.mockImplementation(() => order.push('open'));
    app.close.mockImplementation(() => order.push('close'));
    app.toggle.mockImplementation(() => order.push('toggle'));
    commands.attach(app);
    expect(order).toEqual(['open', 'close', 'toggle']);
    commands.run(['close']);
    expect(app.close).toHaveBeenCalledTimes(2);
  });

  it('a lone "close" does not load the app', () => {
    const needApp = vi.fn();
    createCommands(needApp).run(['close']);
    expect(needApp).not.toHaveBeenCalled();
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

  it('warns about unknown commands and survives odd input', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const commands = createCommands(vi.fn());
    commands.run(['explode']);
    commands.run([]);
    commands.run(['on', '__proto__', () => undefined]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('clear() forgets waiting commands (the app failed to load)', () => {
    const commands = createCommands(vi.fn());
    commands.run(['toggle']);
    commands.clear();
    const app = handle();
    commands.attach(app);
    expect(app.toggle).not.toHaveBeenCalled();
  });
});
