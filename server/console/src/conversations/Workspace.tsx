/** The conversations page: lists, the open conversation and the visitor panel; keeps the tab title. */
import type { AgentProfile } from '@frontdesk/shared';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ConsoleClient } from '../app/client.ts';
import { useI18n } from '../app/i18n.ts';
import type { Notifier } from '../app/notifier.ts';
import { ContactRecord } from '../contacts/ContactRecord.tsx';
import { ConversationTags } from '../search/ConversationTags.tsx';
import { type MatchHighlight, useMatchHighlight } from '../search/use-match-highlight.ts';
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
  openRequest?: { id: string; n: number; highlight?: MatchHighlight | null } | null;
  /** Issue 14: above the conversation list (search box, saved views). */
  listTop?: ComponentChildren;
};

export function Workspace(props: Props) {
  const { client, agent, notifier, hidden, onSessionEnded, retryDelayMs, openRequest, listTop } = props;
  const root = useRef<HTMLDivElement>(null);
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
  useMatchHighlight(root, openRequest?.highlight, selected?.id ?? null, state.timeline.messages.length);
  return (
    <div ref={root} class={`workspace${selected ? ' workspace--open' : ''}`} hidden={hidden}>
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
          top={listTop}
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
              visitorTyping={state.visitorTyping}
              visitorRead={state.visitorRead}
              onTyping={workspace.typing}
              onRead={workspace.markRead}
            />
            <VisitorPanel conversation={selected} now={now}>
              <ConversationTags
                key={selected.id}
                api={client}
                conversationId={selected.id}
                siteId={selected.siteId}
              />
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
          <p class="placeholder">{t('selectConversation')}</p>
        )}
      </div>
    </div>
  );
}
