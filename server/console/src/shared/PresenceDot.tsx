/** A presence dot (issue 14): coloured by status, with the status as text for screen readers and a tooltip. */
import type { PresenceStatus } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useI18n } from '../app/i18n.ts';

export const PRESENCE_KEYS: Record<PresenceStatus, ConsoleKey> = {
  online: 'presenceOnline',
  away: 'presenceAway',
  offline: 'presenceOffline',
};

export function PresenceDot({ status }: { status: PresenceStatus }) {
  const { t } = useI18n();
  const label = t(PRESENCE_KEYS[status]);
  return (
    <span class={`presence-dot presence-dot--${status}`} title={label}>
      <span class="visually-hidden">{label}</span>
    </span>
  );
}
