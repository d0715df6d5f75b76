/** Issue 14 (routing): "Anna transferred a conversation with … to you", with her note; open or dismiss. */

import { useStore } from '@frontdesk/shared/preact';
import { useI18n } from '../app/i18n.ts';
import { visitorLabel } from '../shared/format.ts';
import type { RoutingStore } from './routing-store.ts';
import './routing.css';

export function TransferNotices({
  store,
  onOpen,
}: {
  store: RoutingStore;
  onOpen(conversationId: string): void;
}) {
  const { t } = useI18n();
  const { notices } = useStore(store);
  return (
    <section class="transfer-notices" aria-label={t('transferTitle')} aria-live="polite">
      {notices.map((n) => {
        const visitor = visitorLabel(n.conversation, (id) => t('visitorFallback', { id }));
        return (
          <div key={n.key} class="transfer-notice" role="status">
            <p>
              {n.teamName
                ? t('transferReceivedTeam', { from: n.fromAgentName, visitor, team: n.teamName })
                : t('transferReceivedAgent', { from: n.fromAgentName, visitor })}
            </p>
            {n.note && <p class="transfer-notice__note">{t('transferReceivedNote', { note: n.note })}</p>}
            <div class="transfer-notice__actions">
              <button
                type="button"
                class="button button--primary"
                onClick={() => {
                  store.dismiss(n.key);
                  onOpen(n.conversation.id);
                }}
              >
                {t('transferReceivedOpen')}
              </button>
              <button type="button" class="button" onClick={() => store.dismiss(n.key)}>
                {t('transferReceivedDismiss')}
              </button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
