/** The conversations page: lists, the open conversation and the visitor panel; keeps the tab title. */
import type { AgentProfile } from '@frontdesk/shared';
import { useEffect } from 'preact/hooks';
import type { ConsoleClient } from '../client.ts';
import { useNow } from '../hooks/use-now.ts';
import { useWorkspace } from '../hooks/use-workspace.ts';
import { useI18n } from '../i18n.ts';
import type { Notifier } from '../lib/notifier.ts';
import { documentTitle } from '../state/badge.ts';
import { ConversationList } from './ConversationList.tsx';
import { ConversationPane } from './ConversationPane.tsx';
import { VisitorPanel } from './VisitorPanel.tsx';

type Props = {
  client: ConsoleClient;
  agent: AgentProfile;
  notifier: Notifier;
  /** Kept mounted (socket, badges, chimes) while another page is shown. */
  hidden: boolean;
  onSessionEnded(): void;
};

export function Workspace({ client, agent, notifier, hidden, onSessionEnded }: Props) {
  const { t } = useI18n();
  const now = useNow();
  const ws = useWorkspace({ client, agent, notifier, t, onSessionEnded });

  useEffect(() => {
    document.title = documentTitle(ws.waiting, t);
  }, [ws.waiting, t]);
  useEffect(
    () => () => {
      document.title = t('appTitle');
    },
    [t],
  );

  const selected = ws.selected;
  return (
    <div class={`workspace${selected ? ' workspace--open' : ''}`} hidden={hidden}>
      {ws.connection === 'offline' && (
        <p class="banner" role="status">
          {t('connectionLost')}
        </p>
      )}
      <div class="columns">
        <ConversationList
          sections={ws.sections}
          unread={ws.unread}
          selectedId={selected?.id ?? null}
          now={now}
          onSelect={ws.select}
        />
        {selected ? (
          <>
            <ConversationPane
              conversation={selected}
              meId={agent.id}
              timeline={ws.timeline.timeline}
              now={now}
              actionError={ws.actionError}
              onAct={(action) => void ws.act(action)}
              onDismissError={ws.clearActionError}
              onSend={ws.timeline.send}
              onRetry={ws.timeline.retry}
              onBack={() => ws.select(null)}
            />
            <VisitorPanel conversation={selected} now={now} />
          </>
        ) : (
          <p class="placeholder">{t('selectConversation')}</p>
        )}
      </div>
    </div>
  );
}
