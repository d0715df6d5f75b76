import { describe, expect, it } from 'vitest';
import { Throttle } from './throttle.ts';

describe('Throttle', () => {
  it('blocks after the limit until the window ends, and resets on success', () => {
    let t = 0;
    const throttle = new Throttle(3, 1000, () => t);
    for (let i = 0; i < 3; i++) {
      expect(throttle.blocked('a')).toBe(false);
      throttle.fail('a');
    }
    expect(throttle.blocked('a')).toBe(true);
    expect(throttle.blocked('b')).toBe(false);
    t = 1000;
    expect(throttle.blocked('a')).toBe(false);
    throttle.fail('a');
    throttle.reset('a');
    expect(throttle.blocked('a')).toBe(false);
  });
});
