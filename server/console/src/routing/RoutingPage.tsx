/**
 * Issue 14 (routing): a site's routing (manual or automatic, default capacity, the offline agent's
 * grace), each agent's own capacity, and the site's teams. Admins only (the server checks it too).
 */
import {
  ROUTING_LIMITS,
  type RoutingMode,
  type RoutingOverview,
  type RoutingSettings,
} from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { adminErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { RoutingApi } from './api.ts';
import { TeamsSection } from './TeamsSection.tsx';
import './routing.css';

type Props = { client: RoutingApi; siteId: string; siteName: string; onSessionEnded(): void };

const MODES: { mode: RoutingMode; key: 'routingModeManual' | 'routingModeAuto' }[] = [
  { mode: 'manual', key: 'routingModeManual' },
  { mode: 'auto', key: 'routingModeAuto' },
];

const wholeIn = (text: string, min: number, max: number): number | null => {
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && n >= min && n <= max ? n : null;
};

export function RoutingPage({ client, siteId, siteName, onSessionEnded }: Props) {
  const { t } = useI18n();
  const load = useLoad(`routing:${siteId}`, () => client.getRouting(siteId), onSessionEnded);
  const overview = load.state.data;
  return (
    <main class="page" aria-labelledby="routing-title">
      <div class="page__body routing-page">
        <h1 id="routing-title" class="page__title">
          {t('routingTitle')} — {siteName}
        </h1>
        <PageStatus state={load.state} onRetry={() => void load.reload()} />
        {overview && (
          <SettingsForm
            key={`${siteId}:settings`}
            client={client}
            siteId={siteId}
            settings={overview.settings}
          />
        )}
        {overview && <CapacityTable client={client} siteId={siteId} overview={overview} />}
        {overview && (
          <TeamsSection
            client={client}
            siteId={siteId}
            agents={overview.agents}
            onSessionEnded={onSessionEnded}
          />
        )}
      </div>
    </main>
  );
}

function SettingsForm(props: { client: RoutingApi; siteId: string; settings: RoutingSettings }) {
  const { t } = useI18n();
  const [mode, setMode] = useState(props.settings.mode);
  const [capacity, setCapacity] = useState(String(props.settings.defaultCapacity));
  const [minutes, setMinutes] = useState(String(props.settings.offlineReturnMinutes));
  const [notice, setNotice] = useState<NoticeState>(null);
  async function save(e: Event) {
    e.preventDefault();
    const defaultCapacity = wholeIn(capacity, ROUTING_LIMITS.capacityMin, ROUTING_LIMITS.capacityMax);
    const offlineReturnMinutes = wholeIn(
      minutes,
      ROUTING_LIMITS.offlineReturnMinutesMin,
      ROUTING_LIMITS.offlineReturnMinutesMax,
    );
    if (defaultCapacity === null || offlineReturnMinutes === null) {
      const [min, max] =
        defaultCapacity === null
          ? [ROUTING_LIMITS.capacityMin, ROUTING_LIMITS.capacityMax]
          : [ROUTING_LIMITS.offlineReturnMinutesMin, ROUTING_LIMITS.offlineReturnMinutesMax];
      setNotice({ error: true, text: t('routingNumberInvalid', { min, max }) });
      return;
    }
    const result = await props.client.saveRouting(props.siteId, {
      mode,
      defaultCapacity,
      offlineReturnMinutes,
    });
    setNotice(
      result.ok
        ? { error: false, text: t('routingSaved') }
        : { error: true, text: adminErrorText(result.error, t) },
    );
  }
  return (
    <form class="form" aria-labelledby="routing-settings-title" onSubmit={(e) => void save(e)}>
      <h2 id="routing-settings-title">{t('routingSettingsTitle')}</h2>
      <fieldset class="field">
        <legend>{t('routingMode')}</legend>
        {MODES.map((m) => (
          <label key={m.mode} class="check">
            <input
              type="radio"
              name="routing-mode"
              checked={mode === m.mode}
              onChange={() => setMode(m.mode)}
            />
            {t(m.key)}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="routing-capacity">{t('routingDefaultCapacity')}</label>
        <input
          id="routing-capacity"
          class="input--short"
          inputMode="numeric"
          value={capacity}
          onInput={(e) => setCapacity(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="routing-offline">{t('routingOfflineReturn')}</label>
        <input
          id="routing-offline"
          class="input--short"
          inputMode="numeric"
          value={minutes}
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
      </div>
      <div>
        <button type="submit" class="button button--primary">
          {t('routingSave')}
        </button>
      </div>
      <Notice notice={notice} />
    </form>
  );
}

function CapacityTable(props: { client: RoutingApi; siteId: string; overview: RoutingOverview }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      props.overview.agents.map((a) => [a.agentId, a.capacity === null ? '' : String(a.capacity)]),
    ),
  );
  const [notice, setNotice] = useState<NoticeState>(null);
  async function save(agentId: string, name: string) {
    const text = (values[agentId] ?? '').trim();
    const capacity =
      text === '' ? null : wholeIn(text, ROUTING_LIMITS.capacityMin, ROUTING_LIMITS.capacityMax);
    if (text !== '' && capacity === null) {
      setNotice({
        error: true,
        text: t('routingNumberInvalid', { min: ROUTING_LIMITS.capacityMin, max: ROUTING_LIMITS.capacityMax }),
      });
      return;
    }
    const result = await props.client.saveCapacity(props.siteId, agentId, capacity);
    setNotice(
      result.ok
        ? { error: false, text: t('routingCapacitySaved', { name }) }
        : { error: true, text: adminErrorText(result.error, t) },
    );
  }
  const fallback = String(props.overview.settings.defaultCapacity);
  return (
    <section class="form" aria-labelledby="routing-agents-title">
      <h2 id="routing-agents-title">{t('routingAgentsTitle')}</h2>
      <p class="field__hint">{t('routingCapacityDefault', { n: props.overview.settings.defaultCapacity })}</p>
      <table class="routing-table">
        <thead>
          <tr>
            <th scope="col">{t('routingAgentColumn')}</th>
            <th scope="col">{t('routingLoadColumn')}</th>
            <th scope="col">{t('routingCapacityColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {props.overview.agents.map((a) => (
            <tr key={a.agentId}>
              <td>{a.name}</td>
              <td>{a.load}</td>
              <td>
                <div class="routing-row">
                  <input
                    aria-label={t('routingCapacityLabel', { name: a.name })}
                    inputMode="numeric"
                    placeholder={fallback}
                    value={values[a.agentId] ?? ''}
                    onInput={(e) => {
                      const value = e.currentTarget.value;
                      setValues((v) => ({ ...v, [a.agentId]: value }));
                    }}
                  />
                  <button
                    type="button"
                    class="button"
                    aria-label={t('routingCapacitySave', { name: a.name })}
                    onClick={() => void save(a.agentId, a.name)}
                  >
                    {t('routingSaveShort')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Notice notice={notice} />
    </section>
  );
}
