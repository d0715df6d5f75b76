import { describe, expect, it } from 'vitest';
import {
  createTypingThrottle,
  type TypingStep,
  type TypingThrottle,
  typingInput,
  typingSent,
  typingTick,
} from './typing.ts';

const INTERVAL = 2000;
const IDLE = 5000;

/** Drives the throttle like a composer would: keystrokes at given instants, timers fired on time. */
function simulate(keys: readonly [at: number, draft: string][], until: number, sentAt?: number) {
  let state: TypingThrottle = createTypingThrottle(INTERVAL, IDLE);
  let wake: number | null = null;
  const sent: { at: number; typing: boolean; draft: string }[] = [];
  const apply = (step: TypingStep, at: number) => {
    state = step.state;
    wake = step.wakeAt;
    if (step.send) sent.push({ at, ...step.send });
  };
  const events = [...keys];
  for (let now = 0; now <= until; now += 10) {
    while (wake !== null && wake <= now) apply(typingTick(state, now), now);
    if (sentAt === now) apply(typingSent(state), now);
    while (events[0] && events[0][0] <= now) {
      const [, draft] = events.shift() ?? [0, ''];
      apply(typingInput(state, draft, now), now);
    }
  }
  return sent;
}

describe('typing throttle', () => {
  it('sends the first keystroke at once', () => {
    const step = typingInput(createTypingThrottle(INTERVAL, IDLE), 'H', 1000);
    expect(step.send).toEqual({ typing: true, draft: 'H' });
  });

  it('sends at most one signal per 2 s while someone types fast, always the latest draft', () => {
    const keys = Array.from({ length: 60 }, (_, i) => [i * 100, 'x'.repeat(i + 1)] as [number, string]);
    const sent = simulate(keys, 12_000);
    for (let i = 1; i < sent.length; i++)
      expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(INTERVAL);
    const typed = sent.filter((s) => s.typing);
    expect(typed.at(-1)?.draft).toBe('x'.repeat(60));
    // 6 s of typing: one at 0, then one every 2 s (2, 4, 6).
    expect(typed.map((s) => s.at)).toEqual([0, 2000, 4000, 6000]);
  });

  it('says "stopped" after the idle time without a keystroke', () => {
    const sent = simulate([[0, 'hello']], 20_000);
    expect(sent).toEqual([
      { at: 0, typing: true, draft: 'hello' },
      { at: IDLE, typing: false, draft: '' },
    ]);
  });

  it('says "stopped" when the draft is emptied (throttled too)', () => {
    const sent = simulate(
      [
        [0, 'hi'],
        [500, ''],
      ],
      10_000,
    );
    expect(sent).toEqual([
      { at: 0, typing: true, draft: 'hi' },
      { at: 2000, typing: false, draft: '' },
    ]);
  });

  it('sends nothing after a send: the message clears the indicator on the other side', () => {
    const sent = simulate([[0, 'hi there']], 20_000, 300);
    expect(sent).toEqual([{ at: 0, typing: true, draft: 'hi there' }]);
  });

  it('keeps the interval across a send: typing again right away waits for it', () => {
    const sent = simulate(
      [
        [0, 'one'],
        [500, 't'],
      ],
      1500,
      300,
    );
    expect(sent).toEqual([{ at: 0, typing: true, draft: 'one' }]);
    const later = simulate(
      [
        [0, 'one'],
        [500, 't'],
      ],
      2500,
      300,
    );
    expect(later.at(-1)).toEqual({ at: 2000, typing: true, draft: 't' });
  });

  it('an empty composer that was never shown sends nothing', () => {
    expect(simulate([[0, '   ']], 10_000)).toEqual([]);
  });
});
