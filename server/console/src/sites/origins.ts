/** The allowed-origins editor's text (one per line) checked with the server's schema, problems translated. */
import { LIMITS, type OriginProblem, parseAllowedOrigin } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { AllowedOriginsSchema, v } from '@frontdesk/shared/schemas';
import type { Translate } from '../app/i18n.ts';
import { textToLines } from '../shared/lines.ts';

const PROBLEM_KEYS: Record<OriginProblem, ConsoleKey> = {
  not_a_url: 'originNotUrl',
  scheme: 'originScheme',
  has_path: 'originHasPath',
  has_credentials: 'originCredentials',
  wildcard: 'originWildcard',
};

export type OriginsCheck = { ok: true; origins: string[] } | { ok: false; problems: string[] };

export function checkOrigins(text: string, t: Translate): OriginsCheck {
  const lines = textToLines(text);
  const problems = lines.flatMap((line) => {
    const parsed = parseAllowedOrigin(line);
    return parsed.ok ? [] : [t('originProblem', { origin: line, problem: t(PROBLEM_KEYS[parsed.problem]) })];
  });
  if (lines.length > LIMITS.allowedOriginsMax)
    problems.push(t('originsTooMany', { max: LIMITS.allowedOriginsMax }));
  const parsed = v.safeParse(AllowedOriginsSchema, lines);
  if (problems.length > 0) return { ok: false, problems };
  if (!parsed.success) return { ok: false, problems: parsed.issues.map((i) => i.message) };
  return { ok: true, origins: parsed.output };
}
