/**
 * A site's business hours (issue 10): always open, or a weekly schedule in a time zone with closed
 * dates. Saved on its own (`PATCH site` with `hours` only), checked first with the server's rules.
 */
import { LIMITS, type SiteDetail, type Weekday } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { SitesApi } from './api.ts';
import {
  browserTimeZone,
  checkForm,
  EDITOR_WEEK,
  type FormProblems,
  fromForm,
  type HoursForm,
  type IntervalFields,
  timeZones,
  toForm,
  weekdayName,
} from './hours-form.ts';

type Props = { site: SiteDetail; client: Pick<SitesApi, 'patchSite'> };

export function HoursSection({ site, client }: Props) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<HoursForm>(() => toForm(site.hours, browserTimeZone()));
  const [newDate, setNewDate] = useState('');
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const edit = (patch: Partial<HoursForm>) => setForm((f) => ({ ...f, ...patch }));
  const editDay = (day: Weekday, change: (list: IntervalFields[]) => IntervalFields[]) =>
    setForm((f) => ({ ...f, days: { ...f.days, [day]: change(f.days[day]) } }));
  const addDate = () => {
    if (!newDate || form.closedDates.includes(newDate)) return;
    edit({ closedDates: [...form.closedDates, newDate].sort() });
    setNewDate('');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found = checkForm(form, t);
    setProblems(found);
    if (found) {
      setNotice({ error: true, text: t('hoursInvalid') });
      return;
    }
    setBusy(true);
    setNotice(null);
    const result = await client.patchSite(site.id, { hours: fromForm(form) });
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    setForm(toForm(result.data.hours, form.timeZone));
    setNotice({ error: false, text: t('hoursSaved') });
  };

  return (
    <form class="form hours" onSubmit={save} noValidate aria-labelledby="site-hours-title">
      <h3 id="site-hours-title">{t('hoursTitle')}</h3>
      <p class="field__hint">{t('hoursIntro')}</p>
      <fieldset class="field">
        <legend>{t('hoursMode')}</legend>
        <label class="check">
          <input
            type="radio"
            name="site-hours-mode"
            checked={!form.scheduled}
            onChange={() => edit({ scheduled: false })}
          />
          {t('hoursAlways')}
        </label>
        <label class="check">
          <input
            type="radio"
            name="site-hours-mode"
            checked={form.scheduled}
            onChange={() => edit({ scheduled: true })}
          />
          {t('hoursScheduled')}
        </label>
      </fieldset>
      {form.scheduled && (
        <>
          <div class="field">
            <label for="site-hours-zone">{t('hoursTimeZone')}</label>
            <select
              id="site-hours-zone"
              value={form.timeZone}
              aria-invalid={problems?.zone ? true : undefined}
              onChange={(e) => edit({ timeZone: e.currentTarget.value })}
            >
              {timeZones(form.timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
            {problems?.zone && <p class="error">{problems.zone}</p>}
          </div>
          <p class="field__hint">{t('hoursMidnightHint')}</p>
          {EDITOR_WEEK.map((day) => (
            <DayFields
              key={day}
              day={day}
              name={weekdayName(day, locale)}
              intervals={form.days[day]}
              problems={problems?.days[day] ?? []}
              onChange={(change) => editDay(day, change)}
            />
          ))}
          <fieldset class="field">
            <legend>{t('hoursClosedDates')}</legend>
            <p class="field__hint">{t('hoursClosedDatesHint')}</p>
            {form.closedDates.length === 0 ? (
              <p class="placeholder">{t('hoursNoClosedDates')}</p>
            ) : (
              <ul class="hours__dates">
                {form.closedDates.map((date) => (
                  <li key={date}>
                    <time dateTime={date}>{date}</time>{' '}
                    <button
                      type="button"
                      class="button"
                      aria-label={t('hoursRemoveDateNamed', { date })}
                      onClick={() => edit({ closedDates: form.closedDates.filter((d) => d !== date) })}
                    >
                      {t('hoursRemoveInterval')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div class="field--row">
              <label for="site-hours-date">{t('hoursClosedDate')}</label>
              <input
                id="site-hours-date"
                type="date"
                value={newDate}
                onInput={(e) => setNewDate(e.currentTarget.value)}
              />
              <button
                type="button"
                class="button"
                disabled={form.closedDates.length >= LIMITS.hoursClosedDatesMax}
                onClick={addDate}
              >
                {t('hoursAddDate')}
              </button>
            </div>
            {problems?.dates && <p class="error">{problems.dates}</p>}
          </fieldset>
        </>
      )}
      <Notice notice={notice} />
      <div class="editor__bar">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t('saving') : t('hoursSave')}
        </button>
      </div>
    </form>
  );
}

type DayProps = {
  day: Weekday;
  name: string;
  intervals: IntervalFields[];
  problems: string[];
  onChange(change: (list: IntervalFields[]) => IntervalFields[]): void;
};

function DayFields({ day, name, intervals, problems, onChange }: DayProps) {
  const { t } = useI18n();
  const set = (n: number, patch: Partial<IntervalFields>) =>
    onChange((list) => list.map((i, k) => (k === n ? { ...i, ...patch } : i)));
  const errorId = `site-hours-day-${day}-error`;
  return (
    <fieldset class="field hours__day" aria-describedby={problems.length ? errorId : undefined}>
      <legend>{name}</legend>
      {intervals.length === 0 && <p class="field__hint">{t('hoursClosedDay')}</p>}
      {intervals.map((interval, n) => {
        const id = `site-hours-${day}-${n}`;
        return (
          <div key={n} class="field--row">
            <label for={`${id}-open`}>{t('hoursOpens')}</label>
            <input
              id={`${id}-open`}
              type="time"
              value={interval.open}
              aria-invalid={problems.length ? true : undefined}
              onInput={(e) => set(n, { open: e.currentTarget.value })}
            />
            <label for={`${id}-close`}>{t('hoursCloses')}</label>
            <input
              id={`${id}-close`}
              type="time"
              value={interval.close}
              aria-invalid={problems.length ? true : undefined}
              onInput={(e) => set(n, { close: e.currentTarget.value })}
            />
            <button
              type="button"
              class="button"
              aria-label={t('hoursRemoveIntervalNamed', {
                day: name,
                open: interval.open,
                close: interval.close,
              })}
              onClick={() => onChange((list) => list.filter((_, k) => k !== n))}
            >
              {t('hoursRemoveInterval')}
            </button>
          </div>
        );
      })}
      <div>
        <button
          type="button"
          class="button"
          aria-label={t('hoursAddIntervalNamed', { day: name })}
          disabled={intervals.length >= LIMITS.hoursIntervalsPerDayMax}
          onClick={() => onChange((list) => [...list, nextInterval(list)])}
        >
          {t('hoursAddInterval')}
        </button>
      </div>
      {problems.length > 0 && (
        <ul id={errorId} class="error editor__problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** A new interval: after the day's last one when there is room, otherwise 9 to 5. */
function nextInterval(list: IntervalFields[]): IntervalFields {
  const last = list[list.length - 1];
  if (!last || last.close === '00:00' || last.close >= '23:00') return { open: '09:00', close: '17:00' };
  const [h = 0, m = 0] = last.close.split(':').map(Number);
  const later = `${String(Math.min(h + 1, 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return {
    open: later,
    close: h + 2 >= 24 ? '00:00' : `${String(h + 2).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
  };
}
