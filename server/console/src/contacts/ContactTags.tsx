/** Tags as removable chips and a field to add one (normalised like the server: trimmed, lower case). */
import { type Contact, normalizeTag, TAG_PATTERN } from '@frontdesk/shared';
import { useId, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { ContactsApi } from './api.ts';

type Props = {
  contact: Contact;
  siteId: string;
  api: Pick<ContactsApi, 'patchContact'>;
  onSaved(contact: Contact): void;
};

export function ContactTags({ contact, siteId, api, onSaved }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const editable = !contact.erased;

  const send = async (patch: { add?: string[]; remove?: string[] }, after?: () => void) => {
    setBusy(true);
    setNotice(null);
    const result = await api.patchContact(siteId, contact.id, { tags: patch });
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    after?.();
    onSaved(result.data);
  };

  const add = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const tag = normalizeTag(text);
    if (!TAG_PATTERN.test(tag)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void send({ add: [tag] }, () => setText(''));
  };

  return (
    <section class="contact__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('tagsTitle')}</h3>
      {contact.tags.length === 0 ? (
        <p class="muted">{t('tagsEmpty')}</p>
      ) : (
        <ul class="tags">
          {contact.tags.map((tag) => (
            <li class="tag" key={tag}>
              <span>{tag}</span>
              {editable && (
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={t('tagRemove', { tag })}
                  disabled={busy}
                  onClick={() => void send({ remove: [tag] })}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form class="contact__row-form" onSubmit={add} noValidate>
          <label class="visually-hidden" for={`${id}-tag`}>
            {t('tagNew')}
          </label>
          <input
            id={`${id}-tag`}
            placeholder={t('tagNew')}
            value={text}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? `${id}-tag-problem` : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={busy}>
            {t('tagAdd')}
          </button>
        </form>
      )}
      {invalid && (
        <p id={`${id}-tag-problem`} class="error">
          {t('tagInvalid')}
        </p>
      )}
      <Notice notice={notice} />
    </section>
  );
}
