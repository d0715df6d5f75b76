/**
 * Issue 13: the typing throttle, one per composer, as pure steps over an injected `now`. At most one
 * signal per `intervalMs`, always the latest draft (trailing); "stopped" after `idleMs` without a
 * keystroke or when the draft is emptied; nothing after a send (the message itself clears the
 * indicator on the other side). The caller sends `send` and wakes `tick` at `wakeAt`.
 */

export type TypingSignal = { typing: boolean; draft: string };

export type TypingThrottle = {
  readonly intervalMs: number;
  readonly idleMs: number;
  /** When the last signal went out (null: never). */
  readonly lastSentAt: number | null;
  /** Whether the other side currently believes we are typing. */
  readonly shown: boolean;
  /** The signal waiting for the interval to pass. */
  readonly pending: TypingSignal | null;
  readonly lastInputAt: number | null;
};

export type TypingStep = {
  state: TypingThrottle;
  /** Send this now (null: nothing to send). */
  send: TypingSignal | null;
  /** Call `typingTick` at this instant (null: nothing scheduled). */
  wakeAt: number | null;
};

export const createTypingThrottle = (intervalMs: number, idleMs: number): TypingThrottle => ({
  intervalMs,
  idleMs,
  lastSentAt: null,
  shown: false,
  pending: null,
  lastInputAt: null,
});

const canSend = (s: TypingThrottle, now: number) =>
  s.lastSentAt === null || now - s.lastSentAt >= s.intervalMs;

function nextWake(s: TypingThrottle): number | null {
  const times: number[] = [];
  if (s.pending && s.lastSentAt !== null) times.push(s.lastSentAt + s.intervalMs);
  if (s.shown && !s.pending && s.lastInputAt !== null) {
    const idleAt = s.lastInputAt + s.idleMs;
    times.push(s.lastSentAt === null ? idleAt : Math.max(idleAt, s.lastSentAt + s.intervalMs));
  }
  return times.length === 0 ? null : Math.min(...times);
}

function emit(s: TypingThrottle, signal: TypingSignal, now: number): TypingStep {
  const state = { ...s, lastSentAt: now, shown: signal.typing, pending: null };
  return { state, send: signal, wakeAt: nextWake(state) };
}

/** The composer's text changed to `draft`. */
export function typingInput(s: TypingThrottle, draft: string, now: number): TypingStep {
  const typing = draft.trim() !== '';
  if (!typing && !s.shown) {
    const state = { ...s, pending: null, lastInputAt: now };
    return { state, send: null, wakeAt: nextWake(state) };
  }
  const signal = { typing, draft: typing ? draft : '' };
  const withInput = { ...s, lastInputAt: now };
  if (canSend(withInput, now)) return emit(withInput, signal, now);
  const state = { ...withInput, pending: signal };
  return { state, send: null, wakeAt: nextWake(state) };
}

/** The message was sent: nothing more goes out until the next keystroke. */
export function typingSent(s: TypingThrottle): TypingStep {
  const state = { ...s, shown: false, pending: null, lastInputAt: null };
  return { state, send: null, wakeAt: null };
}

/** The timer of `wakeAt` fired: the trailing signal, or "stopped" after the idle time. */
export function typingTick(s: TypingThrottle, now: number): TypingStep {
  if (!canSend(s, now)) return { state: s, send: null, wakeAt: nextWake(s) };
  if (s.pending) return emit(s, s.pending, now);
  if (s.shown && s.lastInputAt !== null && now - s.lastInputAt >= s.idleMs) {
    return emit(s, { typing: false, draft: '' }, now);
  }
  return { state: s, send: null, wakeAt: nextWake(s) };
}
