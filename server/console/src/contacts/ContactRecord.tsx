/**
 * One contact's whole record, as the panel beside a conversation and the Contacts page show it:
 * who they are, details, attributes, tags, notes, pages, conversations, history, export and erase.
 */
import { useI18n } from '../app/i18n.ts';
import { PageStatus } from '../shared/PageStatus.tsx';
import type { ContactsApi } from './api.ts';
import { PageTrail, PastConversations } from './ContactActivity.tsx';
import { ContactAttributes } from './ContactAttributes.tsx';
import { ContactDetails } from './ContactDetails.tsx';
import { ContactHeader, contactName } from './ContactHeader.tsx';
import { ContactHistory } from './ContactHistory.tsx';
import { ContactNotes } from './ContactNotes.tsx';
import { ContactPrivacy } from './ContactPrivacy.tsx';
import { ContactTags } from './ContactTags.tsx';
import { useContactChanged } from './contact-changes.ts';
import { useContact } from './use-contact.ts';

type Props = {
  api: ContactsApi;
  siteId: string;
  contactId: string;
  onSessionEnded(): void;
  onOpenConversation(conversationId: string): void;
  /** Beside a conversation: that one is marked in the list. */
  currentConversationId?: string | null;
  /**
   * Inside the conversation's visitor panel, which already names the visitor: no name heading, only
   * how sure we are who they are. On the Contacts page the name is the page's `h2`.
   */
  embedded?: boolean;
};

export function ContactRecord(props: Props) {
  const { api, siteId, contactId, onSessionEnded } = props;
  const { t } = useI18n();
  const { state, reload, contact, replace } = useContact(api, siteId, contactId, onSessionEnded);
  // Another agent, the visitor or the host page changed it: load it again (what is shown stays meanwhile).
  useContactChanged(siteId, contactId, () => void reload());
  if (!contact) return <PageStatus state={state} onRetry={() => void reload()} />;
  const edit = { contact, siteId, api, onSaved: replace };
  return (
    <div class="contact">
      <ContactHeader contact={contact} embedded={props.embedded === true} />
      {contact.erased && <p class="notice">{t('contactErasedNote')}</p>}
      <ContactDetails {...edit} embedded={props.embedded === true} />
      <ContactAttributes {...edit} />
      <ContactTags {...edit} />
      <ContactNotes contact={contact} siteId={siteId} api={api} onAdded={() => void reload()} />
      <PageTrail contact={contact} />
      <PastConversations
        contact={contact}
        currentId={props.currentConversationId ?? null}
        onOpen={props.onOpenConversation}
      />
      <ContactHistory siteId={siteId} contactId={contact.id} api={api} revision={contact} />
      <ContactPrivacy
        contact={contact}
        name={contactName(contact, (id) => t('visitorFallback', { id }))}
        siteId={siteId}
        api={api}
        onErased={() => void reload()}
      />
    </div>
  );
}
