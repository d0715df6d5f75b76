/**
 * Issue 13: the visitor's typing signals (the core's throttle, driven by timers) and read marks (at
 * most one per `LIMITS.readMarkIntervalMs`, only forward), and the other side's typing and reads
 * taken in. Nothing here is retried: a lost signal is superseded by the next one or by a sync.
 */
import { EVENTS, LIMITS, type ReadPosition, type TypingNotice } from '@frontdesk/shared';
import {
  createTypingThrottle,
  type TypingStep,
  typingInput,
  typingSent,
  typingTick,
} from '@frontdesk/shared/client';
import type { ChatContext } from './context.ts';

export type LiveActions = {
  /** The composer's text changed. */
  typing(draft: string): void;
  /** The composer's text was sent. */
  typed(): void;
  /** Messages up to `seq` are on the visitor's screen. */
  markRead(seq: number): void;
  /** From the transport. */
  typingChanged(notice: TypingNotice): void;
  readChanged(position: ReadPosition): void;
  stop(): void;
};

/** A person may read what the visitor types only once one is involved. */
const WITH_A_PERSON = ['queued', 'assigned'];

export function createLive(ctx: ChatContext, now: () => number = () => Date.now()): LiveActions {
  const { store, state } = ctx;
  let throttle = createTypingThrottle(LIMITS.typingIntervalMs, LIMITS.typingIdleMs);
  let typingTimer: ReturnType<typeof setTimeout> | null = null;
  let expiryTimer: ReturnType<typeof setTimeout> | null = null;
  let readTimer: ReturnType<typeof setTimeout> | null = null;
  let readWanted = 0;
  let readSent = 0;

  function apply(step: TypingStep): void {
    throttle = step.state;
    if (typingTimer) clearTimeout(typingTimer);
    typingTimer = null;
    if (step.wakeAt !== null) {
      typingTimer = setTimeout(() => apply(typingTick(throttle, now())), Math.max(0, step.wakeAt - now()));
    }
    const current = state().conversation.current;
    if (!step.send || !current || !ctx.ready()) return;
    const peek = state().conversation.site?.sneakPeek === true && step.send.typing;
    void ctx.transport.request(EVENTS.typingSet, {
      conversationId: current.id,
      typing: step.send.typing,
      ...(peek && { draft: step.send.draft.slice(0, LIMITS.typingDraftMaxLength) }),
    });
  }

  function sendRead(): void {
    readTimer = null;
    const current = state().conversation.current;
    if (!current || !ctx.ready() || readWanted <= Math.max(readSent, state().live.reads.visitor)) return;
    readSent = readWanted;
    void ctx.transport
      .request(EVENTS.readMark, { conversationId: current.id, seq: readWanted })
      .then((reply) => {
        if (reply.ok) readChanged(reply.data);
      });
    readTimer = setTimeout(sendRead, LIMITS.readMarkIntervalMs);
  }

  function readChanged(position: ReadPosition): void {
    const reads = state().live.reads;
    store.dispatch({
      type: 'live/reads',
      conversationId: position.conversationId,
      reads:
        position.reader === 'visitor'
          ? { ...reads, visitor: position.seq }
          : { ...reads, agent: position.seq },
    });
  }

  return {
    typing(draft) {
      const current = state().conversation.current;
      if (!current || !WITH_A_PERSON.includes(current.state)) return;
      apply(typingInput(throttle, draft, now()));
    },
    typed() {
      apply(typingSent(throttle));
    },
    markRead(seq) {
      if (seq <= Math.max(readWanted, state().live.reads.visitor)) return;
      readWanted = seq;
      if (!readTimer) sendRead();
    },
    typingChanged(notice) {
      store.dispatch({ type: 'live/typing', notice, at: now() });
      if (expiryTimer) clearTimeout(expiryTimer);
      expiryTimer = setTimeout(
        () => store.dispatch({ type: 'live/expire', now: now() }),
        LIMITS.typingExpiryMs,
      );
    },
    readChanged,
    stop() {
      for (const timer of [typingTimer, expiryTimer, readTimer]) if (timer) clearTimeout(timer);
      typingTimer = expiryTimer = readTimer = null;
    },
  };
}
