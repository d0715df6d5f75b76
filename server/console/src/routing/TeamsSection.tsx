/** Issue 14 (routing): a site's teams — add one, rename it, choose its members, delete it. */
import type { AgentRouting, Team } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { adminErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { RoutingApi } from './api.ts';

type Props = {
  client: RoutingApi;
  siteId: string;
  agents: readonly AgentRouting[];
  onSessionEnded(): void;
};

export function TeamsSection({ client, siteId, agents, onSessionEnded }: Props) {
  const { t } = useI18n();
  const load = useLoad(`teams:${siteId}`, () => client.listTeams(siteId), onSessionEnded);
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<NoticeState>(null);
  const teams = load.state.data ?? [];

  async function add(e: Event) {
    e.preventDefault();
    const result = await client.createTeam(siteId, { name: name.trim(), agentIds: [] });
    if (result.ok) {
      setName('');
      setNotice({ error: false, text: t('teamAdded', { name: result.data.name }) });
      await load.reload();
    } else setNotice({ error: true, text: adminErrorText(result.error, t) });
  }

  return (
    <section class="form" aria-labelledby="teams-title">
      <h2 id="teams-title">{t('teamsTitle')}</h2>
      <PageStatus state={load.state} onRetry={() => void load.reload()} />
      {load.state.status === 'ready' && teams.length === 0 && <p>{t('teamsEmpty')}</p>}
      {teams.map((team) => (
        <TeamCard
          key={`${team.id}:${team.name}:${team.agentIds.join()}`}
          client={client}
          siteId={siteId}
          team={team}
          agents={agents}
          onChanged={(text) => {
            setNotice({ error: false, text });
            void load.reload();
          }}
          onError={(text) => setNotice({ error: true, text })}
        />
      ))}
      <form class="routing-row" onSubmit={(e) => void add(e)}>
        <label for="team-new">{t('teamName')}</label>
        <input
          id="team-new"
          required
          maxLength={60}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" class="button button--primary">
          {t('teamAdd')}
        </button>
      </form>
      <Notice notice={notice} />
    </section>
  );
}

function TeamCard(props: {
  client: RoutingApi;
  siteId: string;
  team: Team;
  agents: readonly AgentRouting[];
  onChanged(text: string): void;
  onError(text: string): void;
}) {
  const { client, siteId, team, agents } = props;
  const { t } = useI18n();
  const [name, setName] = useState(team.name);
  const [members, setMembers] = useState<readonly string[]>(team.agentIds);
  const nameId = `team-${team.id}-name`;

  async function save(e: Event) {
    e.preventDefault();
    const result = await client.saveTeam(siteId, team.id, { name: name.trim(), agentIds: [...members] });
    if (result.ok) props.onChanged(t('teamSaved', { name: result.data.name }));
    else props.onError(adminErrorText(result.error, t));
  }
  async function remove() {
    const result = await client.deleteTeam(siteId, team.id);
    if (result.ok) props.onChanged(t('teamDeleted', { name: team.name }));
    else props.onError(adminErrorText(result.error, t));
  }

  return (
    <form class="team-card" aria-label={team.name} onSubmit={(e) => void save(e)}>
      <div class="field">
        <label for={nameId}>{t('teamName')}</label>
        <input
          id={nameId}
          required
          maxLength={60}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <fieldset>
        <legend>{t('teamMembers')}</legend>
        {agents.map((a) => (
          <label key={a.agentId} class="check">
            <input
              type="checkbox"
              checked={members.includes(a.agentId)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setMembers((m) => (on ? [...m, a.agentId] : m.filter((id) => id !== a.agentId)));
              }}
            />
            {a.name}
          </label>
        ))}
      </fieldset>
      <div class="routing-row">
        <button type="submit" class="button button--primary" aria-label={t('teamSave', { name: team.name })}>
          {t('routingSaveShort')}
        </button>
        <button
          type="button"
          class="button button--danger"
          aria-label={t('teamDelete', { name: team.name })}
          onClick={() => void remove()}
        >
          {t('teamDeleteShort')}
        </button>
      </div>
    </form>
  );
}
