/** Issue 14 (routing): what the conversation pane needs for transfers, provided by the shell. */
import type { PresenceStatus } from '@frontdesk/shared';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RoutingApi } from './api.ts';
import type { RoutingStore } from './routing-store.ts';

export type RoutingContextValue = {
  store: RoutingStore;
  api: Pick<RoutingApi, 'getRouting' | 'listTeams'>;
  /** The statuses of the agent's colleagues (from the presence store). */
  presence: Readonly<Record<string, PresenceStatus>>;
};

export const RoutingContext = createContext<RoutingContextValue | null>(null);
export const useRouting = (): RoutingContextValue | null => useContext(RoutingContext);
