/** Sites (admins): the list with archived ones, a new site, and one site's name, origins, language, archiving. */
import { LIMITS, LOCALES, type Locale, type SiteDetail, type SiteSummary } from '@frontdesk/shared';
import { SiteCreateSchema, SitePatchSchema, v } from '@frontdesk/shared/schemas';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import type { ContactsApi } from '../contacts/api.ts';
import { IdentitySection } from '../contacts/IdentitySection.tsx';
import { RetentionSection } from '../contacts/RetentionSection.tsx';
import { ConfirmButton } from '../shared/Confirm.tsx';
import { EmptyState } from '../shared/EmptyState.tsx';
import { detailedErrorText, localeText } from '../shared/labels.ts';
import { linesToText } from '../shared/lines.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import { AttachmentSettingsSection } from './AttachmentSettingsSection.tsx';
import type { SitesApi } from './api.ts';
import type { AttachmentSettingsApi } from './attachments-api.ts';
import { HoursSection } from './HoursSection.tsx';
import { OfflineSettingsSection } from './OfflineSettingsSection.tsx';
import { OriginsField } from './OriginsField.tsx';
import type { OfflineSettingsApi } from './offline-api.ts';
import { checkOrigins } from './origins.ts';
import { WaitingSettings } from './WaitingSettings.tsx';

type Props = {
  client: SitesApi & OfflineSettingsApi & AttachmentSettingsApi & ContactsApi;
  onSessionEnded(): void;
  /** A site was added or changed: the switcher's list is out of date. */
  onChanged(): void;
  onAppearance(siteId: string): void;
};

export function SitesPage({ client, onSessionEnded, onChanged, onAppearance }: Props) {
  const { t } = useI18n();
  const { state, reload } = useLoad('sites', () => client.listSites(), onSessionEnded);
  const [editing, setEditing] = useState<string | null>(null);
  const changed = (siteId?: string) => {
    if (siteId) setEditing(siteId);
    void reload();
    onChanged();
  };
  return (
    <main class="page sites">
      <div class="page__body">
        <h1 class="page__title">{t('sitesTitle')}</h1>
        <PageStatus state={state} onRetry={() => void reload()} />
        {state.data && (
          <SiteTable sites={state.data} editing={editing} onEdit={setEditing} onAppearance={onAppearance} />
        )}
        {editing && (
          <SiteEditor
            key={editing}
            client={client}
            siteId={editing}
            onSessionEnded={onSessionEnded}
            onChanged={() => changed()}
          />
        )}
        {editing && <OfflineSettingsSection key={`offline-${editing}`} siteId={editing} client={client} />}
        {editing && <AttachmentSettingsSection key={`files-${editing}`} siteId={editing} client={client} />}
        <CreateSite client={client} onCreated={(site) => changed(site.id)} />
      </div>
    </main>
  );
}

type TableProps = {
  sites: readonly SiteSummary[];
  editing: string | null;
  onEdit(siteId: string): void;
  onAppearance(siteId: string): void;
};

function SiteTable({ sites, editing, onEdit, onAppearance }: TableProps) {
  const { t } = useI18n();
  if (sites.length === 0) return <EmptyState icon="globe" title={t('sitesEmpty')} />;
  return (
    <table class="table">
      <caption class="visually-hidden">{t('sitesTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('siteName')}</th>
          <th scope="col">{t('siteKey')}</th>
          <th scope="col">{t('status')}</th>
          <th scope="col">{t('actions')}</th>
        </tr>
      </thead>
      <tbody>
        {sites.map((site) => (
          <tr key={site.id} aria-current={editing === site.id ? 'true' : undefined}>
            <th scope="row">{site.name}</th>
            <td>
              <code>{site.key}</code>
            </td>
            <td>
              {site.archived ? <span class="badge badge--muted">{t('siteArchived')}</span> : t('siteActive')}
            </td>
            <td class="table__actions">
              <button
                type="button"
                class="button"
                aria-label={t('siteEditNamed', { name: site.name })}
                onClick={() => onEdit(site.id)}
              >
                {t('edit')}
              </button>
              <button
                type="button"
                class="button"
                aria-label={t('siteAppearanceNamed', { name: site.name })}
                onClick={() => onAppearance(site.id)}
              >
                {t('navAppearance')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CreateSite({ client, onCreated }: { client: SitesApi; onCreated(site: SiteDetail): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [problems, setProblems] = useState<{ name?: string; origins?: string[] }>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkOrigins(origins, t);
    const parsed = v.safeParse(SiteCreateSchema, {
      name,
      allowedOrigins: checked.ok ? checked.origins : [],
    });
    const next = {
      ...(parsed.success ? {} : { name: t('siteNameRequired', { max: LIMITS.siteNameMaxLength }) }),
      ...(checked.ok ? {} : { origins: checked.problems }),
    };
    setProblems(next);
    if (!parsed.success || !checked.ok) return;
    setBusy(true);
    setNotice(null);
    const result = await client.createSite(parsed.output);
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    setName('');
    setOrigins('');
    setNotice({ error: false, text: t('siteCreated', { name: result.data.name }) });
    onCreated(result.data);
  };

  return (
    <section aria-labelledby="site-create-title" class="panel">
      <h2 id="site-create-title">{t('siteCreateTitle')}</h2>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="site-create-name">{t('siteName')}</label>
          <input
            id="site-create-name"
            maxLength={LIMITS.siteNameMaxLength}
            value={name}
            aria-invalid={problems.name ? true : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          {problems.name && <p class="error">{problems.name}</p>}
        </div>
        <OriginsField
          id="site-create-origins"
          value={origins}
          problems={problems.origins ?? []}
          onInput={setOrigins}
        />
        <Notice notice={notice} />
        <div class="editor__bar">
          <button type="submit" class="button button--primary" disabled={busy}>
            {t('siteCreate')}
          </button>
        </div>
      </form>
    </section>
  );
}

type EditorProps = {
  client: SitesApi & OfflineSettingsApi & ContactsApi;
  siteId: string;
  onSessionEnded(): void;
  onChanged(): void;
};

function SiteEditor({ client, siteId, onSessionEnded, onChanged }: EditorProps) {
  const { t } = useI18n();
  const { state, reload } = useLoad(siteId, () => client.getSite(siteId), onSessionEnded);
  return (
    <section aria-labelledby="site-edit-title" class="panel">
      <h2 id="site-edit-title">
        {state.data ? t('siteEditTitle', { name: state.data.name }) : t('siteEditTitle', { name: '…' })}
      </h2>
      <PageStatus state={state} onRetry={() => void reload()} />
      {state.status === 'ready' && (
        <SiteForm
          key={state.data.id}
          site={state.data}
          client={client}
          onSaved={onChanged}
          onReload={reload}
        />
      )}
      {state.status === 'ready' && <WaitingSettings key={state.data.id} site={state.data} client={client} />}
      {state.status === 'ready' && <HoursSection key={state.data.id} site={state.data} client={client} />}
      {state.status === 'ready' && (
        <IdentitySection
          key={state.data.id}
          siteId={state.data.id}
          client={client}
          onSessionEnded={onSessionEnded}
        />
      )}
      {state.status === 'ready' && (
        <RetentionSection
          key={state.data.id}
          siteId={state.data.id}
          client={client}
          onSessionEnded={onSessionEnded}
        />
      )}
    </section>
  );
}

type FormProps = { site: SiteDetail; client: SitesApi; onSaved(): void; onReload(): Promise<void> };

function SiteForm({ site, client, onSaved }: FormProps) {
  const { t } = useI18n();
  const [current, setCurrent] = useState(site);
  const [name, setName] = useState(site.name);
  const [origins, setOrigins] = useState(linesToText(site.allowedOrigins));
  const [locale, setLocale] = useState<Locale | ''>(site.defaultLocale ?? '');
  const [problems, setProblems] = useState<{ name?: string; origins?: string[] }>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const send = async (patch: v.InferOutput<typeof SitePatchSchema>, done: string) => {
    setBusy(true);
    setNotice(null);
    const result = await client.patchSite(site.id, patch);
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    setCurrent(result.data);
    setOrigins(linesToText(result.data.allowedOrigins));
    setNotice({ error: false, text: done });
    onSaved();
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkOrigins(origins, t);
    const parsed = v.safeParse(SitePatchSchema, {
      name,
      allowedOrigins: checked.ok ? checked.origins : [],
      defaultLocale: locale || null,
    });
    setProblems({
      ...(parsed.success ? {} : { name: t('siteNameRequired', { max: LIMITS.siteNameMaxLength }) }),
      ...(checked.ok ? {} : { origins: checked.problems }),
    });
    if (!parsed.success || !checked.ok) return;
    await send(parsed.output, t('saved'));
  };

  return (
    <form class="form" onSubmit={save} noValidate>
      <p class="field__hint">
        {t('siteKey')}: <code>{current.key}</code>
        {current.archived && <span class="badge badge--muted">{t('siteArchived')}</span>}
      </p>
      <div class="field">
        <label for="site-edit-name">{t('siteName')}</label>
        <input
          id="site-edit-name"
          maxLength={LIMITS.siteNameMaxLength}
          value={name}
          aria-invalid={problems.name ? true : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        {problems.name && <p class="error">{problems.name}</p>}
      </div>
      <OriginsField
        id="site-edit-origins"
        value={origins}
        problems={problems.origins ?? []}
        onInput={setOrigins}
      />
      <div class="field">
        <label for="site-edit-locale">{t('siteDefaultLocale')}</label>
        <select
          id="site-edit-locale"
          value={locale}
          onChange={(e) => setLocale(e.currentTarget.value as Locale | '')}
        >
          <option value="">{t('siteLocaleVisitor')}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {localeText(l, t)}
            </option>
          ))}
        </select>
        <p class="field__hint">{t('siteDefaultLocaleHint')}</p>
      </div>
      <Notice notice={notice} />
      <div class="editor__bar">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
        {current.archived ? (
          <ConfirmButton
            label={t('siteUnarchive')}
            question={t('siteUnarchiveQuestion', { name: current.name })}
            confirmLabel={t('siteUnarchiveConfirm')}
            disabled={busy}
            onConfirm={() => void send({ archived: false }, t('siteUnarchived'))}
          />
        ) : (
          <ConfirmButton
            label={t('siteArchive')}
            question={t('siteArchiveQuestion', { name: current.name })}
            confirmLabel={t('siteArchiveConfirm')}
            danger
            disabled={busy}
            onConfirm={() => void send({ archived: true }, t('siteArchivedDone'))}
          />
        )}
      </div>
    </form>
  );
}
