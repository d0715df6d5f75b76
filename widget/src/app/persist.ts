/**
 * What outlives the page: the outbox (allow-listed fields) and the "conversation in progress" flag
 * the loader reads to import the app early.
 */
import { isOpenState } from '@frontdesk/shared';
import { type KeyValueStore, storageKey } from '../storage.ts';
import { parseOutbox, type State, type Store, serializeOutbox } from './store/index.ts';

export const hasOpenConversation = (state: State): boolean =>
  state.conversation.current !== null && isOpenState(state.conversation.current.state);

export function loadOutbox(kv: KeyValueStore, siteKey: string) {
  return parseOutbox(kv.get(storageKey(siteKey, 'outbox')));
}

export function persistState(store: Store, kv: KeyValueStore, siteKey: string): () => void {
  const outboxKey = storageKey(siteKey, 'outbox');
  const activeKey = storageKey(siteKey, 'active');
  return store.subscribe((state, previous) => {
    if (state.outbox.items !== previous.outbox.items) {
      if (state.outbox.items.length === 0) kv.remove(outboxKey);
      else kv.set(outboxKey, serializeOutbox(state.outbox.items));
    }
    const active = hasOpenConversation(state);
    if (active !== hasOpenConversation(previous) || !state.connection.ready) return;
    if (active) kv.set(activeKey, '1');
    else kv.remove(activeKey);
  });
}
