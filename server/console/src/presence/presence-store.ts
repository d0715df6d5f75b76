/**
 * Issue 10 (presence): one signed-in session's presence. It wraps the console client's `connect` so
 * that the agent socket (owned by the conversations workspace) also carries presence: pushed statuses
 * come in here, and the agent's choice goes out on it. An idle watcher sets away after
 * `LIMITS.agentIdleAwayMs` without input and back to online on the next input, if the away was automatic.
 */
import { LIMITS, type PresenceSetInput } from '@frontdesk/shared';
import { createStore } from '@frontdesk/shared/client';
import type { ConsoleClient } from '../app/client.ts';
import type { AgentRealtime } from '../conversations/realtime/index.ts';
import {
  INITIAL_PRESENCE,
  onConnect,
  type PresenceEvent,
  type PresenceState,
  presenceStep,
} from './presence-state.ts';

export type PresenceStore = {
  getState(): PresenceState;
  subscribe(listener: (state: PresenceState, previous: PresenceState) => void): () => void;
  dispatch(event: PresenceEvent): void;
  /** The client to give the workspace: its sockets report to this store. */
  wrap(client: ConsoleClient): ConsoleClient;
};

type Action = { type: 'set'; state: PresenceState };
const reducer = (_state: PresenceState, action: Action) => action.state;

/** `self`: the signed-in agent's id (their own status as the server keeps it is adopted). */
export function createPresenceStore(self: string | null = null): PresenceStore {
  const store = createStore(reducer, { ...INITIAL_PRESENCE, self });
  let live: AgentRealtime | null = null;

  const send = (input: PresenceSetInput | null) => {
    if (!input || !live) return;
    void live.setPresence(input).then((reply) => {
      if (!reply.ok) console.warn('[console] presence not set', reply.error);
    });
  };

  const dispatch = (event: PresenceEvent) => {
    const step = presenceStep(store.getState(), event);
    if (step.state !== store.getState()) store.dispatch({ type: 'set', state: step.state });
    send(step.send);
  };

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    dispatch,
    wrap(client) {
      return {
        ...client,
        connect(handlers) {
          const realtime: AgentRealtime = client.connect({
            ...handlers,
            connected() {
              live = realtime;
              send(onConnect(store.getState()));
              handlers.connected();
            },
            disconnected() {
              live = null;
              handlers.disconnected();
            },
            presenceChanged(presence) {
              handlers.presenceChanged?.(presence);
              dispatch({ type: 'received', presence });
            },
          });
          return realtime;
        },
      };
    },
  };
}

type IdleDeps = {
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  idleMs?: number;
};

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focus'] as const;

/** Calls `idle` after `idleMs` without input, `active` on input after that; returns what stops watching. */
export function watchIdle(deps: IdleDeps, on: { idle(): void; active(): void }): () => void {
  const idleMs = deps.idleMs ?? LIMITS.agentIdleAwayMs;
  let timer: unknown = null;
  let idle = false;
  const arm = () => {
    if (timer !== null) deps.clearTimeout(timer);
    timer = deps.setTimeout(() => {
      idle = true;
      on.idle();
    }, idleMs);
  };
  const activity = () => {
    if (idle) {
      idle = false;
      on.active();
    }
    arm();
  };
  for (const e of ACTIVITY_EVENTS)
    deps.target.addEventListener(e, activity, { passive: true, capture: true });
  arm();
  return () => {
    if (timer !== null) deps.clearTimeout(timer);
    for (const e of ACTIVITY_EVENTS) deps.target.removeEventListener(e, activity, { capture: true });
  };
}
