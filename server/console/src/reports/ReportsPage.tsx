/**
 * Reports (issue 15): one site's figures for a range of days with the previous period beside them,
 * conversations per day (chart and table), a weekday × hour heat map, and tables — each with a caption
 * and a CSV download — for handoff reasons, ratings, comments, agents and the questions the bot missed.
 */
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import type { Report, ReportSummary } from '@frontdesk/shared/reports';
import { REPORT_LIMITS } from '@frontdesk/shared/reports';
import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { ReportsApi } from './api.ts';
import { DayChart } from './DayChart.tsx';
import { Heatmap } from './Heatmap.tsx';
import { ReportTable } from './ReportTable.tsx';
import { type DayRange, formatDuration, presetRange } from './range.ts';
import './reports.css';

type Props = {
  client: ReportsApi;
  siteId: string;
  siteName: string;
  onSessionEnded(): void;
};

const REASON_KEYS: Record<string, ConsoleKey> = {
  visitor: 'reportsReasonVisitor',
  bot_misses: 'reportsReasonBotMisses',
  escalation: 'reportsReasonEscalation',
  not_helpful: 'reportsReasonNotHelpful',
};

const percent = (part: number, whole: number) =>
  whole === 0 ? null : `${Math.round((part / whole) * 100)}%`;
const pair = (s: { median: number | null; p90: number | null }) =>
  s.median === null ? null : `${formatDuration(s.median)} / ${formatDuration(s.p90)}`;
const average = (a: number | null) => (a === null ? null : a.toFixed(2));

type Figure = { key: ConsoleKey; value: (s: ReportSummary) => string | number | null };
const FIGURES: Figure[] = [
  { key: 'reportsConversations', value: (s) => s.conversations },
  { key: 'reportsBotSessions', value: (s) => s.botSessions },
  { key: 'reportsDeflection', value: (s) => percent(s.deflected, s.botSessions) },
  { key: 'reportsHandoffs', value: (s) => s.handoffs },
  { key: 'reportsMissed', value: (s) => s.missed },
  { key: 'reportsAbandoned', value: (s) => s.abandoned },
  { key: 'reportsFirstResponse', value: (s) => pair(s.firstResponse) },
  { key: 'reportsResolution', value: (s) => pair(s.resolution) },
  { key: 'reportsCsat', value: (s) => (s.csat.average === null ? null : `${average(s.csat.average)} / 5`) },
];

export function ReportsPage({ client, siteId, siteName, onSessionEnded }: Props) {
  const { t, locale } = useI18n();
  const [range, setRange] = useState<DayRange>(() => presetRange(30, new Date()));
  const [draft, setDraft] = useState<DayRange>(range);
  const [team, setTeam] = useState<string | null>(null);
  const { state, reload } = useLoad(
    `${siteId} ${range.from} ${range.to} ${team ?? ''}`,
    () => client.getReport(siteId, range, team),
    onSessionEnded,
  );
  const weekdays = useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
  }, [locale]);
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );
  const report = state.data;
  const none = t('reportsNone');
  const choose = (next: DayRange) => {
    setDraft(next);
    setRange(next);
  };

  return (
    <main class="page reports">
      <div class="page__body">
        <h1 class="page__title">{t('reportsTitle')}</h1>
        {report && <p class="notice">{t('reportsIntro', { site: siteName, zone: report.timeZone })}</p>}
        <form
          class="reports__range"
          aria-label={t('reportsRange')}
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.from && draft.to && draft.from <= draft.to) setRange(draft);
          }}
        >
          {REPORT_LIMITS.presets.map((days) => (
            <button
              type="button"
              key={days}
              class="button"
              aria-pressed={
                range.to === presetRange(days, new Date()).to &&
                range.from === presetRange(days, new Date()).from
              }
              onClick={() => choose(presetRange(days, new Date()))}
            >
              {t('reportsPreset', { days })}
            </button>
          ))}
          <label>
            {t('reportsFrom')}
            <input
              type="date"
              value={draft.from}
              max={draft.to}
              onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('reportsTo')}
            <input
              type="date"
              value={draft.to}
              min={draft.from}
              onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
          </label>
          <button type="submit" class="button button--primary">
            {t('reportsApply')}
          </button>
        </form>
        <PageStatus state={state} onRetry={() => void reload()} />
        {report && (
          <ReportBody report={report} weekdays={weekdays} when={when} none={none} onTeam={setTeam} />
        )}
      </div>
    </main>
  );
}

type BodyProps = {
  report: Report;
  weekdays: string[];
  when: Intl.DateTimeFormat;
  none: string;
  onTeam(team: string | null): void;
};

function ReportBody({ report, weekdays, when, none, onTeam }: BodyProps) {
  const { t, locale } = useI18n();
  const stamp = `${report.range.from}_${report.range.to}`;
  const reason = (r: string) => (REASON_KEYS[r] ? t(REASON_KEYS[r]) : r);
  return (
    <>
      <p class="reports__compared">{t('reportsCompared', report.previousRange)}</p>
      <ul class="reports__figures">
        {FIGURES.map((f) => (
          <li class="reports__figure" key={f.key}>
            <span class="reports__figure-label">{t(f.key)}</span>
            <strong class="reports__figure-value">{f.value(report.summary) ?? none}</strong>
            <span class="reports__figure-previous">
              {t('reportsPrevious', { value: String(f.value(report.previous) ?? none) })}
            </span>
          </li>
        ))}
      </ul>
      <h2 class="reports__heading">{t('reportsByDayChart')}</h2>
      <DayChart label={t('reportsByDayChart')} locale={locale} days={report.byDay} />
      <Heatmap heatmap={report.heatmap} weekdays={weekdays} />
      <ReportTable
        caption={t('reportsByDay')}
        file={`conversations-per-day_${stamp}.csv`}
        header={[t('reportsDay'), t('reportsConversations')]}
        rows={report.byDay.map((d) => [d.day, d.conversations])}
      />
      <ReportTable
        caption={t('reportsHandoffReasons')}
        file={`handoffs_${stamp}.csv`}
        header={[t('reportsReason'), t('reportsCount')]}
        rows={report.handoffReasons.map((r) => [reason(r.reason), r.count])}
      />
      <ReportTable
        caption={t('reportsCsatDistribution')}
        file={`ratings_${stamp}.csv`}
        header={[t('reportsRating'), t('reportsCount')]}
        rows={report.csatDistribution.map((r) => [r.rating, r.count])}
      />
      <ReportTable
        caption={t('reportsComments')}
        file={`rating-comments_${stamp}.csv`}
        header={[t('reportsStarted'), t('reportsRating'), t('reportsComment')]}
        rows={report.comments.map((c) => [c.at, c.rating, c.comment])}
        display={report.comments.map((c) => [when.format(new Date(c.at)), c.rating, c.comment])}
      />
      <ReportTable
        caption={t('reportsTeams')}
        file={`teams_${stamp}.csv`}
        header={[
          t('reportsTeam'),
          t('reportsTeamMembers'),
          t('reportsAssigned'),
          t('reportsResolved'),
          t('reportsFirstResponse'),
          t('reportsResolution'),
          t('reportsCsat'),
        ]}
        rows={report.teams.map((team) => [
          team.name,
          team.members,
          team.assigned,
          team.resolved,
          pair(team.firstResponse),
          pair(team.resolution),
          average(team.csat.average),
        ])}
      />
      {report.teams.length > 0 && <p class="reports__note">{t('reportsTeamsNote')}</p>}
      {report.teams.length > 0 && (
        <label class="reports__team">
          {t('reportsTeamFilter')}
          <select
            value={report.team ?? ''}
            onChange={(e) => onTeam(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          >
            <option value="">{t('reportsTeamAll')}</option>
            {report.teams.map((team) => (
              <option key={team.teamId} value={team.teamId}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <ReportTable
        caption={
          report.team === null
            ? t('reportsAgents')
            : `${t('reportsAgents')} — ${report.teams.find((x) => x.teamId === report.team)?.name ?? ''}`
        }
        file={`agents_${stamp}.csv`}
        header={[
          t('reportsAgent'),
          t('reportsAssigned'),
          t('reportsResolved'),
          t('reportsFirstResponse'),
          t('reportsCsat'),
        ]}
        rows={report.agents.map((a) => [
          a.name,
          a.assigned,
          a.resolved,
          pair(a.firstResponse),
          average(a.csat.average),
        ])}
      />
      <ReportTable
        caption={t('reportsMissedQuestions')}
        file={`missed-questions_${stamp}.csv`}
        header={[t('reportsQuestion'), t('reportsCount'), t('reportsLastAsked')]}
        rows={report.missedQuestions.map((q) => [q.text, q.count, q.lastAt])}
        display={report.missedQuestions.map((q) => [q.text, q.count, when.format(new Date(q.lastAt))])}
      />
      <p>
        <a href="#/unanswered">{t('reportsOpenUnanswered')}</a>
      </p>
    </>
  );
}
