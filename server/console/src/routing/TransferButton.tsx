/**
 * Issue 14 (routing): "Transfer" on the agent's own conversation, and its dialog: another agent (with
 * their status and load) or a team, and a private note for the receiver. Refusals (at capacity, not
 * online, changed meanwhile) show in the dialog in words. Nothing renders without the routing context.
 */
import type { AgentConversation, ErrorBody, ErrorCode, RoutingOverview, Team } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { type RoutingContextValue, useRouting } from './context.ts';
import './routing.css';

const ERROR_KEYS: Partial<Record<ErrorCode, ConsoleKey>> = {
  agent_at_capacity: 'errorAgentAtCapacity',
  agent_unavailable: 'errorAgentUnavailable',
  conflict: 'errorConflict',
  invalid_state: 'errorInvalidState',
  forbidden: 'errorForbidden',
  not_found: 'errorNotFound',
  rate_limited: 'errorRateLimited',
  unavailable: 'errorUnavailable',
};

const STATUS_KEYS = { online: 'presenceOnline', away: 'presenceAway', offline: 'presenceOffline' } as const;

export function TransferButton({ conversation, meId }: { conversation: AgentConversation; meId: string }) {
  const routing = useRouting();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (!routing || conversation.state !== 'assigned' || conversation.agentId !== meId) return null;
  return (
    <>
      <button
        ref={opener}
        type="button"
        class="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        {t('transferButton')}
      </button>
      {open && (
        <TransferDialog
          routing={routing}
          conversation={conversation}
          meId={meId}
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}

type Options = { overview: RoutingOverview; teams: Team[] };

function TransferDialog(props: {
  routing: RoutingContextValue;
  conversation: AgentConversation;
  meId: string;
  onClose(): void;
}) {
  const { routing, conversation, meId, onClose } = props;
  const { t } = useI18n();
  const [options, setOptions] = useState<Options | null>(null);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([
      routing.api.getRouting(conversation.siteId),
      routing.api.listTeams(conversation.siteId),
    ]).then(([overview, teams]) => {
      if (!live) return;
      if (!overview.ok) return setError(overview.error);
      if (!teams.ok) return setError(teams.error);
      setOptions({ overview: overview.data, teams: teams.data });
    });
    return () => {
      live = false;
    };
  }, [routing, conversation.siteId]);
  useEffect(() => {
    if (options) first.current?.focus();
  }, [options]);

  const agents = options?.overview.agents.filter((a) => a.agentId !== meId) ?? [];
  const capacityOf = (capacity: number | null) => capacity ?? options?.overview.settings.defaultCapacity ?? 0;

  async function submit(e: Event) {
    e.preventDefault();
    const [type, id] = target.split(':');
    if (!id || (type !== 'agent' && type !== 'team')) return;
    setBusy(true);
    setError(null);
    const reply = await routing.store.transfer({
      conversationId: conversation.id,
      to: type === 'agent' ? { type, agentId: id } : { type, teamId: id },
      ...(note.trim() && { note: note.trim() }),
    });
    setBusy(false);
    if (reply.ok) onClose();
    // No answer (offline, timed out): say so, the agent may try again.
    else setError(reply.error ?? { code: 'unavailable', message: 'no reply' });
  }

  return (
    <div
      class="transfer"
      role="dialog"
      aria-modal="true"
      aria-labelledby="transfer-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <form class="transfer__box form" onSubmit={(e) => void submit(e)}>
        <h2 id="transfer-title">{t('transferTitle')}</h2>
        {!options && !error && <p role="status">{t('loading')}</p>}
        {options && agents.length === 0 && options.teams.length === 0 && <p>{t('transferNobody')}</p>}
        {options && (
          <div class="field">
            <label for="transfer-to">{t('transferTo')}</label>
            <select
              id="transfer-to"
              ref={first}
              required
              value={target}
              onChange={(e) => setTarget(e.currentTarget.value)}
            >
              <option value="" disabled>
                —
              </option>
              {agents.length > 0 && (
                <optgroup label={t('transferAgentsGroup')}>
                  {agents.map((a) => (
                    <option key={a.agentId} value={`agent:${a.agentId}`}>
                      {t('transferAgentOption', {
                        name: a.name,
                        status: t(STATUS_KEYS[routing.presence[a.agentId] ?? 'offline']),
                        load: a.load,
                        capacity: capacityOf(a.capacity),
                      })}
                    </option>
                  ))}
                </optgroup>
              )}
              {options.teams.length > 0 && (
                <optgroup label={t('transferTeamsGroup')}>
                  {options.teams.map((team) => (
                    <option key={team.id} value={`team:${team.id}`}>
                      {t('transferTeamOption', { name: team.name })}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
        )}
        <div class="field">
          <label for="transfer-note">{t('transferNote')}</label>
          <textarea
            id="transfer-note"
            rows={3}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p class="error" role="alert">
            {t(ERROR_KEYS[error.code] ?? 'errorGeneric')}
          </p>
        )}
        <div class="transfer__actions">
          <button type="submit" class="button button--primary" disabled={busy || !target}>
            {t('transferSubmit')}
          </button>
          <button type="button" class="button" onClick={onClose}>
            {t('transferCancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
