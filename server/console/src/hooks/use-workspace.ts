/**
 * One signed-in session: connects the agent socket, keeps the lists live from `conversationUpdated`,
 * drives the open conversation's timeline, rings on new waiting chats and runs take / return / resolve.
 */
import type { AgentConversation, AgentProfile, ConversationState, ErrorBody } from '@frontdesk/shared';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { ConsoleClient } from '../client.ts';
import type { Translate } from '../i18n.ts';
import { visitorLabel } from '../lib/format.ts';
import type { Notifier } from '../lib/notifier.ts';
import type { AgentRealtime } from '../realtime/index.ts';
import {
  type ConversationsAction,
  conversationsReducer,
  EMPTY_CONVERSATIONS,
  enteredQueue,
  groupConversations,
  type Sections,
  waitingCount,
} from '../state/conversations.ts';
import { type TimelineControls, useTimeline } from './use-timeline.ts';

/** How many conversations of each state the lists load at start and after every reconnect. */
const LIST_LIMITS: Record<ConversationState, number> = { queued: 200, bot: 50, assigned: 100, resolved: 30 };
const REFUSED_RETRY_MS = 5_000;

export type ConversationAction = 'take' | 'return' | 'resolve';
export type Connection = 'connecting' | 'online' | 'offline';

export type Workspace = {
  sections: Sections;
  unread: Readonly<Record<string, true>>;
  waiting: number;
  connection: Connection;
  selected: AgentConversation | null;
  select(id: string | null): void;
  act(action: ConversationAction): Promise<void>;
  actionError: ErrorBody | null;
  clearActionError(): void;
  timeline: TimelineControls;
};

type Options = {
  client: ConsoleClient;
  agent: AgentProfile;
  notifier: Notifier;
  t: Translate;
  onSessionEnded(): void;
};

export function useWorkspace({ client, agent, notifier, t, onSessionEnded }: Options): Workspace {
  const [lists, dispatch] = useReducer(conversationsReducer, EMPTY_CONVERSATIONS);
  const [realtime, setRealtime] = useState<AgentRealtime | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ErrorBody | null>(null);

  // Socket handlers are registered once; they read the latest values through this ref.
  const live = useRef({ selectedId, t, onSessionEnded });
  live.current = { selectedId, t, onSessionEnded };
  // The reducer applied synchronously too, so that two updates arriving before a render compare correctly.
  const mirror = useRef(EMPTY_CONVERSATIONS);
  const apply = useCallback((action: ConversationsAction) => {
    mirror.current = conversationsReducer(mirror.current, action);
    dispatch(action);
  }, []);

  const select = useCallback(
    (id: string | null) => {
      setSelectedId(id);
      setActionError(null);
      if (id) apply({ type: 'opened', id });
    },
    [apply],
  );

  const upsert = useCallback(
    (conversation: AgentConversation) => {
      const prev = mirror.current.byId[conversation.id];
      apply({ type: 'updated', conversation, openId: live.current.selectedId });
      if (enteredQueue(prev, conversation)) {
        const tr = live.current.t;
        notifier.chime();
        notifier.desktop(
          tr('notifyQueuedTitle'),
          tr('notifyQueuedBody', { name: visitorLabel(conversation, (id) => tr('visitorFallback', { id })) }),
          () => select(conversation.id),
        );
      }
    },
    [notifier, apply, select],
  );

  const timeline = useTimeline(realtime, {
    onConversation: (c) => apply({ type: 'updated', conversation: c, openId: live.current.selectedId }),
    onError: setActionError,
  });
  const timelineRef = useRef(timeline);
  timelineRef.current = timeline;

  const loadLists = useCallback(async () => {
    const states = Object.keys(LIST_LIMITS) as ConversationState[];
    const results = await Promise.all(
      states.map((state) => client.listConversations(state, LIST_LIMITS[state])),
    );
    for (const result of results) {
      if (result.ok) apply({ type: 'loaded', conversations: result.data });
      else if (result.error.code === 'unauthorized') live.current.onSessionEnded();
      else console.warn('[console] loading a conversation list failed', result.error);
    }
  }, [client, apply]);

  useEffect(() => {
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const rt = client.connect({
      conversationUpdated: upsert,
      messageNew: (message) => timelineRef.current.onMessage(message),
      sessionEnded: () => live.current.onSessionEnded(),
      connected: (reconnected) => {
        setConnection('online');
        void loadLists();
        if (reconnected) timelineRef.current.resync();
      },
      disconnected: () => setConnection('offline'),
      refused: (message) => {
        setConnection('offline');
        // Refused for a reason other than a dead session (server restart, overload): try again shortly.
        void client.me().then((me) => {
          if (!me.ok && me.error.code === 'unauthorized') live.current.onSessionEnded();
          else retryTimer = setTimeout(() => rt.reconnect(), REFUSED_RETRY_MS);
        });
        console.warn('[console] socket refused', message);
      },
    });
    setRealtime(rt);
    // Load now as well as on every connect: the lists should show even while the socket cannot connect.
    void loadLists();
    return () => {
      clearTimeout(retryTimer);
      rt.close();
    };
  }, [client, upsert, loadLists]);

  // Catch up when the agent comes back to the tab (timers and sockets may have slept).
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') timelineRef.current.resync();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  // The timeline follows the selection once the socket exists.
  useEffect(() => {
    if (realtime) timeline.open(selectedId);
  }, [realtime, selectedId, timeline.open]);

  const act = useCallback(
    async (action: ConversationAction) => {
      if (!realtime || !selectedId) return;
      setActionError(null);
      const result =
        action === 'take'
          ? await realtime.take(selectedId)
          : action === 'return'
            ? await realtime.returnToBot(selectedId)
            : await realtime.resolve(selectedId);
      if (result.ok) upsert(result.data);
      else setActionError(result.error);
    },
    [realtime, selectedId, upsert],
  );

  const sections = useMemo(() => groupConversations(lists.byId, agent.id), [lists.byId, agent.id]);
  const waiting = useMemo(() => waitingCount(lists.byId), [lists.byId]);

  return {
    sections,
    unread: lists.unread,
    waiting,
    connection,
    selected: selectedId ? (lists.byId[selectedId] ?? null) : null,
    select,
    act,
    actionError,
    clearActionError: () => setActionError(null),
    timeline,
  };
}
