/**
 * Retention (issue 12): which conversations a site's setting expires. Pure: the job feeds it the
 * clock and the sites. A conversation expires when it has had no activity for N calendar months.
 */

/** `months` calendar months before `now` (the day clamped to the shorter month's end), ISO UTC. */
export function retentionCutoff(now: Date, months: number): string {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(now.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  ).toISOString();
}

export type RetentionSite = { id: string; retentionMonths: number | null; archived: boolean };
export type RetentionPlan = { siteId: string; before: string }[];

/** The sites with a retention period and the instant before which their conversations go. */
export function retentionPlan(sites: readonly RetentionSite[], now: Date): RetentionPlan {
  return sites
    .filter((site) => site.retentionMonths !== null && site.retentionMonths > 0)
    .map((site) => ({ siteId: site.id, before: retentionCutoff(now, site.retentionMonths ?? 0) }));
}

/** Whether one conversation is past its site's period (the query uses the same rule). */
export const isExpired = (conversation: { updatedAt: string }, before: string): boolean =>
  conversation.updatedAt < before;
