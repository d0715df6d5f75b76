/**
 * "Who changed what": the contact's timeline, newest first, loaded when the agent opens it and a
 * page further with "Show older changes".
 */
import type { ContactTimelineEntry } from '@frontdesk/shared';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { Loading } from '../shared/Loading.tsx';
import { detailedErrorText } from '../shared/labels.ts';
import type { ContactsApi } from './api.ts';
import { actorText, changeText } from './labels.ts';

type Props = {
  siteId: string;
  contactId: string;
  api: Pick<ContactsApi, 'contactTimeline'>;
  /** A new value (the contact as loaded or edited) reloads an open history, so it shows the new entry. */
  revision: unknown;
};

type History = { entries: ContactTimelineEntry[]; next: string | null; error: string | null; busy: boolean };

export function ContactHistory({ siteId, contactId, api, revision }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const [history, setHistory] = useState<History | null>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const loadedFor = useRef<unknown>(null);

  const load = async (cursor: string | null) => {
    setHistory((h) => ({ entries: h?.entries ?? [], next: h?.next ?? null, error: null, busy: true }));
    const result = await api.contactTimeline(siteId, contactId, cursor);
    setHistory((h) => {
      const kept = cursor ? (h?.entries ?? []) : [];
      if (!result.ok)
        return {
          entries: kept,
          next: h?.next ?? null,
          error: detailedErrorText(result.error, t),
          busy: false,
        };
      return {
        entries: [...kept, ...result.data.items],
        next: result.data.nextCursor,
        error: null,
        busy: false,
      };
    });
  };

  const refresh = () => {
    if (!detailsRef.current?.open || loadedFor.current === revision) return;
    loadedFor.current = revision;
    void load(null);
  };
  useEffect(refresh, [revision]);
  return (
    <details ref={detailsRef} class="contact__section contact__history" onToggle={refresh}>
      <summary id={`${id}-title`}>{t('historyTitle')}</summary>
      {history?.busy && history.entries.length === 0 && <Loading inline />}
      {history && !history.busy && history.entries.length === 0 && !history.error && (
        <p class="muted">{t('historyEmpty')}</p>
      )}
      {history && history.entries.length > 0 && (
        <ol class="contact__timeline" aria-labelledby={`${id}-title`}>
          {history.entries.map((entry) => (
            <li key={entry.id}>
              <span>{changeText(entry.change, t)}</span>
              <span class="muted">
                {t('historyBy', { actor: actorText(entry.actor, t) })} ·{' '}
                <time dateTime={entry.at}>
                  {new Date(entry.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}
                </time>
              </span>
            </li>
          ))}
        </ol>
      )}
      {history?.error && (
        <p class="error" role="alert">
          {history.error}
        </p>
      )}
      {history?.next && (
        <button type="button" class="button" disabled={history.busy} onClick={() => void load(history.next)}>
          {t('historyMore')}
        </button>
      )}
    </details>
  );
}
