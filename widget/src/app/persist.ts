/**
 * What outlives the page: the outbox (allow-listed fields), the panel's open state, the
 * composer's draft and the seen mark (unread messages survive navigation), and the "wake early" flag the loader reads to import the app before a click
 * (a conversation in progress, or the panel was open: the loader itself reads nothing more).
 */
import { isOpenState } from '@frontdesk/shared';
import { type KeyValueStore, storageKey } from '../storage.ts';
import {
  parseOutbox,
  parseSeen,
  type SeenMark,
  type State,
  type Store,
  serializeOutbox,
  serializeSeen,
} from './store/index.ts';

export const hasOpenConversation = (state: State): boolean =>
  state.conversation.current !== null && isOpenState(state.conversation.current.state);

export function loadOutbox(kv: KeyValueStore, siteKey: string) {
  return parseOutbox(kv.get(storageKey(siteKey, 'outbox')));
}

/** The panel's state, the draft and the seen mark left by the previous page of this site. */
export function loadPanel(
  kv: KeyValueStore,
  siteKey: string,
): { open: boolean; draft: string; seen: SeenMark | null; sound: boolean | null } {
  const sound = kv.get(storageKey(siteKey, 'sound'));
  return {
    sound: sound === '1' ? true : sound === '0' ? false : null,
    open: kv.get(storageKey(siteKey, 'open')) === '1',
    draft: kv.get(storageKey(siteKey, 'draft')) ?? '',
    seen: parseSeen(kv.get(storageKey(siteKey, 'seen'))),
  };
}

export function persistState(store: Store, kv: KeyValueStore, siteKey: string): () => void {
  const outboxKey = storageKey(siteKey, 'outbox');
  const activeKey = storageKey(siteKey, 'active');
  const openKey = storageKey(siteKey, 'open');
  const draftKey = storageKey(siteKey, 'draft');
  const seenKey = storageKey(siteKey, 'seen');
  const soundKey = storageKey(siteKey, 'sound');
  const put = (key: string, value: string) => (value ? kv.set(key, value) : kv.remove(key));
  let wake: boolean | null = null;
  return store.subscribe((state, previous) => {
    if (state.outbox.items !== previous.outbox.items) {
      put(outboxKey, state.outbox.items.length === 0 ? '' : serializeOutbox(state.outbox.items));
    }
    if (state.ui.open !== previous.ui.open) put(openKey, state.ui.open ? '1' : '');
    if (state.ui.draft !== previous.ui.draft) put(draftKey, state.ui.draft);
    if (state.ui.seen !== previous.ui.seen) put(seenKey, serializeSeen(state.ui.seen));
    if (state.ui.sound !== previous.ui.sound)
      put(soundKey, state.ui.sound === null ? '' : state.ui.sound ? '1' : '0');
    // Until the session is ready the conversation is unknown: keep the flag as the last page left it.
    if (!state.connection.ready && !state.ui.open) return;
    const next = state.ui.open || hasOpenConversation(state);
    if (next === wake) return;
    wake = next;
    put(activeKey, next ? '1' : '');
  });
}
