/**
 * Issue 10 (presence): the header's status switch (Online / Away). The select has a visible label; an
 * automatic away says so in its option ("Away (no activity)"), and any input brings the agent back.
 * The team's statuses show in the agents table.
 */
import { CHOSEN_PRESENCE_STATUSES, type ChosenPresenceStatus } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useStore } from '@frontdesk/shared/preact';
import { useEffect } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { type PresenceStore, watchIdle } from './presence-store.ts';

const LABELS: Record<ChosenPresenceStatus, ConsoleKey> = { online: 'presenceOnline', away: 'presenceAway' };

const isChosen = (value: string): value is ChosenPresenceStatus =>
  (CHOSEN_PRESENCE_STATUSES as readonly string[]).includes(value);

export function PresenceSwitch({ store, idleMs }: { store: PresenceStore; idleMs?: number }) {
  const { t } = useI18n();
  const state = useStore(store);
  useEffect(
    () =>
      watchIdle(
        {
          target: window,
          setTimeout: (fn, ms) => window.setTimeout(fn, ms),
          clearTimeout: (handle) => window.clearTimeout(handle as number),
          ...(idleMs !== undefined && { idleMs }),
        },
        { idle: () => store.dispatch({ type: 'idle' }), active: () => store.dispatch({ type: 'activity' }) },
      ),
    [store, idleMs],
  );
  return (
    <span class="header__presence">
      <label class={`header__status header__status--${state.mine}`}>
        <span>{t('presenceLabel')}</span>
        <select
          value={state.mine}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isChosen(value)) store.dispatch({ type: 'chose', status: value });
          }}
        >
          {CHOSEN_PRESENCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === 'away' && state.auto ? t('presenceAwayIdle') : t(LABELS[s])}
            </option>
          ))}
        </select>
      </label>
    </span>
  );
}
