/**
 * The business-hours editor's form (issue 10), pure: from a site's schedule to what the inputs hold
 * and back, and the problems to show per weekday in the console's language. A closing time of 00:00
 * (a time input cannot say 24:00) means midnight, the end of the day.
 */
import {
  type BusinessHours,
  canonicalTimeZone,
  type HoursProblem,
  LIMITS,
  parseLocalDate,
  type Weekday,
  weeklyProblems,
} from '@frontdesk/shared';
import type { Translate } from '../app/i18n.ts';

export type IntervalFields = { open: string; close: string };

export type HoursForm = {
  scheduled: boolean;
  timeZone: string;
  days: Record<Weekday, IntervalFields[]>;
  closedDates: string[];
};

/** The week as the editor lists it: Monday first. */
export const EDITOR_WEEK: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** A weekday's name in the console's language, capitalised ("Monday", "Poniedziałek"). */
export function weekdayName(day: Weekday, locale: string): string {
  // 2026-01-04 was a Sunday.
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2026, 0, 4 + day),
  );
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** Every zone this browser knows (the site's own first if it is not among them). */
export function timeZones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
}

/** The browser's own zone: the default of a new schedule. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const emptyWeek = (): Record<Weekday, IntervalFields[]> => ({
  0: [],
  1: [],
  2: [],
  3: [],
  4: [],
  5: [],
  6: [],
});

/** A new schedule: Monday to Friday, 9 to 5. */
const NEW_SCHEDULE_DAYS: readonly Weekday[] = [1, 2, 3, 4, 5];

export function toForm(hours: BusinessHours | null | undefined, defaultZone: string): HoursForm {
  const days = emptyWeek();
  if (!hours) {
    for (const day of NEW_SCHEDULE_DAYS) days[day].push({ open: '09:00', close: '17:00' });
    return { scheduled: false, timeZone: defaultZone, days, closedDates: [] };
  }
  for (const interval of hours.weekly) {
    days[interval.day].push({
      open: interval.open,
      close: interval.close === '24:00' ? '00:00' : interval.close,
    });
  }
  for (const list of Object.values(days)) list.sort((a, b) => a.open.localeCompare(b.open));
  return { scheduled: true, timeZone: hours.timeZone, days, closedDates: [...hours.closedDates] };
}

/** What is saved: null for "always open". */
export function fromForm(form: HoursForm): BusinessHours | null {
  if (!form.scheduled) return null;
  return {
    timeZone: form.timeZone,
    weekly: EDITOR_WEEK.flatMap((day) =>
      form.days[day].map((i) => ({ day, open: i.open, close: i.close === '00:00' ? '24:00' : i.close })),
    ),
    closedDates: form.closedDates,
  };
}

export type FormProblems = {
  zone?: string;
  days: Partial<Record<Weekday, string[]>>;
  dates?: string;
};

const span = (i: { open: string; close: string }) => `${i.open}–${i.close === '24:00' ? '00:00' : i.close}`;

function problemText(problem: HoursProblem, t: Translate): string {
  switch (problem.type) {
    case 'time':
      return t('hoursProblemTime');
    case 'order':
      return t('hoursProblemOrder', { open: problem.interval.open, close: problem.interval.close });
    case 'overlap':
      return t('hoursProblemOverlap', { first: span(problem.other), second: span(problem.interval) });
    case 'too_many':
      return t('hoursProblemTooMany', { max: problem.max });
  }
}

/** The problems of the form, per place, or null when it can be saved. */
export function checkForm(form: HoursForm, t: Translate): FormProblems | null {
  const hours = fromForm(form);
  if (!hours) return null;
  const found: FormProblems = { days: {} };
  if (!canonicalTimeZone(hours.timeZone)) found.zone = t('hoursProblemZone');
  for (const problem of weeklyProblems(hours.weekly, LIMITS.hoursIntervalsPerDayMax)) {
    const list = found.days[problem.day] ?? [];
    list.push(problemText(problem, t));
    found.days[problem.day] = list;
  }
  if (hours.closedDates.some((d) => parseLocalDate(d) === null)) found.dates = t('hoursProblemDate');
  else if (hours.closedDates.length > LIMITS.hoursClosedDatesMax) {
    found.dates = t('hoursProblemTooManyDates', { max: LIMITS.hoursClosedDatesMax });
  }
  const any = found.zone || found.dates || Object.keys(found.days).length > 0;
  return any ? found : null;
}
