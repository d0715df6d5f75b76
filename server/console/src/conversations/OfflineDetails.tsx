/**
 * Issue 10: what the visitor left on the leave-a-message form — the "Offline message" badge, why,
 * the answers to the site's extra questions, and where the reply goes. Text only (TESTPLAN R4).
 */
import type { AgentConversation } from '@frontdesk/shared';
import { useI18n } from '../app/i18n.ts';

export function OfflineDetails({ conversation: c }: { conversation: AgentConversation }) {
  const { t } = useI18n();
  if (!c.offline) return null;
  const reason = t(`offlineReason_${c.offline.reason}`);
  return (
    <section class="offline-details" aria-labelledby="offline-details-title">
      <h3 id="offline-details-title">
        <span class="badge badge--offline">{t('offlineBadge')}</span>
      </h3>
      <p>{t('offlineLeft', { reason })}</p>
      {c.offline.answers.length > 0 && (
        <>
          <h4>{t('offlineAnswers')}</h4>
          <dl>
            {c.offline.answers.map((answer) => (
              <div key={answer.fieldId}>
                <dt>{answer.label}</dt>
                <dd>{answer.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {c.visitor.email && (
        <p class="offline-details__reply">{t('offlineEmailReply', { email: c.visitor.email })}</p>
      )}
    </section>
  );
}
