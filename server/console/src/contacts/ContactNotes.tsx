/** Private notes about the customer (agents only), newest first, and a box to add one. */
import { CONTACT_LIMITS, type Contact } from '@frontdesk/shared';
import { useId, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { ContactsApi } from './api.ts';

type Props = {
  contact: Contact;
  siteId: string;
  api: Pick<ContactsApi, 'addContactNote'>;
  /** A note was added: the contact is loaded again (its notes and timeline changed). */
  onAdded(): void;
};

export function ContactNotes({ contact, siteId, api, onAdded }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const notes = [...contact.notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const add = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!text.trim()) {
      setNotice({ error: true, text: t('noteEmpty') });
      return;
    }
    setBusy(true);
    setNotice(null);
    const result = await api.addContactNote(siteId, contact.id, { body: text.trim() });
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    setText('');
    onAdded();
  };

  return (
    <section class="contact__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('notesTitle')}</h3>
      <p class="field__hint">{t('notesHint')}</p>
      {notes.length === 0 ? (
        <p class="muted">{t('notesEmpty')}</p>
      ) : (
        <ul class="contact__notes">
          {notes.map((note) => (
            <li key={note.id} class="contact__note">
              <p class="contact__note-body">{note.body}</p>
              <p class="contact__note-meta">
                {t('noteBy', {
                  name: note.authorName ?? t('actorSystem'),
                  time: new Date(note.createdAt).toLocaleString(locale, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {!contact.erased && (
        <form class="contact__form" onSubmit={add} noValidate>
          <div class="field">
            <label for={`${id}-note`}>{t('noteNew')}</label>
            <textarea
              id={`${id}-note`}
              rows={2}
              maxLength={CONTACT_LIMITS.noteMaxLength}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button" disabled={busy}>
            {t('noteAdd')}
          </button>
        </form>
      )}
      <Notice notice={notice} />
    </section>
  );
}
