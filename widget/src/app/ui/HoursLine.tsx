/**
 * The business-hours line under the header (issue 10): "We're in now" or when the team is back, in
 * the visitor's language and local time. Flips by itself when an opening or closing passes, and
 * re-words at local midnight ("tomorrow" becomes "today"), while the panel stays open.
 */
import type { Locale, WidgetHours } from '@frontdesk/shared';
import { useEffect, useState } from 'preact/hooks';
import { hoursStatus, hoursText, nextChange } from '../hours.ts';
import type { Translate } from './context.ts';

/** setTimeout's longest delay is ~24.8 days; wake at least daily and look again. */
const MAX_WAIT_MS = 86_400_000;

const nextMidnight = (now: number) => {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
};

type Props = { hours: WidgetHours | null; t: Translate; locale: Locale };

export function HoursLine({ hours, t, locale }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!hours) return;
    const wake = Math.min(
      nextChange(hours, now) ?? Number.POSITIVE_INFINITY,
      nextMidnight(now),
      now + MAX_WAIT_MS,
    );
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, wake - now));
    return () => clearTimeout(timer);
  }, [hours, now]);
  const status = hours && hoursStatus(hours, now);
  if (!status) return null;
  return (
    <p class={status.open ? 'hours open' : 'hours'} role="status">
      {hoursText(status, now, locale, t)}
    </p>
  );
}
