/**
 * The Contacts page (issue 12): every contact of the chosen site, last seen first, searched by name,
 * e-mail or attribute value (`key:value` for one attribute), filtered by one tag, a page at a time
 * (the server's cursor); a contact opens at `#/contacts/:id` with its whole record.
 */
import { CONTACT_LIMITS, type Contact, type ContactSummary } from '@frontdesk/shared';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { routeHash } from '../app/routes.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { Loading } from '../shared/Loading.tsx';
import { detailedErrorText } from '../shared/labels.ts';
import type { ContactQuery, ContactsApi } from './api.ts';
import { contactName, IdentityBadge } from './ContactHeader.tsx';
import { ContactRecord } from './ContactRecord.tsx';
import { useContactChanged } from './contact-changes.ts';

type Props = {
  client: ContactsApi;
  siteId: string;
  siteName: string;
  contactId: string | null;
  /** Opens one contact (`null`: back to the list). */
  onContact(contactId: string | null): void;
  onOpenConversation(conversationId: string): void;
  onSessionEnded(): void;
};

type List = {
  items: ContactSummary[];
  next: string | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Pages shown ("More contacts" adds one). */
  pages: number;
};

const EMPTY_LIST: List = { items: [], next: null, status: 'loading', error: null, pages: 0 };

/** A list row from a whole contact (what `getContact` answers). */
export function summaryOf(contact: Contact): ContactSummary {
  const { id, siteId, name, email, identity, userId, location, tags } = contact;
  const { firstSeenAt, lastSeenAt, conversationCount, erased } = contact;
  return {
    id,
    siteId,
    name,
    email,
    identity,
    userId,
    location,
    tags,
    firstSeenAt,
    lastSeenAt,
    conversationCount,
    erased,
  };
}

export function ContactsPage(props: Props) {
  const { t } = useI18n();
  return (
    <main class="page" aria-labelledby="contacts-title">
      <div class="page__body contacts">
        <h1 id="contacts-title" class="page__title">
          {t('contactsTitle')}
        </h1>
        {props.contactId ? (
          <>
            <p>
              <a
                href={routeHash({ page: 'contacts', faqId: null })}
                onClick={(e) => {
                  e.preventDefault();
                  props.onContact(null);
                }}
              >
                ← {t('contactsBack')}
              </a>
            </p>
            <ContactRecord
              key={props.contactId}
              api={props.client}
              siteId={props.siteId}
              contactId={props.contactId}
              onSessionEnded={props.onSessionEnded}
              onOpenConversation={props.onOpenConversation}
            />
          </>
        ) : (
          <ContactList {...props} />
        )}
      </div>
    </main>
  );
}

function ContactList({ client, siteId, siteName, onContact, onSessionEnded }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [query, setQuery] = useState<ContactQuery>({});
  const [list, setList] = useState<List>(EMPTY_LIST);
  const shown = useRef(list);
  shown.current = list;

  const load = async (wanted: ContactQuery, cursor: string | null) => {
    setList((l) => ({ ...l, status: 'loading', error: null }));
    const result = await client.listContacts(siteId, { ...wanted, ...(cursor ? { cursor } : {}) });
    if (!result.ok) {
      if (result.error.code === 'unauthorized') onSessionEnded();
      setList((l) => ({ ...l, status: 'error', error: detailedErrorText(result.error, t) }));
      return;
    }
    setList((l) => ({
      items: cursor ? [...l.items, ...result.data.items] : result.data.items,
      next: result.data.nextCursor,
      status: 'ready',
      error: null,
      pages: cursor ? l.pages + 1 : 1,
    }));
  };

  useEffect(() => {
    setList(EMPTY_LIST);
    void load(query, null);
  }, [siteId, query]);

  // Issue 12: a contact changed elsewhere (another agent, the visitor, the host page). A row on
  // screen is loaded again in place; another contact may belong on the first page (new, or seen
  // just now): while only that page is shown, it is loaded again. Further pages are left as they are.
  useContactChanged(siteId, null, ({ contactId }) => {
    const now = shown.current;
    if (now.items.some((c) => c.id === contactId)) {
      void client.getContact(siteId, contactId).then((result) => {
        if (!result.ok) return;
        const row = summaryOf(result.data);
        setList((l) => ({ ...l, items: l.items.map((c) => (c.id === contactId ? row : c)) }));
      });
    } else if (now.pages <= 1 && now.status !== 'loading') {
      void load(query, null);
    }
  });

  const search = (event: Event) => {
    event.preventDefault();
    setQuery({ q: q.trim(), tag: tag.trim() });
  };

  const lastSeen = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <p>{t('contactsIntro', { site: siteName })}</p>
      <form class="toolbar contacts__search" aria-label={t('contactsSearch')} onSubmit={search}>
        <div class="field toolbar__search">
          <label for={`${id}-q`}>{t('contactsSearch')}</label>
          <input
            id={`${id}-q`}
            type="search"
            maxLength={CONTACT_LIMITS.searchMaxLength}
            value={q}
            aria-describedby={`${id}-q-hint`}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-tag`}>{t('contactsTag')}</label>
          <input id={`${id}-tag`} value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button button--primary">
          {t('contactsFilter')}
        </button>
        {(query.q || query.tag) && (
          <button
            type="button"
            class="button"
            onClick={() => {
              setQ('');
              setTag('');
              setQuery({});
            }}
          >
            {t('contactsClear')}
          </button>
        )}
      </form>
      <p id={`${id}-q-hint`} class="field__hint">
        {t('contactsSearchHint')} {t('contactsSort')}
      </p>
      {list.error && (
        <p class="alert" role="alert">
          <span>{list.error}</span>
          <button type="button" class="button" onClick={() => void load(query, null)}>
            {t('retry')}
          </button>
        </p>
      )}
      {list.status === 'loading' && list.items.length === 0 && <Loading />}
      {list.status === 'ready' && list.items.length === 0 && (
        <EmptyState icon="people" title={t('contactsEmpty')} hint={t('contactsEmptyHint')} />
      )}
      {list.items.length > 0 && (
        <table class="table contacts__table">
          <caption class="visually-hidden">{t('contactsShown', { count: list.items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('contactName')}</th>
              <th scope="col">{t('fieldEmail')}</th>
              <th scope="col">{t('contactsIdentity')}</th>
              <th scope="col">{t('tagsTitle')}</th>
              <th scope="col">{t('contactLastSeen')}</th>
              <th scope="col">{t('contactsConversations')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((contact) => (
              <tr key={contact.id}>
                <th scope="row" data-label={t('contactName')}>
                  <a
                    href={`#/contacts/${encodeURIComponent(contact.id)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      onContact(contact.id);
                    }}
                  >
                    {contactName(contact, (short) => t('visitorFallback', { id: short }))}
                  </a>
                  {contact.erased && <span class="badge badge--muted">{t('contactErasedBadge')}</span>}
                </th>
                <td data-label={t('fieldEmail')}>{contact.email ?? '—'}</td>
                <td data-label={t('contactsIdentity')}>
                  <IdentityBadge identity={contact.identity} />
                  {contact.userId && <code class="contacts__user-id">{contact.userId}</code>}
                </td>
                <td data-label={t('tagsTitle')}>
                  {contact.tags.length > 0 ? (
                    <ul class="tags">
                      {contact.tags.map((tagName) => (
                        <li class="tag" key={tagName}>
                          {tagName}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={t('contactLastSeen')}>
                  <time dateTime={contact.lastSeenAt}>{lastSeen(contact.lastSeenAt)}</time>
                </td>
                <td data-label={t('contactsConversations')}>{contact.conversationCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.next && (
        <button
          type="button"
          class="button contacts__more"
          disabled={list.status === 'loading'}
          onClick={() => void load(query, list.next)}
        >
          {t('contactsMore')}
        </button>
      )}
    </>
  );
}
