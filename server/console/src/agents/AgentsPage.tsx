/**
 * Agent accounts (admins): the table, adding one (the generated password is shown once), changing
 * name, role and sites, disabling and enabling, and resetting a password (the new one shown once).
 */
import type { AgentAccount, AgentRole, ErrorBody, PresenceStatus, SiteSummary } from '@frontdesk/shared';
import { LIMITS } from '@frontdesk/shared';
import { AgentCreateSchema, AgentPatchSchema, v } from '@frontdesk/shared/schemas';
import { useState } from 'preact/hooks';
import { type Translate, useI18n } from '../app/i18n.ts';
import { Avatar } from '../shared/Avatar.tsx';
import { ConfirmButton } from '../shared/Confirm.tsx';
import { CopyField } from '../shared/CopyField.tsx';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { AgentsApi } from './api.ts';

type Props = {
  client: AgentsApi;
  /** Every site (for the site checkboxes). */
  sites: readonly SiteSummary[];
  selfId: string;
  onSessionEnded(): void;
  /** Issue 10 (presence): agents' statuses as the server tells them (absent: offline). */
  presence?: Readonly<Record<string, PresenceStatus>>;
};

const PRESENCE_KEYS = { online: 'presenceOnline', away: 'presenceAway', offline: 'presenceOffline' } as const;

/** A password the server generated: for whom, shown until dismissed, never again. */
type Shown = { name: string; email: string; password: string };

const ROLE_KEYS = { admin: 'roleAdmin', agent: 'roleAgent' } as const;

function agentErrorText(error: ErrorBody, t: Translate, removesAdmin: boolean): string {
  if (
    removesAdmin &&
    (error.code === 'conflict' || error.code === 'invalid_state' || error.code === 'forbidden')
  )
    return t('agentsErrorLastAdmin');
  if (error.code === 'conflict') return t('agentsErrorDuplicateEmail');
  return detailedErrorText(error, t);
}

/** Problems of a name / e-mail / sites form, checked with the server's schema. */
type FieldProblems = { name?: string; email?: string };

function problemsOf(issues: readonly v.BaseIssue<unknown>[], t: Translate): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) {
    const key = issue.path?.[0]?.key;
    if (key === 'name') problems.name ??= t('agentsNameRequired', { max: LIMITS.nameMaxLength });
    if (key === 'email') problems.email ??= t('agentsEmailInvalid');
  }
  return problems;
}

export function AgentsPage({ client, sites, selfId, onSessionEnded, presence }: Props) {
  const { t } = useI18n();
  const { state, reload } = useLoad('agents', () => client.listAgents(), onSessionEnded);
  const [shown, setShown] = useState<Shown | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const agents = state.data ?? [];
  const activeAdmins = agents.filter((a) => a.role === 'admin' && !a.disabled).length;
  const liveSites = sites.filter((s) => !s.archived);
  const editingAgent = agents.find((a) => a.id === editing) ?? null;

  return (
    <main class="page agents">
      <div class="page__body">
        <h1 class="page__title">{t('agentsTitle')}</h1>
        <div role="status" aria-live="polite">
          {shown && <PasswordNotice shown={shown} onDismiss={() => setShown(null)} />}
        </div>
        <PageStatus state={state} onRetry={() => void reload()} />
        {state.data && (
          <table class="table">
            <caption class="visually-hidden">{t('agentsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agentsName')}</th>
                <th scope="col">{t('agentsEmail')}</th>
                <th scope="col">{t('agentsRole')}</th>
                <th scope="col">{t('agentsSites')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((agent) => (
                <AgentRow
                  key={agent.id}
                  agent={agent}
                  client={client}
                  isSelf={agent.id === selfId}
                  {...(presence && { presence: presence[agent.id] ?? 'offline' })}
                  removesLastAdmin={agent.role === 'admin' && !agent.disabled && activeAdmins === 1}
                  onEdit={() => setEditing(agent.id)}
                  onChanged={() => void reload()}
                  onPassword={(password) => setShown({ name: agent.name, email: agent.email, password })}
                />
              ))}
            </tbody>
          </table>
        )}
        {editingAgent && (
          <EditAgent
            key={editingAgent.id}
            agent={editingAgent}
            sites={liveSites}
            client={client}
            removesLastAdmin={editingAgent.role === 'admin' && !editingAgent.disabled && activeAdmins === 1}
            onDone={() => {
              setEditing(null);
              void reload();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
        <AddAgent
          client={client}
          sites={liveSites}
          onAdded={(agent, password) => {
            if (password) setShown({ name: agent.name, email: agent.email, password });
            void reload();
          }}
        />
      </div>
    </main>
  );
}

function PasswordNotice({ shown, onDismiss }: { shown: Shown; onDismiss(): void }) {
  const { t } = useI18n();
  return (
    <section class="banner banner--warning password-notice" aria-labelledby="password-notice-title">
      <h2 id="password-notice-title">{t('agentsPasswordTitle', { name: shown.name })}</h2>
      <p>{t('agentsPasswordWarning', { email: shown.email })}</p>
      <CopyField id="agents-password" label={t('agentsPasswordLabel')} value={shown.password} />
      <button type="button" class="button" onClick={onDismiss}>
        {t('agentsPasswordDismiss')}
      </button>
    </section>
  );
}

type RowProps = {
  agent: AgentAccount;
  client: AgentsApi;
  isSelf: boolean;
  /** Issue 10 (presence). */
  presence?: PresenceStatus;
  removesLastAdmin: boolean;
  onEdit(): void;
  onChanged(): void;
  onPassword(password: string): void;
};

function AgentRow(props: RowProps) {
  const { agent, client, isSelf, presence, removesLastAdmin, onEdit, onChanged, onPassword } = props;
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const toggle = async () => {
    setBusy(true);
    setNotice(null);
    const result = await client.patchAgent(agent.id, { disabled: !agent.disabled });
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: agentErrorText(result.error, t, removesLastAdmin && !agent.disabled) });
      return;
    }
    onChanged();
  };
  const reset = async () => {
    setBusy(true);
    setNotice(null);
    const result = await client.resetAgentPassword(agent.id, {});
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: agentErrorText(result.error, t, false) });
      return;
    }
    if (result.data.password) onPassword(result.data.password);
    else setNotice({ error: false, text: t('agentsPasswordReset') });
    onChanged();
  };

  return (
    <tr>
      <th scope="row">
        <span class="agents__who">
          <Avatar name={agent.name} kind="agent" size="sm" color={agent.avatarColor} url={agent.avatarUrl} />
          {agent.name}
        </span>
        {isSelf && <span class="badge badge--muted">{t('agentsYou')}</span>}
      </th>
      <td>{agent.email}</td>
      <td>{t(ROLE_KEYS[agent.role])}</td>
      <td>{agent.sites.length > 0 ? agent.sites.map((s) => s.name).join(', ') : t('agentsNoSites')}</td>
      <td>
        {agent.disabled ? <span class="badge badge--muted">{t('agentsDisabled')}</span> : t('agentsActive')}
        {agent.mustChangePassword && <span class="field__hint"> {t('agentsMustChange')}</span>}
        {presence && !agent.disabled && (
          <span class={`badge badge--presence-${presence}`}>{t(PRESENCE_KEYS[presence])}</span>
        )}
      </td>
      <td class="table__actions">
        <button
          type="button"
          class="button"
          aria-label={t('agentsEditNamed', { name: agent.name })}
          onClick={onEdit}
        >
          {t('edit')}
        </button>
        {agent.disabled ? (
          <ConfirmButton
            label={t('agentsEnable')}
            question={t('agentsEnableQuestion', { name: agent.name })}
            confirmLabel={t('agentsEnableConfirm')}
            disabled={busy}
            onConfirm={() => void toggle()}
          />
        ) : (
          <ConfirmButton
            label={t('agentsDisable')}
            question={t('agentsDisableQuestion', { name: agent.name })}
            confirmLabel={t('agentsDisableConfirm')}
            danger
            disabled={busy}
            onConfirm={() => void toggle()}
          />
        )}
        <ConfirmButton
          label={t('agentsResetPassword')}
          question={t('agentsResetQuestion', { name: agent.name })}
          confirmLabel={t('agentsResetConfirm')}
          disabled={busy}
          onConfirm={() => void reset()}
        />
        <Notice notice={notice} />
      </td>
    </tr>
  );
}

function SiteChecks({
  idPrefix,
  sites,
  chosen,
  onChange,
}: {
  idPrefix: string;
  sites: readonly SiteSummary[];
  chosen: readonly string[];
  onChange(ids: string[]): void;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="field">
      <legend>{t('agentsSites')}</legend>
      {sites.length === 0 && <p class="field__hint">{t('noSites')}</p>}
      {sites.map((site) => (
        <label key={site.id} class="check" for={`${idPrefix}-${site.id}`}>
          <input
            id={`${idPrefix}-${site.id}`}
            type="checkbox"
            checked={chosen.includes(site.id)}
            onChange={(e) =>
              onChange(e.currentTarget.checked ? [...chosen, site.id] : chosen.filter((id) => id !== site.id))
            }
          />
          {site.name}
        </label>
      ))}
    </fieldset>
  );
}

function RoleSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: AgentRole;
  onChange(role: AgentRole): void;
}) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{t('agentsRole')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as AgentRole)}>
        <option value="agent">{t('roleAgent')}</option>
        <option value="admin">{t('roleAdmin')}</option>
      </select>
      <p class="field__hint">{t('agentsRoleHint')}</p>
    </div>
  );
}

type AddProps = {
  client: AgentsApi;
  sites: readonly SiteSummary[];
  onAdded(agent: AgentAccount, password: string | null): void;
};

function AddAgent({ client, sites, onAdded }: AddProps) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AgentRole>('agent');
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const parsed = v.safeParse(AgentCreateSchema, { name, email, role, siteIds });
    if (!parsed.success) {
      setProblems(problemsOf(parsed.issues, t));
      return;
    }
    setProblems({});
    setBusy(true);
    setNotice(null);
    const result = await client.createAgent(parsed.output);
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: agentErrorText(result.error, t, false) });
      return;
    }
    setName('');
    setEmail('');
    setRole('agent');
    setSiteIds([]);
    setNotice({ error: false, text: t('agentsAdded', { name: result.data.agent.name }) });
    onAdded(result.data.agent, result.data.password);
  };

  return (
    <section class="panel" aria-labelledby="agents-add-title">
      <h2 id="agents-add-title">{t('agentsAddTitle')}</h2>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="agents-add-name">{t('agentsName')}</label>
          <input
            id="agents-add-name"
            maxLength={LIMITS.nameMaxLength}
            value={name}
            aria-invalid={problems.name ? true : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          {problems.name && <p class="error">{problems.name}</p>}
        </div>
        <div class="field">
          <label for="agents-add-email">{t('agentsEmail')}</label>
          <input
            id="agents-add-email"
            type="email"
            autocomplete="off"
            maxLength={LIMITS.emailMaxLength}
            value={email}
            aria-invalid={problems.email ? true : undefined}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          {problems.email && <p class="error">{problems.email}</p>}
        </div>
        <RoleSelect id="agents-add-role" value={role} onChange={setRole} />
        <SiteChecks idPrefix="agents-add-site" sites={sites} chosen={siteIds} onChange={setSiteIds} />
        <p class="field__hint">{t('agentsAddHint')}</p>
        <Notice notice={notice} />
        <div class="editor__bar">
          <button type="submit" class="button button--primary" disabled={busy}>
            {t('agentsAdd')}
          </button>
        </div>
      </form>
    </section>
  );
}

type EditProps = {
  agent: AgentAccount;
  sites: readonly SiteSummary[];
  client: AgentsApi;
  removesLastAdmin: boolean;
  onDone(): void;
  onCancel(): void;
};

function EditAgent({ agent, sites, client, removesLastAdmin, onDone, onCancel }: EditProps) {
  const { t } = useI18n();
  const [name, setName] = useState(agent.name);
  const [role, setRole] = useState<AgentRole>(agent.role);
  const [siteIds, setSiteIds] = useState(agent.sites.map((s) => s.id));
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const parsed = v.safeParse(AgentPatchSchema, { name, role, siteIds });
    if (!parsed.success) {
      setProblems(problemsOf(parsed.issues, t));
      return;
    }
    setProblems({});
    setBusy(true);
    setNotice(null);
    const result = await client.patchAgent(agent.id, parsed.output);
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: agentErrorText(result.error, t, removesLastAdmin && role !== 'admin') });
      return;
    }
    onDone();
  };

  return (
    <section class="panel" aria-labelledby="agents-edit-title">
      <h2 id="agents-edit-title">{t('agentsEditTitle', { name: agent.name })}</h2>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="agents-edit-name">{t('agentsName')}</label>
          <input
            id="agents-edit-name"
            maxLength={LIMITS.nameMaxLength}
            value={name}
            aria-invalid={problems.name ? true : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          {problems.name && <p class="error">{problems.name}</p>}
        </div>
        <RoleSelect id="agents-edit-role" value={role} onChange={setRole} />
        <SiteChecks idPrefix="agents-edit-site" sites={sites} chosen={siteIds} onChange={setSiteIds} />
        <Notice notice={notice} />
        <div class="editor__bar">
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('saving') : t('save')}
          </button>
          <button type="button" class="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
