/** What the parts of the visitor's chat share: the transport, the store, and a few views of its state. */
import { LIMITS, type Locale, type PageInfo } from '@frontdesk/shared';
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
  /**
   * True once requests may go out. While the widget is still connecting (or `session:init` is on its
   * way) it waits, up to `LIMITS.visitorConnectWaitMs`: a click made in the first seconds after the
   * panel opens is not lost. False at once when offline or refused.
   */
  whenReady: () => Promise<boolean>;
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
  const ready = () => state().connection.status === 'online' && state().connection.ready;
  /** True: ready; false: offline, refused or a preview; null: still connecting. */
  const settled = ({ connection }: State): boolean | null => {
    if (connection.status === 'online') return connection.ready ? true : null;
    return connection.status === 'connecting' ? null : false;
  };
  return {
    transport,
    store,
    locale,
    page,
    state,
    ready,
    whenReady() {
      const now = settled(state());
      if (now !== null) return Promise.resolve(now);
      return new Promise((resolve) => {
        const done = (value: boolean) => {
          clearTimeout(timer);
          unsubscribe();
          resolve(value);
        };
        const unsubscribe = store.subscribe((next) => {
          const value = settled(next);
          if (value !== null) done(value);
        });
        const timer = setTimeout(() => done(false), LIMITS.visitorConnectWaitMs);
      });
    },
    notice: (failure) => store.dispatch({ type: 'ui/notice', notice: failure && noticeFor(failure) }),
  };
}
