/** Contacts (issue 12): the customer record, identity, merges and privacy — the feature's public surface. */
import { EVENTS } from '@frontdesk/shared';
import { type FileStore, removeFileKeys } from '../attachments/index.ts';
import type { AgentNamespace, VisitorNamespace } from '../identity/sockets.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Storage } from '../storage/index.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';
import { AgentContacts } from './agent-contacts.ts';
import { EraseConfirmations } from './erase-confirmation.ts';
import { ContactExports } from './export.ts';
import { RetentionJob } from './retention-job.ts';
import { SitePrivacy } from './site-privacy.ts';
import { VisitorContacts } from './visitor-contacts.ts';
import { VisitorSockets } from './visitor-sockets.ts';

export { contactRoutes } from './routes.ts';
export { type ContactEventsDeps, contactVisitorEvents } from './visitor-events.ts';
export type { VisitorContacts };

export type ContactsSetup = {
  storage: Storage;
  namespaces: { visitor: VisitorNamespace; agent: AgentNamespace };
  /** The server secret (erase confirmations are signed with a key derived from it). */
  secret: string;
  logger: Logger;
  clock: () => Date;
  /** Issue 13: where attachment files live; an erasure removes its conversations' files, an export reads them. */
  files: FileStore;
  /** Issue 15: told of every contact change (webhooks). */
  onChanged?: (siteId: string, contactId: string) => void;
};

export function buildContacts(setup: ContactsSetup) {
  const { storage, namespaces, logger, clock } = setup;
  const removeFiles = (keys: readonly string[]) =>
    removeFileKeys(setup.files, keys, (key, err) => logger.error({ err, key }, 'could not remove a file'));
  const sockets = new VisitorSockets(namespaces.visitor, logger);
  /** Agents of the site reload the contact's panel. */
  const changed = (siteId: string, contactId: string) => {
    void namespaces.agent.to(ROOMS.siteAgents(siteId)).emit(EVENTS.contactUpdated, { siteId, contactId });
    setup.onChanged?.(siteId, contactId);
  };
  return {
    sockets,
    visitor: new VisitorContacts({ store: storage, logger, clock, changed, removeFiles }),
    agent: new AgentContacts({
      store: storage,
      confirmations: new EraseConfirmations(setup.secret, clock),
      logger,
      clock,
      changed,
      endVisitorSessions: (contactId) => void sockets.end(contactId, null),
      removeFiles,
    }),
    exports: new ContactExports({ store: storage, files: setup.files, logger, clock }),
    privacy: new SitePrivacy(storage, clock),
    retention: new RetentionJob({ store: storage, logger, clock, removeFiles }),
  };
}

export type Contacts = ReturnType<typeof buildContacts>;
