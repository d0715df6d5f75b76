/**
 * The FAQ page: the site's entries (search, language filter, grouped by language, overlap warnings), the
 * "try a question" box, and the editor for the entry in the address (`#/faq/<id>`) or a new one.
 */
import type { FaqInput, Locale } from '@frontdesk/shared';
import { isLocale, LOCALES } from '@frontdesk/shared';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { localeText } from '../shared/labels.ts';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { FaqApi } from './api.ts';
import { FaqEditor } from './FaqEditor.tsx';
import { FaqList } from './FaqList.tsx';
import { draftFromEntry, newDraft } from './faq-draft.ts';
import { filterEntries, type LangFilter, overlapsByEntry } from './faq-list.ts';
import { OverlapList } from './OverlapList.tsx';
import { TryBox } from './TryBox.tsx';

type Props = {
  client: FaqApi;
  siteId: string;
  canEdit: boolean;
  /** The entry in the address, open in the editor. */
  focusId: string | null;
  onFocus(faqId: string | null): void;
  onSessionEnded(): void;
};

export function FaqPage({ client, siteId, canEdit, focusId, onFocus, onSessionEnded }: Props) {
  const { t, locale } = useI18n();
  const { state, reload } = useLoad(siteId, () => client.listFaqs(siteId), onSessionEnded);
  const [query, setQuery] = useState('');
  const [lang, setLang] = useState<LangFilter>('all');
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const faqs = state.data?.faqs ?? [];
  const overlaps = useMemo(() => overlapsByEntry(state.data?.overlaps ?? []), [state.data]);
  const visible = useMemo(() => filterEntries(faqs, query, lang), [faqs, query, lang]);
  const taken = useMemo(() => new Set(faqs.map((e) => e.id)), [faqs]);
  const focused = focusId ? (faqs.find((e) => e.id === focusId) ?? null) : null;

  const open = useCallback(
    (faqId: string | null) => {
      setCreating(false);
      setNotice(null);
      onFocus(faqId);
    },
    [onFocus],
  );

  const save = async (faqId: string, input: FaqInput) => {
    const result = await client.saveFaq(siteId, faqId, input);
    if (result.ok) {
      setCreating(false);
      setNotice(t('saved'));
      onFocus(faqId);
      await reload();
    }
    return result;
  };

  const remove = async (faqId: string) => {
    const result = await client.deleteFaq(siteId, faqId);
    if (result.ok) {
      setNotice(t('faqDeleted'));
      onFocus(null);
      await reload();
    }
    return result;
  };

  let editor: preact.JSX.Element | null = null;
  if (creating) {
    editor = (
      <FaqEditor
        key="new"
        initial={newDraft(lang === 'all' ? locale : lang)}
        taken={taken}
        readOnly={false}
        onSave={save}
        onClose={() => setCreating(false)}
      />
    );
  } else if (focused) {
    editor = (
      <FaqEditor
        key={`${focused.id}@${focused.updatedAt}`}
        initial={draftFromEntry(focused)}
        taken={taken}
        readOnly={!canEdit}
        onSave={save}
        onDelete={canEdit ? () => remove(focused.id) : undefined}
        onClose={() => open(null)}
      >
        <OverlapList overlaps={overlaps.get(focused.id) ?? []} entries={faqs} onOpen={open} />
      </FaqEditor>
    );
  } else if (focusId && state.status === 'ready') {
    editor = <p class="notice">{t('faqUnknownEntry', { id: focusId })}</p>;
  } else if (faqs.length > 0) {
    editor = <p class="placeholder">{t('faqSelectHint')}</p>;
  }

  return (
    <main class="page faq">
      <div class="faq__list lists">
        <div class="toolbar">
          <h1 class="page__title">{t('faqTitle')}</h1>
          <span class="notice">{t('faqCount', { count: faqs.length })}</span>
          {canEdit && (
            <button
              type="button"
              class="button button--primary toolbar__end"
              onClick={() => {
                setNotice(null);
                setCreating(true);
              }}
            >
              {t('faqNew')}
            </button>
          )}
        </div>
        <div class="toolbar">
          <input
            type="search"
            class="toolbar__search"
            value={query}
            placeholder={t('faqSearchPlaceholder')}
            aria-label={t('faqSearch')}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <select
            aria-label={t('faqLangFilter')}
            value={lang}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setLang(isLocale(value) ? value : 'all');
            }}
          >
            <option value="all">{t('faqLangAll')}</option>
            {LOCALES.map((l: Locale) => (
              <option key={l} value={l}>
                {localeText(l, t)}
              </option>
            ))}
          </select>
        </div>
        <PageStatus state={state} onRetry={() => void reload()} />
        {state.data &&
          (faqs.length === 0 ? (
            <EmptyState icon="book" compact title={t('faqEmpty')} hint={t('faqEmptyHint')} />
          ) : visible.length === 0 ? (
            <p class="lists__empty">{t('faqNoResults')}</p>
          ) : (
            <FaqList entries={visible} overlaps={overlaps} selectedId={focusId} onOpen={open} />
          ))}
      </div>
      <div class="faq__side">
        {!canEdit && <p class="banner banner--info">{t('readOnlyNotice')}</p>}
        {notice && (
          <p class="notice faq__notice" role="status">
            {notice}
          </p>
        )}
        <TryBox api={client} siteId={siteId} onOpen={open} />
        {editor}
      </div>
    </main>
  );
}
