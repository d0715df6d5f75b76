/** A score 0..1 as a bar and its number (the bar's width is set through the CSSOM, which the CSP allows). */
import { useI18n } from '../app/i18n.ts';
import { formatScore } from './faq-list.ts';

export function ScoreBar({ score }: { score: number }) {
  const { t } = useI18n();
  const percent = Math.round(Math.min(1, Math.max(0, score)) * 100);
  return (
    <span class="score" title={t('scoreValue', { score: formatScore(score) })}>
      <span class="score__track" aria-hidden="true">
        <span class="score__fill" style={{ width: `${percent}%` }} />
      </span>
      <span class="score__value">{formatScore(score)}</span>
    </span>
  );
}
