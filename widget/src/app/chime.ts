/**
 * The optional "new message" sound: a short two-tone chime synthesised with Web Audio, so it costs
 * no audio file. Browsers let a page make sound only after the visitor has interacted with it; until
 * then (or without Web Audio) the chime is silently skipped — the badge and title still say it.
 */

/** No more than one chime in this time, however many messages arrive together. */
export const CHIME_GAP_MS = 2000;

export type Chime = { play(): void };

type AudioWindow = { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext };

export function createChime(win: AudioWindow, now: () => number = Date.now): Chime {
  let context: AudioContext | null = null;
  let last = Number.NEGATIVE_INFINITY;
  return {
    play() {
      const at = now();
      if (at - last < CHIME_GAP_MS) return;
      last = at;
      try {
        const Context = win.AudioContext ?? win.webkitAudioContext;
        if (!Context) return;
        context ??= new Context();
        if (context.state === 'suspended') void context.resume().catch(() => {});
        const start = context.currentTime;
        for (const [offset, frequency] of [
          [0, 880],
          [0.12, 1320],
        ] as const) {
          const tone = context.createOscillator();
          const gain = context.createGain();
          tone.frequency.value = frequency;
          gain.gain.setValueAtTime(0.0001, start + offset);
          gain.gain.exponentialRampToValueAtTime(0.12, start + offset + 0.02);
          gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3);
          tone.connect(gain).connect(context.destination);
          tone.start(start + offset);
          tone.stop(start + offset + 0.32);
        }
      } catch {
        // No sound is better than a broken widget.
      }
    },
  };
}
