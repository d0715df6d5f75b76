/**
 * axe-core in the browser suites: injects axe's source into a page or a frame, checks the whole
 * document (axe walks open shadow roots itself) against the WCAG 2.1 A/AA rules, and returns the
 * violations with what is needed to find and fix them: rule, impact, help, and target selectors
 * (a shadow-DOM target is the host's selector followed by the selector inside the shadow root).
 */
import axe from 'axe-core';
import type { Frame, Page } from 'playwright-core';

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export type AxeViolation = {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  targets: string[];
  summaries: string[];
};

/** Runs axe on the frame's document (child frames are separate documents: check them on their own). */
export async function runAxe(target: Page | Frame): Promise<AxeViolation[]> {
  const loaded = await target.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe === 'object',
  );
  if (!loaded) await target.evaluate(axe.source);
  return target.evaluate(async (tags) => {
    // Colours are measured as painted: let entrance animations (fades, slides) finish first, in the
    // document and in every open shadow root (document.getAnimations() leaves shadow trees out).
    const scopes: DocumentOrShadowRoot[] = [document];
    for (let i = 0; i < scopes.length; i++) {
      for (const el of (scopes[i] as Document | ShadowRoot).querySelectorAll('*')) {
        if (el.shadowRoot) scopes.push(el.shadowRoot);
      }
    }
    await Promise.all(
      scopes
        .flatMap((scope) => scope.getAnimations())
        .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    );
    const axeApi = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axeApi.run(document, {
      runOnly: { type: 'tag', values: [...tags] },
      iframes: false,
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: (v.impact ?? null) as Impact | null,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) =>
        (n.target as unknown[]).map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' >>> '),
      ),
      summaries: v.nodes.map((n) => n.failureSummary ?? ''),
    }));
  }, WCAG_21_AA);
}

export const isBlocking = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical';

/** One readable block per violation: `[serious] color-contrast: help` then each target on its own line. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.targets.map((t, i) => {
        const why = (v.summaries[i] ?? '').split('\n').slice(1, 3).join(' ').trim();
        return `    - ${t}${why ? `  (${why})` : ''}`;
      });
      return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
}
