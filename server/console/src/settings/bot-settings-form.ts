/** The bot settings form: text fields from settings, and back with range checks (misses 1–10, threshold). */

import { type BotSettings, LIMITS } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { linesToText, textToLines } from '../shared/lines.ts';

/** The ranges the form accepts: the server's (`LIMITS`, `BotSettingsSchema`), checked here to explain them. */
export const BOT_SETTINGS_RANGE = {
  missesMin: LIMITS.botMissesBeforeHandoffMin,
  missesMax: LIMITS.botMissesBeforeHandoffMax,
  thresholdMin: LIMITS.answerThresholdMin,
  thresholdMax: LIMITS.answerThresholdMax,
  thresholdStep: 0.01,
  /** Where the slider starts when an override is switched on. */
  thresholdStart: 0.5,
} as const;

export type BotSettingsForm = { misses: string; phrases: string; threshold: string };

export const formFromSettings = (settings: BotSettings): BotSettingsForm => ({
  misses: String(settings.botMissesBeforeHandoff),
  phrases: linesToText(settings.escalationPhrases),
  threshold: settings.answerThreshold === null ? '' : String(settings.answerThreshold),
});

export type FormResult = { ok: true; settings: BotSettings } | { ok: false; problems: ConsoleKey[] };

export function settingsFromForm(form: BotSettingsForm): FormResult {
  const r = BOT_SETTINGS_RANGE;
  const problems: ConsoleKey[] = [];
  const misses = Number(form.misses.trim());
  if (!form.misses.trim() || !Number.isInteger(misses) || misses < r.missesMin || misses > r.missesMax)
    problems.push('settingsErrorMisses');
  const thresholdText = form.threshold.trim().replace(',', '.');
  const threshold = thresholdText === '' ? null : Number(thresholdText);
  if (threshold !== null && !(threshold >= r.thresholdMin && threshold <= r.thresholdMax))
    problems.push('settingsErrorThreshold');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      botMissesBeforeHandoff: misses,
      escalationPhrases: textToLines(form.phrases),
      answerThreshold: threshold === null ? null : Math.round(threshold * 100) / 100,
    },
  };
}
