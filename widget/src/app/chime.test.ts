import { describe, expect, it } from 'vitest';
import { CHIME_GAP_MS, createChime } from './chime.ts';

/** A recording stand-in for the browser's AudioContext (jsdom has none): counts the tones started. */
function recordingAudio() {
  const started: number[] = [];
  class Context {
    state = 'running';
    currentTime = 0;
    destination = {};
    resume = () => Promise.resolve();
    createGain = () => ({
      gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} },
      connect: (next: unknown) => next,
    });
    createOscillator = () => ({
      frequency: { value: 0 },
      connect: (next: unknown) => next,
      start: (at: number) => started.push(at),
      stop() {},
    });
  }
  return { win: { AudioContext: Context as unknown as typeof AudioContext }, started };
}

describe('the new-message chime', () => {
  it('plays two tones, at most once per gap however many messages arrive', () => {
    const { win, started } = recordingAudio();
    let now = 0;
    const chime = createChime(win, () => now);
    chime.play();
    chime.play();
    expect(started).toHaveLength(2);
    now += CHIME_GAP_MS;
    chime.play();
    expect(started).toHaveLength(4);
  });

  it('is silent, not broken, without Web Audio', () => {
    expect(() => createChime({}).play()).not.toThrow();
  });
});
