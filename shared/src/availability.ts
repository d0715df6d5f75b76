/**
 * When the widget offers the leave-a-message form instead of the queue (issue 10), pure: the inputs
 * come from presence, business hours and the wait estimate.
 */
export const OFFLINE_REASONS = ['nobody_online', 'closed', 'long_wait'] as const;
/** Why a person cannot answer now: nobody is online, the team is closed, or the wait is too long. */
export type OfflineReason = (typeof OFFLINE_REASONS)[number];

export type AvailabilityInput = {
  /** Agents online for the site now. */
  agentsOnline: number;
  /** Business hours: open now or not; null when the site has no schedule. */
  openNow: boolean | null;
  /** The upper end of the estimated wait (minutes); null when no estimate is possible. */
  estimateMaxMinutes: number | null;
  /** The site's threshold for a long wait (minutes); null = never offer the form for waiting. */
  longWaitMinutes: number | null;
};

/**
 * Whether to offer the leave-a-message form, and why; null = a person can be reached now.
 * Closed wins over nobody online (it is the truer reason: "we are closed" says when to expect us),
 * and a long wait counts only with a measured estimate and a threshold set by the site.
 */
export function offlineReason(input: AvailabilityInput): OfflineReason | null {
  if (input.openNow === false) return 'closed';
  if (input.agentsOnline <= 0) return 'nobody_online';
  if (
    input.longWaitMinutes !== null &&
    input.estimateMaxMinutes !== null &&
    input.estimateMaxMinutes >= input.longWaitMinutes
  )
    return 'long_wait';
  return null;
}
