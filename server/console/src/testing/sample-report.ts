/**
 * Tests only (issue 15 data for the issue 14 design look): a plausible month of one site's report —
 * every day of the range, a working-hours heatmap, handoff reasons, ratings, agents and teams —
 * generated deterministically, so the Reports page can be looked at with figures in it.
 */
import type { Report, ReportSummary } from '@frontdesk/shared/reports';
import { presetRange } from '../reports/range.ts';

const stats = (count: number, median: number, p90: number) => ({ count, median, p90 });

const summary = (scale: number): ReportSummary => ({
  conversations: Math.round(1240 * scale),
  botSessions: Math.round(980 * scale),
  deflected: Math.round(610 * scale),
  handoffs: Math.round(370 * scale),
  missed: Math.round(12 * scale),
  abandoned: Math.round(21 * scale),
  firstResponse: stats(Math.round(337 * scale), 48, 190),
  resolution: stats(Math.round(330 * scale), 540, 1980),
  csat: { count: Math.round(214 * scale), average: 4.4 + (scale - 1) / 10 },
});

export function sampleReport(siteId: string, today: Date): Report {
  const range = presetRange(30, today);
  const previousRange = presetRange(30, new Date(Date.parse(`${range.from}T12:00:00`) - 86_400_000));
  const start = Date.parse(`${range.from}T12:00:00Z`);
  const byDay = Array.from({ length: 30 }, (_, i) => {
    const day = new Date(start + i * 86_400_000);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    return { day: day.toISOString().slice(0, 10), conversations: (weekend ? 14 : 38) + ((i * 7) % 11) };
  });
  // Weekdays 0–4 busy from 8 to 18, weekends quiet.
  const heatmap = Array.from({ length: 7 }, (_, weekday) =>
    Array.from({ length: 24 }, (_, hour) =>
      hour < 7 || hour > 20
        ? 0
        : Math.max(0, (weekday < 5 ? 9 : 2) - Math.abs(13 - hour) + ((weekday + hour) % 3)),
    ),
  );
  return {
    siteId,
    timeZone: 'Europe/Warsaw',
    range,
    previousRange,
    summary: summary(1),
    previous: summary(0.9),
    byDay,
    heatmap,
    handoffReasons: [
      { reason: 'visitor', count: 201 },
      { reason: 'bot_misses', count: 112 },
      { reason: 'escalation', count: 57 },
    ],
    csatDistribution: [
      { rating: 1, count: 6 },
      { rating: 2, count: 9 },
      { rating: 3, count: 21 },
      { rating: 4, count: 58 },
      { rating: 5, count: 120 },
    ],
    comments: [
      {
        conversationId: 'c-old',
        rating: 5,
        comment: 'Szybko i konkretnie, dziękuję!',
        at: `${range.to}T09:12:00Z`,
      },
      {
        conversationId: 'c-bob',
        rating: 3,
        comment: 'Had to wait a while for a person.',
        at: `${range.to}T08:40:00Z`,
      },
    ],
    agents: [
      {
        agentId: 'admin-1',
        name: 'Ada',
        assigned: 142,
        resolved: 139,
        firstResponse: stats(142, 41, 160),
        csat: { count: 88, average: 4.6 },
      },
      {
        agentId: 'agent-2',
        name: 'Bob Baker',
        assigned: 121,
        resolved: 117,
        firstResponse: stats(121, 55, 210),
        csat: { count: 74, average: 4.3 },
      },
      {
        agentId: 'agent-3',
        name: 'Zofia Żak',
        assigned: 74,
        resolved: 74,
        firstResponse: stats(74, 50, 185),
        csat: { count: 52, average: 4.5 },
      },
    ],
    teams: [
      {
        teamId: 'team-1',
        name: 'Zwroty i reklamacje',
        members: 2,
        assigned: 196,
        resolved: 191,
        firstResponse: stats(196, 52, 200),
        resolution: stats(191, 600, 2100),
        csat: { count: 126, average: 4.4 },
      },
      {
        teamId: 'team-2',
        name: 'Wholesale',
        members: 1,
        assigned: 74,
        resolved: 74,
        firstResponse: stats(74, 50, 185),
        resolution: stats(74, 420, 1500),
        csat: { count: 52, average: 4.5 },
      },
    ],
    team: null,
    missedQuestions: [
      { text: 'czy wysyłacie do Norwegii?', count: 7, lastAt: `${range.to}T10:02:00Z` },
      { text: 'can I change the delivery address after ordering', count: 4, lastAt: `${range.to}T07:30:00Z` },
    ],
  };
}
