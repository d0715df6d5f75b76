/**
 * New-chat alerts: a short WebAudio chime (only after the agent has interacted with the page, as browsers
 * require) and, when permitted, a desktop notification. Failures are logged, never thrown.
 */
export type Notifier = {
  chime(): void;
  /** `tag`: a notification with the same tag replaces the previous one (issue 14: one per conversation). */
  desktop(title: string, body: string, onClick?: () => void, tag?: string): void;
  dispose(): void;
};

type AudioContextCtor = new () => AudioContext;

export function createNotifier(win: Window & typeof globalThis = window): Notifier {
  let interacted = false;
  let context: AudioContext | null = null;
  const onInteract = () => {
    interacted = true;
  };
  win.addEventListener('pointerdown', onInteract, { once: true });
  win.addEventListener('keydown', onInteract, { once: true });

  const audioContext = (): AudioContext | null => {
    if (context) return context;
    const w = win as Window & { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor };
    const Ctor = w.AudioContext ?? w.webkitAudioContext;
    if (!Ctor) {
      console.info('[console] Web Audio is not available: no sound for new chats');
      return null;
    }
    context = new Ctor();
    return context;
  };

  return {
    chime() {
      if (!interacted) {
        console.info('[console] new chat sound skipped: the page has not been interacted with yet');
        return;
      }
      try {
        const ctx = audioContext();
        if (!ctx) return;
        const start = ctx.currentTime;
        const gain = ctx.createGain();
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.5);
        gain.connect(ctx.destination);
        for (const [frequency, offset] of [
          [880, 0],
          [1318.5, 0.12],
        ] as const) {
          const osc = ctx.createOscillator();
          osc.type = 'sine';
          osc.frequency.setValueAtTime(frequency, start + offset);
          osc.connect(gain);
          osc.start(start + offset);
          osc.stop(start + 0.5);
        }
      } catch (error) {
        console.warn('[console] could not play the new chat sound', error);
      }
    },
    desktop(title, body, onClick, tag = 'frontdesk-queued') {
      if (!('Notification' in win) || win.Notification.permission !== 'granted') return;
      try {
        const note = new win.Notification(title, { body, tag });
        note.onclick = () => {
          win.focus();
          onClick?.();
          note.close();
        };
      } catch (error) {
        console.warn('[console] desktop notification failed', error);
      }
    },
    dispose() {
      win.removeEventListener('pointerdown', onInteract);
      win.removeEventListener('keydown', onInteract);
      context?.close().catch((error: unknown) => console.warn('[console] closing audio failed', error));
    },
  };
}
