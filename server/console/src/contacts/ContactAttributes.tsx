/**
 * Custom attributes, typed (text, number, yes/no, date): the list with a remove button each, and a
 * small form to add one or change one (same key). Values are text nodes: markup stays text (R4).
 */
import { ATTRIBUTE_TYPES, type AttributeType, type Contact } from '@frontdesk/shared';
import { useId, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { ContactsApi } from './api.ts';
import {
  type AttributeDraft,
  type AttributeProblems,
  emptyDraft,
  formatAttribute,
  readDraft,
  TYPE_KEYS,
} from './attribute-form.ts';

type Props = {
  contact: Contact;
  siteId: string;
  api: Pick<ContactsApi, 'patchContact'>;
  onSaved(contact: Contact): void;
};

export function ContactAttributes({ contact, siteId, api, onSaved }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<AttributeDraft>(emptyDraft);
  const [problems, setProblems] = useState<AttributeProblems>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const editable = !contact.erased;

  const send = async (patch: Parameters<ContactsApi['patchContact']>[2], after?: () => void) => {
    setBusy(true);
    setNotice(null);
    const result = await api.patchContact(siteId, contact.id, patch);
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
    const read = readDraft(draft);
    if (!read.ok) {
      setProblems(read.problems);
      return;
    }
    setProblems({});
    void send({ attributes: { set: { [read.key]: read.value } } }, () => setDraft(emptyDraft));
  };

  const setType = (type: AttributeType) =>
    setDraft({
      ...draft,
      type,
      text: type === 'boolean' ? 'true' : draft.type === 'boolean' ? '' : draft.text,
    });

  return (
    <section class="contact__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('attributesTitle')}</h3>
      {contact.attributes.length === 0 ? (
        <p class="muted">{t('attributesEmpty')}</p>
      ) : (
        <dl class="contact__facts contact__attributes">
          {contact.attributes.map((attribute) => (
            <div class="contact__attribute" key={attribute.key}>
              <dt>
                {attribute.key} <span class="muted">({t(TYPE_KEYS[attribute.type])})</span>
              </dt>
              <dd>
                <span>{formatAttribute(attribute, locale, t)}</span>
                {editable && (
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label={t('attributeRemove', { key: attribute.key })}
                    disabled={busy}
                    onClick={() => void send({ attributes: { remove: [attribute.key] } })}
                  >
                    ×
                  </button>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {editable && (
        <form class="contact__inline-form" onSubmit={add} noValidate aria-label={t('attributeAdd')}>
          <div class="field">
            <label for={`${id}-key`}>{t('attributeKey')}</label>
            <input
              id={`${id}-key`}
              value={draft.key}
              aria-invalid={problems.key ? true : undefined}
              aria-describedby={problems.key ? `${id}-key-problem` : undefined}
              onInput={(e) => setDraft({ ...draft, key: e.currentTarget.value })}
            />
            {problems.key && (
              <p id={`${id}-key-problem`} class="error">
                {t(problems.key)}
              </p>
            )}
          </div>
          <div class="field">
            <label for={`${id}-type`}>{t('attributeType')}</label>
            <select
              id={`${id}-type`}
              value={draft.type}
              onChange={(e) => setType(e.currentTarget.value as AttributeType)}
            >
              {ATTRIBUTE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(TYPE_KEYS[type])}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${id}-value`}>{t('attributeValue')}</label>
            {draft.type === 'boolean' ? (
              <select
                id={`${id}-value`}
                value={draft.text}
                onChange={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
              >
                <option value="true">{t('attributeYes')}</option>
                <option value="false">{t('attributeNo')}</option>
              </select>
            ) : (
              <input
                id={`${id}-value`}
                type={draft.type === 'date' ? 'date' : 'text'}
                inputMode={draft.type === 'number' ? 'decimal' : undefined}
                value={draft.text}
                aria-invalid={problems.value ? true : undefined}
                aria-describedby={problems.value ? `${id}-value-problem` : undefined}
                onInput={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
              />
            )}
            {problems.value && (
              <p id={`${id}-value-problem`} class="error">
                {t(problems.value)}
              </p>
            )}
          </div>
          <button type="submit" class="button" disabled={busy}>
            {t('attributeAdd')}
          </button>
        </form>
      )}
      <Notice notice={notice} />
    </section>
  );
}
