/**
 * Issue 14 (routing): the console's side of transfers. Like the presence store it wraps the client's
 * `connect`, so the workspace's one agent socket also carries transfers out and transfer notices in.
 */
import type { AgentConversation, TransferNotice } from '@frontdesk/shared';
import { createStore, NO_REPLY, type Reply } from '@frontdesk/shared/client';
import type { TransferInput } from '@frontdesk/shared/routing-schemas';
import type { ConsoleClient } from '../app/client.ts';
import type { AgentRealtime } from '../conversations/realtime/index.ts';

export type RoutingState = { notices: readonly (TransferNotice & { key: number })[] };

export type RoutingStore = {
  getState(): RoutingState;
  subscribe(listener: (state: RoutingState, previous: RoutingState) => void): () => void;
  /** `NO_REPLY` when the socket is not connected (or gave no answer). */
  transfer(input: TransferInput): Promise<Reply<AgentConversation>>;
  dismiss(key: number): void;
  wrap(client: ConsoleClient): ConsoleClient;
};

/** At most this many notices stay on screen (the oldest go first). */
const MAX_NOTICES = 5;

type Action = { type: 'set'; state: RoutingState };

export function createRoutingStore(): RoutingStore {
  const store = createStore((_s: RoutingState, a: Action) => a.state, { notices: [] } as RoutingState);
  let live: AgentRealtime | null = null;
  let counter = 0;
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    async transfer(input) {
      if (!live?.transfer) return NO_REPLY;
      return live.transfer(input);
    },
    dismiss(key) {
      const notices = store.getState().notices.filter((n) => n.key !== key);
      store.dispatch({ type: 'set', state: { notices } });
    },
    wrap(client) {
      return {
        ...client,
        connect(handlers) {
          const realtime: AgentRealtime = client.connect({
            ...handlers,
            connected() {
              live = realtime;
              handlers.connected();
            },
            disconnected() {
              live = null;
              handlers.disconnected();
            },
            conversationTransferred(notice) {
              handlers.conversationTransferred?.(notice);
              const notices = [...store.getState().notices, { ...notice, key: ++counter }].slice(
                -MAX_NOTICES,
              );
              store.dispatch({ type: 'set', state: { notices } });
            },
          });
          return realtime;
        },
      };
    },
  };
}
