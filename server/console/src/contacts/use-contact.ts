/** One contact loaded for the panel or the contact page, replaced in place by each edit's reply. */
import type { AckResult, Contact } from '@frontdesk/shared';
import { useRef, useState } from 'preact/hooks';
import { type LoadControls, type Loaded, useLoad } from '../shared/use-load.ts';
import type { ContactsApi } from './api.ts';

export type ContactControls = LoadControls<Contact> & {
  contact: Contact | null;
  /** An edit's reply: the contact as the server now has it. */
  replace(contact: Contact): void;
};

export function useContact(
  api: Pick<ContactsApi, 'getContact'>,
  siteId: string,
  contactId: string,
  onSessionEnded: () => void,
): ContactControls {
  const load = useLoad<Contact>(
    `${siteId}/${contactId}`,
    (): Promise<AckResult<Contact>> => api.getContact(siteId, contactId),
    onSessionEnded,
  );
  // An edit holds until the next load (a reload, another contact): the newer answer wins.
  const [edit, setEdit] = useState<{ base: Loaded<Contact>; contact: Contact } | null>(null);
  const latest = useRef(load.state);
  latest.current = load.state;
  const shown = edit && edit.base === load.state ? edit.contact : load.state.data;
  const contact = shown?.id === contactId ? shown : null;
  return { ...load, contact, replace: (next) => setEdit({ base: latest.current, contact: next }) };
}
