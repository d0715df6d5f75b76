/** The conversations page: lists, the open conversation and the visitor panel; keeps the tab title. */
import type { AgentProfile } from '@frontdesk/shared';
import { useEffect, useState } from 'preact/hooks';
import type { ConsoleClient } from '../app/client.ts';
import { useI18n } from '../app/i18n.ts';
import type { Notifier } from '../app/notifier.ts';
import { ContactRecord } from '../contacts/ContactRecord.tsx';
import { EmptyState } from '../shared/EmptyState.tsx';
import { useNow } from '../shared/use-now.ts';
import { documentTitle } from './badge.ts';
import { ConversationList } from './ConversationList.tsx';
import { ConversationPane } from './ConversationPane.tsx';
import { unreadCounts } from './lists.ts';
import { useWorkspace } from './use-workspace.ts';
import { VisitorPanel } from './VisitorPanel.tsx';

type Props = {
  client: ConsoleClient;
  agent: AgentProfile;
  notifier: Notifier;
  /** Kept mounted (socket, badges, chimes) while another page is shown. */
  hidden: boolean;
  onSessionEnded(): void;
  /** Delay before retrying a send or a refused connection (tests shorten it). */
  retryDelayMs?: (attempt: number) => number;
  /** Issue 12: a conversation to open (from the Contacts page); `n` makes the same id open again. */
  openRequest?: { id: string; n: number } | null;
};

export function Workspace(props: Props) {
  const { client, agent, notifier, hidden, onSessionEnded, retryDelayMs, openRequest } = props;
  const { t } = useI18n();
  const now = useNow();
  const { workspace, state, sections, waiting, pending } = useWorkspace({
    client,
    agent,
    notifier,
    t,
    onSessionEnded,
    ...(retryDelayMs ? { retryDelayMs } : {}),
  });

  useEffect(() => {
    document.title = documentTitle(waiting, t);
  }, [waiting, t]);
  useEffect(
    () => () => {
      document.title = t('appTitle');
    },
    [t],
  );

  useEffect(() => {
    if (openRequest) workspace.select(openRequest.id);
  }, [openRequest]);

  const selected = state.selectedId ? (state.lists.byId[state.selectedId] ?? null) : null;
  // Issue 14: below 1024 px the visitor details take the conversation's place (a step of their own).
  const [details, setDetails] = useState(false);
  useEffect(() => setDetails(false), [selected?.id]);
  const empty = Object.values(sections).every((list) => list.length === 0);
  return (
    <main
      class={`workspace${selected ? ' workspace--open' : ''}${details ? ' workspace--details' : ''}`}
      hidden={hidden}
    >
      {state.connection === 'offline' && (
        <p class="banner" role="status">
          {t('connectionLost')}
        </p>
      )}
      <div class="columns">
        <ConversationList
          sections={sections}
          unread={unreadCounts(sections, state.ownReads)}
          selectedId={selected?.id ?? null}
          now={now}
          onSelect={workspace.select}
        />
        {selected ? (
          <>
            <ConversationPane
              conversation={selected}
              meId={agent.id}
              messages={state.timeline.messages}
              pending={pending}
              loading={state.loading}
              now={now}
              actionError={state.actionError}
              onAct={(action) => void workspace.act(action)}
              onDismissError={workspace.clearActionError}
              onSend={workspace.send}
              onRetry={workspace.retry}
              onBack={() => workspace.select(null)}
              onDetails={() => setDetails(true)}
              visitorTyping={state.visitorTyping}
              visitorRead={state.visitorRead}
              onTyping={workspace.typing}
              onRead={workspace.markRead}
            />
            <VisitorPanel conversation={selected} now={now} onBack={() => setDetails(false)}>
              <ContactRecord
                key={selected.visitor.id}
                api={client}
                siteId={selected.siteId}
                contactId={selected.visitor.id}
                currentConversationId={selected.id}
                onSessionEnded={onSessionEnded}
                onOpenConversation={workspace.select}
                embedded
              />
            </VisitorPanel>
          </>
        ) : (
          <EmptyState
            icon="chat"
            title={t('selectConversation')}
            hint={empty ? t('conversationsEmptyHint') : t('selectConversationHint')}
          />
        )}
      </div>
    </main>
  );
}
