/** Reports (issue 15): the storage port — every figure aggregated by the database, in bounded rows. */
import type { DurationStats, ReportSummary } from '@frontdesk/shared/reports';

/** One site's conversations started in `[from, to)`, instants as ISO-8601 UTC strings. */
export type ReportWindow = { siteId: string; from: string; to: string };

/** How many characters of `created_at` make a bucket: 13 = the UTC hour, 16 = the UTC minute. */
export type BucketWidth = 13 | 16;

export type ReportAgentFigures = {
  agentId: string;
  name: string;
  assigned: number;
  resolved: number;
  firstResponse: DurationStats;
  ratings: number;
  ratingSum: number;
};

/** A team of the site, its members now, and its members' durations in the window. */
export type ReportTeamFigures = {
  teamId: string;
  name: string;
  agentIds: string[];
  firstResponse: DurationStats;
  resolution: DurationStats;
};

export type ReportsStore = {
  reportSummary(w: ReportWindow): Promise<ReportSummary>;
  /** Conversations per bucket (`created_at` cut to `width` characters), for days and the heat map. */
  reportBuckets(w: ReportWindow, width: BucketWidth): Promise<{ bucket: string; count: number }[]>;
  reportHandoffReasons(w: ReportWindow): Promise<{ reason: string; count: number }[]>;
  reportCsatDistribution(w: ReportWindow): Promise<{ rating: number; count: number }[]>;
  reportComments(
    w: ReportWindow,
    limit: number,
  ): Promise<{ conversationId: string; rating: number; comment: string; at: string }[]>;
  reportAgents(w: ReportWindow): Promise<ReportAgentFigures[]>;
  /** Every team of the site (by name), with its members and their durations in the window. */
  reportTeams(w: ReportWindow): Promise<ReportTeamFigures[]>;
  /** Conversations waiting for an agent on every site (the `/metrics` queue gauge). */
  queueLength(): Promise<number>;
  reportMissedQuestions(
    w: ReportWindow,
    limit: number,
  ): Promise<{ text: string; count: number; lastAt: string }[]>;
};

/** A conversation as it happened, timestamps and all: what `reports:seed` and report tests write. */
export type HistoricConversation = {
  id: string;
  agentId: string | null;
  state: 'bot' | 'queued' | 'assigned' | 'resolved' | 'abandoned';
  locale: string;
  handoffReason: string | null;
  createdAt: string;
  queuedAt: string | null;
  assignedAt: string | null;
  resolvedAt: string | null;
  abandonedAt: string | null;
  offlineAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  /** In order; a visitor message with `missed` is also a question the bot missed. */
  messages: {
    author: 'visitor' | 'bot' | 'agent' | 'system';
    kind: 'text' | 'note' | 'event' | 'attachment';
    body: string;
    at: string;
    missed?: boolean;
  }[];
};

export type HistoryStore = {
  /** Writes past conversations (each with its own anonymous visitor) in one transaction per call. */
  insertHistory(siteId: string, conversations: readonly HistoricConversation[]): Promise<void>;
};
