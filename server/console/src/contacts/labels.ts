/** Contacts (issue 12): identity, timeline entries and conversation outcomes as the agent reads them. */
import type {
  ContactActor,
  ContactChange,
  ContactConversation,
  ContactField,
  IdentityState,
} from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';

type T = (key: ConsoleKey, values?: Record<string, string | number>) => string;

export const IDENTITY_KEYS: Record<IdentityState, { label: ConsoleKey; hint: ConsoleKey }> = {
  anonymous: { label: 'identityAnonymous', hint: 'identityAnonymousHint' },
  unverified: { label: 'identityUnverified', hint: 'identityUnverifiedHint' },
  verified: { label: 'identityVerified', hint: 'identityVerifiedHint' },
};

export const FIELD_KEYS: Record<ContactField, ConsoleKey> = {
  name: 'contactName',
  email: 'fieldEmail',
  phone: 'contactPhone',
};

export function actorText(actor: ContactActor, t: T): string {
  switch (actor.type) {
    case 'agent':
      return actor.name;
    case 'visitor':
      return t('actorVisitor');
    case 'host_page':
      return t('actorHostPage');
    case 'system':
      return t('actorSystem');
    case 'api_token':
      return t('actorApiToken', { name: actor.name });
  }
}

export function changeText(change: ContactChange, t: T): string {
  const shown = (value: string | null) => value ?? t('changeEmptyValue');
  switch (change.kind) {
    case 'field':
      return t('changeField', {
        field: t(FIELD_KEYS[change.field]),
        from: shown(change.from),
        to: shown(change.to),
      });
    case 'attribute':
      return t('changeAttribute', { key: change.key, from: shown(change.from), to: shown(change.to) });
    case 'tag_added':
      return t('changeTagAdded', { tag: change.tag });
    case 'tag_removed':
      return t('changeTagRemoved', { tag: change.tag });
    case 'note_added':
      return t('changeNoteAdded');
    case 'identified':
      return t(change.identity === 'verified' ? 'changeIdentifiedVerified' : 'changeIdentifiedUnverified', {
        userId: change.userId,
      });
    case 'merged':
      return t('changeMerged', { count: change.conversations });
    case 'history_deleted':
      return t('changeHistoryDeleted', { count: change.conversations });
    case 'erased':
      return t('changeErased');
  }
}

/** A past conversation in one line: its state (or "offline message") and its rating. */
export function outcomeText(conversation: ContactConversation, t: T): string {
  const state: Record<ContactConversation['state'], ConsoleKey> = {
    bot: 'stateBot',
    queued: 'stateQueued',
    assigned: 'pastAssigned',
    resolved: 'stateResolved',
    abandoned: 'stateAbandoned',
  };
  const parts = [conversation.offline ? t('pastOffline') : t(state[conversation.state])];
  if (conversation.state === 'assigned' && conversation.agentName)
    parts[0] = t('stateAssignedTo', { name: conversation.agentName });
  if (conversation.rating !== null) parts.push(t('ratingValue', { rating: conversation.rating }));
  return parts.join(' · ');
}
