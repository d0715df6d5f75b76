/**
 * Issue 13: a site's file limits — on or off, the largest file, files per conversation, the accepted
 * types. Checked with the server's own schema before saving; the server checks again (admins only).
 */
import { ATTACHMENT_MIMES, type AttachmentMime, type AttachmentSettings, LIMITS } from '@frontdesk/shared';
import { AttachmentSettingsSchema, v } from '@frontdesk/shared/schemas';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { Loading } from '../shared/Loading.tsx';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { AttachmentSettingsApi } from './attachments-api.ts';

const MB = 1024 * 1024;
/** Shown by their usual names (the MIME types are the values). */
const TYPE_NAMES: Record<AttachmentMime, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'application/pdf': 'PDF',
  'application/zip': 'ZIP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument (ODT)',
  'audio/mpeg': 'MP3',
  'video/mp4': 'MP4',
};

type Props = { siteId: string; client: AttachmentSettingsApi };

export function AttachmentSettingsSection({ siteId, client }: Props) {
  const { t } = useI18n();
  const [enabled, setEnabled] = useState(true);
  const [maxMb, setMaxMb] = useState('');
  const [perConversation, setPerConversation] = useState('');
  const [types, setTypes] = useState<readonly AttachmentMime[]>([]);
  const [busy, setBusy] = useState(true);
  // The form shows once the stored settings are in it: a field typed in before would be overwritten.
  const [loaded, setLoaded] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const show = (settings: AttachmentSettings) => {
    setEnabled(settings.enabled);
    setMaxMb(String(Math.round((settings.maxBytes / MB) * 10) / 10));
    setPerConversation(String(settings.maxPerConversation));
    setTypes(settings.allowedTypes);
  };

  useEffect(() => {
    void client.getAttachmentSettings(siteId).then((result) => {
      setBusy(false);
      if (!result.ok) {
        setNotice({ error: true, text: detailedErrorText(result.error, t) });
        return;
      }
      show(result.data);
      setLoaded(true);
    });
  }, [siteId]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const parsed = v.safeParse(AttachmentSettingsSchema, {
      enabled,
      maxBytes: Math.round(Number(maxMb) * MB),
      maxPerConversation: Number(perConversation),
      allowedTypes: ATTACHMENT_MIMES.filter((m) => types.includes(m)),
    });
    if (!parsed.success) {
      setNotice({ error: true, text: t('attachmentSettingsInvalid', { detail: parsed.issues[0].message }) });
      return;
    }
    setBusy(true);
    setNotice(null);
    const result = await client.saveAttachmentSettings(siteId, parsed.output);
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    show(result.data);
    setNotice({ error: false, text: t('attachmentSettingsSaved') });
  };

  return (
    <section aria-labelledby="attachment-settings-title" class="panel attachment-settings">
      <h2 id="attachment-settings-title">{t('attachmentSettingsTitle')}</h2>
      <p class="field__hint">{t('attachmentSettingsIntro')}</p>
      {!loaded && (notice ? <Notice notice={notice} /> : <Loading />)}
      {loaded && (
        <form class="form" onSubmit={save} noValidate>
          <label class="check">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />{' '}
            {t('attachmentSettingsEnabled')}
          </label>
          <div class="field">
            <label for="attachment-max-mb">
              {t('attachmentSettingsMaxMb', { max: LIMITS.attachmentMaxBytesCeiling / MB })}
            </label>
            <input
              id="attachment-max-mb"
              type="number"
              min={0.1}
              step={0.1}
              max={LIMITS.attachmentMaxBytesCeiling / MB}
              value={maxMb}
              onInput={(e) => setMaxMb(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="attachment-per-conversation">
              {t('attachmentSettingsPerConversation', { max: LIMITS.attachmentsPerConversationMax })}
            </label>
            <input
              id="attachment-per-conversation"
              type="number"
              min={1}
              max={LIMITS.attachmentsPerConversationMax}
              value={perConversation}
              onInput={(e) => setPerConversation(e.currentTarget.value)}
            />
          </div>
          <fieldset class="field">
            <legend>{t('attachmentSettingsTypes')}</legend>
            {ATTACHMENT_MIMES.map((mime) => (
              <label key={mime} class="check">
                <input
                  type="checkbox"
                  checked={types.includes(mime)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setTypes((all) => (on ? [...all, mime] : all.filter((m) => m !== mime)));
                  }}
                />{' '}
                {TYPE_NAMES[mime]}
              </label>
            ))}
          </fieldset>
          <Notice notice={notice} />
          <div class="editor__bar">
            <button type="submit" class="button button--primary" disabled={busy}>
              {t('attachmentSettingsSave')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
