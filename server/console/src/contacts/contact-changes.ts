/**
 * `contact:updated` for the contact views (issue 12): the workspace's socket carries it, and the
 * panel beside a conversation and the Contacts page listen here, wherever they are mounted. Like the
 * presence store, it wraps the client's `connect` to see the event on its way to the workspace.
 */
import type { ContactUpdated } from '@frontdesk/shared';
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { ConsoleClient } from '../app/client.ts';

type Listener = (change: ContactUpdated) => void;

export type ContactChanges = {
  /** The same client, whose socket now tells this store about changed contacts. */
  wrap(client: ConsoleClient): ConsoleClient;
  subscribe(listener: Listener): () => void;
  /** What the socket heard (exposed for the store's own test). */
  publish(change: ContactUpdated): void;
};

export function createContactChanges(): ContactChanges {
  const listeners = new Set<Listener>();
  const publish = (change: ContactUpdated) => {
    for (const listener of [...listeners]) listener(change);
  };
  return {
    publish,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wrap: (client) => ({
      ...client,
      connect: (handlers) =>
        client.connect({
          ...handlers,
          contactUpdated(change) {
            handlers.contactUpdated?.(change);
            publish(change);
          },
        }),
    }),
  };
}

/** Nothing is heard outside a signed-in shell (component tests that render one view alone). */
export const ContactChangesContext = createContext<Pick<ContactChanges, 'subscribe'> | null>(null);

/** Calls `onChange` for each change of a contact of `siteId` (of `contactId` only, when given). */
export function useContactChanged(
  siteId: string,
  contactId: string | null,
  onChange: (change: ContactUpdated) => void,
): void {
  const changes = useContext(ContactChangesContext);
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (!changes) return;
    return changes.subscribe((change) => {
      if (change.siteId !== siteId) return;
      if (contactId !== null && change.contactId !== contactId) return;
      latest.current(change);
    });
  }, [changes, siteId, contactId]);
}
