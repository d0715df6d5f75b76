/**
 * Issue 14: a site's canned responses — the shared ones and the agent's own, filtered by language,
 * added, changed and deleted (shared ones by admins only; the server decides, the page only offers).
 */
import { type AgentProfile, type CannedResponse, isLocale, LOCALES, type Locale } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { ConfirmButton } from '../shared/Confirm.tsx';
import { detailedErrorText, localeText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { CannedApi } from './api.ts';
import { CannedEditor } from './CannedEditor.tsx';
import { type CannedDraft, checkDraft, type DraftProblem, draftOf, newDraft } from './canned-draft.ts';
import './canned.css';

type Props = {
  client: CannedApi;
  siteId: string;
  agent: AgentProfile;
  onSessionEnded(): void;
};

export function CannedPage({ client, siteId, agent, onSessionEnded }: Props) {
  const { t, locale } = useI18n();
  const isAdmin = agent.role === 'admin';
  const load = useLoad(`canned:${siteId}`, () => client.listCanned(siteId), onSessionEnded);
  const [lang, setLang] = useState<Locale | 'all'>('all');
  const [editing, setEditing] = useState<CannedDraft | null>(null);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A done-notice is kept as its key, so it follows a change of the console's language.
  const [notice, setNotice] = useState<NoticeState | 'cannedSaved' | 'cannedDeleted'>(null);

  const all = load.state.data ?? [];
  const shown = lang === 'all' ? all : all.filter((r) => r.lang === lang);
  const canEdit = (r: CannedResponse) => r.scope === 'personal' || isAdmin;

  const open = (draft: CannedDraft) => {
    setEditing(draft);
    setProblems([]);
    setError(null);
    setNotice(null);
  };

  const save = async (draft: CannedDraft) => {
    const checked = checkDraft(draft);
    if ('problems' in checked) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    const result = draft.id
      ? await client.updateCanned(siteId, draft.id, checked.input)
      : await client.createCanned(siteId, checked.input);
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'unauthorized') onSessionEnded();
      setError(detailedErrorText(result.error, t));
      return;
    }
    setEditing(null);
    setNotice('cannedSaved');
    await load.reload();
  };

  const remove = async (r: CannedResponse) => {
    const result = await client.deleteCanned(siteId, r.id);
    if (!result.ok && result.error.code === 'unauthorized') onSessionEnded();
    setNotice(result.ok ? 'cannedDeleted' : { error: true, text: detailedErrorText(result.error, t) });
    await load.reload();
  };

  return (
    <main class="page canned">
      <div class="page__body">
        <h1 class="page__title">{t('cannedTitle')}</h1>
        <p class="field__hint">{t('cannedIntro')}</p>
        {!isAdmin && <p class="field__hint">{t('cannedSharedAdminsOnly')}</p>}
        <div class="canned__bar">
          <label class="field field--row">
            <span>{t('cannedLangFilter')}</span>
            <select
              value={lang}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setLang(isLocale(value) ? value : 'all');
              }}
            >
              <option value="all">{t('cannedLangAll')}</option>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {localeText(l, t)}
                </option>
              ))}
            </select>
          </label>
          {!editing && (
            <button
              type="button"
              class="button button--primary"
              onClick={() => open(newDraft(lang === 'all' ? locale : lang, isAdmin))}
            >
              {t('cannedNew')}
            </button>
          )}
        </div>
        <Notice notice={typeof notice === 'string' ? { error: false, text: t(notice) } : notice} />
        {editing && (
          <CannedEditor
            key={editing.id ?? 'new'}
            initial={editing}
            isAdmin={isAdmin}
            busy={busy}
            problems={problems}
            error={error}
            onSave={(draft) => void save(draft)}
            onCancel={() => setEditing(null)}
          />
        )}
        <PageStatus state={load.state} onRetry={() => void load.reload()} />
        {load.state.data !== null &&
          (shown.length === 0 ? (
            <p class="placeholder">{all.length === 0 ? t('cannedEmpty') : t('cannedNoMatch')}</p>
          ) : (
            <ul class="canned__list" aria-label={t('cannedListLabel')}>
              {shown.map((r) => (
                <li key={r.id} class="canned__item">
                  <div class="canned__head">
                    <h2 class="canned__title">{r.title}</h2>
                    <span class="canned__meta">
                      <code>/{r.shortcut}</code> · {localeText(r.lang, t)} ·{' '}
                      {r.scope === 'site' ? t('cannedShared') : t('cannedPersonal')}
                    </span>
                  </div>
                  <p class="canned__body">{r.body}</p>
                  {canEdit(r) && (
                    <div class="canned__actions">
                      <button
                        type="button"
                        class="button"
                        aria-label={t('cannedEditLabel', { title: r.title })}
                        onClick={() => open(draftOf(r))}
                      >
                        {t('cannedEdit')}
                      </button>
                      <ConfirmButton
                        label={t('cannedDelete')}
                        question={t('cannedDeleteQuestion', { title: r.title })}
                        confirmLabel={t('cannedDeleteConfirm')}
                        danger
                        onConfirm={() => void remove(r)}
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          ))}
      </div>
    </main>
  );
}
