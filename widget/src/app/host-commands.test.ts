import { describe, expect, it, vi } from 'vitest';
import { createHostCommands } from './host-commands.ts';

describe('host commands in the app', () => {
  it('calls the named handler with the first argument', () => {
    const open = vi.fn();
    const identify = vi.fn();
    const run = createHostCommands({ open, identify });
    run(['open']);
    run(['identify', { userId: 'u-1' }, 'ignored']);
    expect(open).toHaveBeenCalledWith(undefined);
    expect(identify).toHaveBeenCalledWith({ userId: 'u-1' });
  });

  it('warns about unknown names, odd input and inherited keys, and runs nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const open = vi.fn();
    const run = createHostCommands({ open });
    run(['explode']);
    run([]);
    run([42]);
    run(['toString']);
    run(['__proto__']);
    run(['on', 'message', 'not a function']);
    expect(open).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(6);
    warn.mockRestore();
  });
});
