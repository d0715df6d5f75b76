/** One contact loaded for the panel or the contact page, replaced in place by each edit's reply. */
import type { AckResult, Contact } from '@frontdesk/shared';
import { useEffect, useState } from 'preact/hooks';
import { type LoadControls, useLoad } from '../shared/use-load.ts';
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
  const [edited, setEdited] = useState<Contact | null>(null);
  // A fresh load (another contact, a reload) wins over an older edit.
  useEffect(() => setEdited(null), [load.state]);
  const contact =
    edited?.id === contactId ? edited : load.state.data?.id === contactId ? load.state.data : null;
  return { ...load, contact, replace: setEdited };
}
