/** What the parts of the visitor's chat share: the transport, the store, and a few views of its state. */
import type { Locale, PageInfo } from '@frontdesk/shared';
import type { Failure } from '@frontdesk/shared/client';
import type { ChatTransport } from '../../transport/index.ts';
import type { State, Store } from '../store/index.ts';
import { noticeFor } from './errors.ts';

export type ChatContext = {
  transport: ChatTransport;
  store: Store;
  locale: Locale;
  /** The page the visitor is on, already within the protocol's limits. */
  page: () => PageInfo;
  state: () => State;
  /** Online and `session:init` answered on this connection: requests may go out. */
  ready: () => boolean;
  /** Tells the visitor why something did not work (or clears it with null). */
  notice: (failure: Failure | null) => void;
};

export function createContext(
  transport: ChatTransport,
  store: Store,
  locale: Locale,
  page: () => PageInfo,
): ChatContext {
  const state = store.getState;
  return {
    transport,
    store,
    locale,
    page,
    state,
    ready: () => state().connection.status === 'online' && state().connection.ready,
    notice: (failure) => store.dispatch({ type: 'ui/notice', notice: failure && noticeFor(failure) }),
  };
}
