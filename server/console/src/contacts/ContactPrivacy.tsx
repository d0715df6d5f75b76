/**
 * The contact's data rights: "Export JSON" (a download of everything stored), "Export with files
 * (ZIP)" (the same with every file of the contact's conversations) and "Erase contact",
 * confirmed twice — the first yes asks the server for a short-lived confirmation token, the second
 * spends it. Irreversible, so focus starts on the question's own buttons and Escape backs out.
 */
import type { Contact } from '@frontdesk/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { ConfirmButton } from '../shared/Confirm.tsx';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { ContactsApi } from './api.ts';

type Props = {
  contact: Contact;
  /** The name the questions use (already a fallback when the contact has none). */
  name: string;
  siteId: string;
  api: Pick<ContactsApi, 'contactExportUrl' | 'contactExportZipUrl' | 'confirmErase' | 'eraseContact'>;
  onErased(): void;
};

export function ContactPrivacy({ contact, name, siteId, api, onErased }: Props) {
  const { t } = useI18n();
  const [token, setToken] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const finalRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (token) finalRef.current?.focus();
  }, [token]);

  const firstYes = async () => {
    setBusy(true);
    setNotice(null);
    const result = await api.confirmErase(siteId, contact.id);
    setBusy(false);
    if (!result.ok) setNotice({ error: true, text: detailedErrorText(result.error, t) });
    else setToken(result.data.confirmation);
  };

  const secondYes = async (confirmation: string) => {
    setBusy(true);
    const result = await api.eraseContact(siteId, contact.id, confirmation);
    setBusy(false);
    setToken(null);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    setNotice({ error: false, text: t('contactErased', result.data) });
    onErased();
  };

  return (
    <div class="contact__privacy">
      <a class="button" href={api.contactExportUrl(siteId, contact.id)} download>
        {t('contactExport')}
      </a>
      <a class="button" href={api.contactExportZipUrl(siteId, contact.id)} download>
        {t('contactExportZip')}
      </a>
      {!contact.erased && !token && (
        <ConfirmButton
          label={t('contactErase')}
          question={t('contactEraseQuestion', { name })}
          confirmLabel={t('contactEraseNext')}
          danger
          disabled={busy}
          onConfirm={() => void firstYes()}
        />
      )}
      {token && (
        <fieldset
          class="confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setToken(null);
          }}
        >
          <legend class="confirm__question">{t('contactEraseFinalQuestion', { name })}</legend>
          <button
            ref={finalRef}
            type="button"
            class="button button--danger"
            disabled={busy}
            onClick={() => void secondYes(token)}
          >
            {t('contactEraseFinal')}
          </button>
          <button type="button" class="button" disabled={busy} onClick={() => setToken(null)}>
            {t('cancel')}
          </button>
        </fieldset>
      )}
      <Notice notice={notice} />
    </div>
  );
}
