/** The contact's name and how sure we are who they are (verified, not verified, anonymous), never by colour alone. */
import type { Contact } from '@frontdesk/shared';
import { useI18n } from '../app/i18n.ts';
import { shortId } from '../shared/format.ts';
import { IDENTITY_KEYS } from './labels.ts';

export function contactName(
  contact: Pick<Contact, 'id' | 'name' | 'email'>,
  fallback: (id: string) => string,
) {
  return contact.name?.trim() || contact.email || fallback(shortId(contact.id));
}

export function IdentityBadge({ identity }: { identity: Contact['identity'] }) {
  const { t } = useI18n();
  const keys = IDENTITY_KEYS[identity];
  return (
    <span class={`identity identity--${identity}`} title={t(keys.hint)}>
      <span aria-hidden="true">{identity === 'verified' ? '✓ ' : identity === 'unverified' ? '! ' : ''}</span>
      {t(keys.label)}
    </span>
  );
}

export function ContactHeader({ contact, embedded }: { contact: Contact; embedded: boolean }) {
  const { t } = useI18n();
  const keys = IDENTITY_KEYS[contact.identity];
  return (
    <div class="contact__head">
      {embedded ? (
        <p class="visitor__name">{contactName(contact, (id) => t('visitorFallback', { id }))}</p>
      ) : (
        <h2 class="contact__name">{contactName(contact, (id) => t('visitorFallback', { id }))}</h2>
      )}
      <p class="contact__identity">
        <IdentityBadge identity={contact.identity} />
        {contact.erased && <span class="badge badge--muted">{t('contactErasedBadge')}</span>}
      </p>
      <p class="field__hint">{t(keys.hint)}</p>
      {contact.userId && (
        <p class="contact__user-id">
          {t('contactUserId')}: <code>{contact.userId}</code>
        </p>
      )}
    </div>
  );
}
