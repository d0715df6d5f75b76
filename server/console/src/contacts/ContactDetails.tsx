/**
 * Name, e-mail and phone, and what the browser told us (location from the time zone, language,
 * browser, system, first and last seen). "Edit details" turns the three fields into a form checked
 * with the server's schema; an empty field clears it.
 */
import type { Contact } from '@frontdesk/shared';
import { type ContactPatchInput, ContactPatchSchema } from '@frontdesk/shared/contacts-schemas';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import * as v from 'valibot';
import { useI18n } from '../app/i18n.ts';
import { detailedErrorText, localeText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { ContactsApi } from './api.ts';

type Props = {
  contact: Contact;
  siteId: string;
  api: Pick<ContactsApi, 'patchContact'>;
  onSaved(contact: Contact): void;
  /** Beside a conversation, whose facts already give the browser, system and language. */
  embedded?: boolean;
};

const FIELDS = ['name', 'email', 'phone'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, ConsoleKey> = { name: 'contactName', email: 'fieldEmail', phone: 'contactPhone' };
const PROBLEMS: Record<Field, ConsoleKey> = {
  name: 'contactNameInvalid',
  email: 'contactEmailInvalid',
  phone: 'contactPhoneInvalid',
};
const INPUT_TYPES: Record<Field, string> = { name: 'text', email: 'email', phone: 'tel' };

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function ContactDetails({ contact, siteId, api, onSaved, embedded }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '', phone: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, ConsoleKey>>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const startEditing = () => {
    setValues({ name: contact.name ?? '', email: contact.email ?? '', phone: contact.phone ?? '' });
    setProblems({});
    setNotice(null);
    setEditing(true);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    // Only what changed goes to the server (each change is a line on the timeline).
    const patch: Record<string, string | null> = {};
    for (const field of FIELDS) {
      const next = values[field].trim() || null;
      if (next !== (contact[field] ?? null)) patch[field] = next;
    }
    const parsed = v.safeParse(ContactPatchSchema, patch);
    if (!parsed.success) {
      const found: Partial<Record<Field, ConsoleKey>> = {};
      for (const issue of parsed.issues) {
        const field = issue.path?.[0]?.key as Field | undefined;
        if (field && FIELDS.includes(field)) found[field] = PROBLEMS[field];
      }
      setProblems(found);
      return;
    }
    setProblems({});
    if (Object.keys(patch).length === 0) {
      setEditing(false);
      return;
    }
    setBusy(true);
    const result = await api.patchContact(siteId, contact.id, parsed.output as ContactPatchInput);
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    setEditing(false);
    setNotice({ error: false, text: t('contactSaved') });
    onSaved(result.data);
  };

  return (
    <section class="contact__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('contactDetails')}</h3>
      {editing ? (
        <form class="contact__form" onSubmit={save} noValidate>
          {FIELDS.map((field) => (
            <div class="field" key={field}>
              <label for={`${id}-${field}`}>{t(LABELS[field])}</label>
              <input
                id={`${id}-${field}`}
                type={INPUT_TYPES[field]}
                value={values[field]}
                aria-invalid={problems[field] ? true : undefined}
                aria-describedby={problems[field] ? `${id}-${field}-problem` : undefined}
                onInput={(e) => setValues({ ...values, [field]: e.currentTarget.value })}
              />
              {problems[field] && (
                <p id={`${id}-${field}-problem`} class="error">
                  {t(problems[field])}
                </p>
              )}
            </div>
          ))}
          <div class="contact__actions">
            <button type="submit" class="button button--primary" disabled={busy}>
              {busy ? t('saving') : t('save')}
            </button>
            <button type="button" class="button" disabled={busy} onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <dl class="contact__facts">
          {FIELDS.map((field) => (
            <Fact key={field} label={t(LABELS[field])}>
              {contact[field] ?? <span class="muted">—</span>}
            </Fact>
          ))}
        </dl>
      )}
      <Notice notice={notice} />
      {!editing && !contact.erased && (
        <button type="button" class="button contact__edit" onClick={startEditing}>
          {t('contactEdit')}
        </button>
      )}
      <dl class="contact__facts">
        {contact.location && <Fact label={t('contactLocation')}>{contact.location}</Fact>}
        {!embedded && contact.locale && (
          <Fact label={t('fieldLanguage')}>{localeText(contact.locale, t)}</Fact>
        )}
        {!embedded && contact.browser && <Fact label={t('fieldBrowser')}>{contact.browser}</Fact>}
        {!embedded && contact.os && <Fact label={t('fieldSystem')}>{contact.os}</Fact>}
        <Fact label={t('contactFirstSeen')}>
          <time dateTime={contact.firstSeenAt}>{when(contact.firstSeenAt)}</time>
        </Fact>
        <Fact label={t('contactLastSeen')}>
          <time dateTime={contact.lastSeenAt}>{when(contact.lastSeenAt)}</time>
        </Fact>
      </dl>
    </section>
  );
}
