/** The conversations page: lists, the open conversation and the visitor panel; keeps the tab title. */
import { type AgentProfile, type AttentionPrefs, DEFAULT_ATTENTION } from '@frontdesk/shared';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConsoleClient } from '../app/client.ts';
import { useI18n } from '../app/i18n.ts';
import type { Notifier } from '../app/notifier.ts';
import { ShortcutsDialog } from '../app/ShortcutsDialog.tsx';
import { useCannedSource } from '../canned/use-canned-source.ts';
import { ContactRecord } from '../contacts/ContactRecord.tsx';
import { ConversationTags } from '../search/ConversationTags.tsx';
import { type MatchHighlight, useMatchHighlight } from '../search/use-match-highlight.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { useMediaQuery } from '../shared/use-media-query.ts';
import { useNow } from '../shared/use-now.ts';
import { titleCount } from './attention.ts';
import { documentTitle } from './badge.ts';
import { ConversationList } from './ConversationList.tsx';
import { ConversationPane } from './ConversationPane.tsx';
import { unreadCounts } from './lists.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { useWorkspace } from './use-workspace.ts';
import { VisitorPanel } from './VisitorPanel.tsx';
import '../canned/canned.css';

/** Phones: one column, the list hidden while a conversation is open (the breakpoint of `styles.css`). */
const ONE_COLUMN = '(max-width: 767px)';

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
  /** Issue 14: the agent's alert switches (the defaults until they load). */
  attention?: AttentionPrefs;
  /** Issue 14: above the conversation list (search box, saved views). */
  listTop?: ComponentChildren;
};

export function Workspace(props: Props) {
  const { client, agent, notifier, hidden, onSessionEnded, retryDelayMs, openRequest, listTop } = props;
  const attention = props.attention ?? DEFAULT_ATTENTION;
  const root = useRef<HTMLElement>(null);
  const { t } = useI18n();
  const now = useNow();
  const { workspace, state, sections, waiting, pending } = useWorkspace({
    client,
    agent,
    notifier,
    t,
    onSessionEnded,
    attention,
    hidden,
    ...(retryDelayMs ? { retryDelayMs } : {}),
  });
  const unread = unreadCounts(sections, state.ownReads);
  const unreadMine = sections.mine.reduce((sum, c) => sum + (unread[c.id] ?? 0), 0);

  useEffect(() => {
    document.title = documentTitle(titleCount(waiting, unreadMine, attention), t);
  }, [waiting, unreadMine, attention, t]);
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
  // Issue 17: the server sends list previews only while the list is on screen.
  const oneColumn = useMediaQuery(ONE_COLUMN);
  const listOnScreen = !hidden && !(oneColumn && selected);
  useEffect(() => workspace.showList(listOnScreen), [workspace, listOnScreen]);
  // Issue 14: canned responses for the reply box, keyboard shortcuts and their `?` list.
  const canned = useCannedSource(client, agent, selected, hidden, onSessionEnded);
  const [cannedRequest, setCannedRequest] = useState(0);
  const [help, setHelp] = useState(false);
  useShortcuts({
    active: !hidden && !help,
    sections,
    selected,
    onSelect: workspace.select,
    onAct: (action) => void workspace.act(action),
    onCanned: () => setCannedRequest((n) => n + 1),
    onHelp: () => setHelp(true),
  });
  useMatchHighlight(root, openRequest?.highlight, selected?.id ?? null, state.timeline.messages.length);
  // Issue 14: below 1024 px the visitor details take the conversation's place (a step of their own).
  const [details, setDetails] = useState(false);
  useEffect(() => setDetails(false), [selected?.id]);
  const empty = Object.values(sections).every((list) => list.length === 0);
  return (
    <main
      ref={root}
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
          unread={unread}
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
              onDetails={() => setDetails(true)}
              visitorTyping={state.visitorTyping}
              visitorRead={state.visitorRead}
              onTyping={workspace.typing}
              onRead={workspace.markRead}
              {...(canned ? { canned } : {})}
              cannedRequest={cannedRequest}
            />
            <VisitorPanel conversation={selected} now={now} onBack={() => setDetails(false)}>
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
          <EmptyState
            icon="chat"
            title={t('selectConversation')}
            hint={empty ? t('conversationsEmptyHint') : t('selectConversationHint')}
          />
        )}
      </div>
      <button type="button" class="link-button workspace__shortcuts" onClick={() => setHelp(true)}>
        {t('shortcutsOpen')}
      </button>
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </main>
  );
}
