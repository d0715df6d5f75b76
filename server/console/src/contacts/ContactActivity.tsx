/**
 * Where the customer has been and what they asked before: the page trail (titles as text, links only
 * for http(s) addresses) and every conversation, each one click away.
 */
import type { Contact } from '@frontdesk/shared';
import { useId } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { safeHttpUrl } from '../shared/format.ts';
import { outcomeText } from './labels.ts';

export function PageTrail({ contact }: { contact: Contact }) {
  const { t, locale } = useI18n();
  const id = useId();
  return (
    <section class="contact__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('trailTitle')}</h3>
      {contact.trail.length === 0 ? (
        <p class="muted">{t('trailEmpty')}</p>
      ) : (
        <ol class="contact__trail">
          {contact.trail.map((entry) => {
            const href = safeHttpUrl(entry.url);
            return (
              <li key={`${entry.at}-${entry.url}`}>
                <span class="contact__trail-title">{entry.title || entry.url}</span>
                {href ? (
                  <a
                    class="contact__trail-url"
                    href={href}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                  >
                    {entry.url}
                  </a>
                ) : (
                  <span class="contact__trail-url">{entry.url}</span>
                )}
                <time class="muted" dateTime={entry.at}>
                  {new Date(entry.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

type PastProps = {
  contact: Contact;
  /** The conversation on screen beside the panel (marked, not a link). */
  currentId?: string | null;
  onOpen(conversationId: string): void;
};

export function PastConversations({ contact, currentId, onOpen }: PastProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const list = [...contact.conversations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section class="contact__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('pastTitle')}</h3>
      {list.length === 0 ? (
        <p class="muted">{t('pastEmpty')}</p>
      ) : (
        <ul class="contact__past">
          {list.map((conversation) => {
            const date = new Date(conversation.createdAt).toLocaleString(locale, {
              dateStyle: 'medium',
              timeStyle: 'short',
            });
            const outcome = outcomeText(conversation, t);
            return (
              <li key={conversation.id}>
                {conversation.id === currentId ? (
                  <span class="contact__past-current" aria-current="true">
                    <span>{date}</span>
                    <span class="muted">
                      {t('pastCurrent')} · {outcome}
                    </span>
                  </span>
                ) : (
                  <button type="button" class="contact__past-open" onClick={() => onOpen(conversation.id)}>
                    <span>{date}</span>
                    <span class="muted">{outcome}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
