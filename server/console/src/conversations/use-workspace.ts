/**
 * The conversations workspace for components: one `createWorkspace` per signed-in session, started on
 * mount and stopped on unmount, its state followed with `useStore`. Ringing (chime and desktop
 * notification in the agent's language) and catching up when the tab comes back are wired here.
 */
import type { AgentProfile, AttentionPrefs } from '@frontdesk/shared';
import { useStore } from '@frontdesk/shared/preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ConsoleClient } from '../app/client.ts';
import type { Translate } from '../app/i18n.ts';
import type { Notifier } from '../app/notifier.ts';
import { previewText, visitorLabel } from '../shared/format.ts';
import { attentionFor, signalsFor } from './attention.ts';
import { groupConversations, type Sections, waitingCount } from './lists.ts';
import { pendingOf, type WorkspaceState } from './workspace-state.ts';
import { createWorkspace, type Workspace } from './workspace-store.ts';

type Options = {
  client: ConsoleClient;
  agent: AgentProfile;
  notifier: Notifier;
  t: Translate;
  onSessionEnded(): void;
  retryDelayMs?: (attempt: number) => number;
  /** Issue 14: the agent's alert switches, and whether the workspace is behind another page. */
  attention: AttentionPrefs;
  hidden: boolean;
};

export type WorkspaceView = {
  workspace: Workspace;
  state: WorkspaceState;
  sections: Sections;
  waiting: number;
  pending: ReturnType<typeof pendingOf>;
};

export function useWorkspace({
  client,
  agent,
  notifier,
  t,
  onSessionEnded,
  retryDelayMs,
  attention,
  hidden,
}: Options): WorkspaceView {
  // The workspace is made once per client; it reads the latest callbacks through this ref.
  const latest = useRef({ t, onSessionEnded, attention, hidden });
  latest.current = { t, onSessionEnded, attention, hidden };

  const workspace = useMemo(() => {
    const created = createWorkspace({
      client,
      meId: agent.id,
      onSessionEnded: () => latest.current.onSessionEnded(),
      onQueued(conversation) {
        const tr = latest.current.t;
        notifier.chime();
        notifier.desktop(
          tr('notifyQueuedTitle'),
          tr('notifyQueuedBody', { name: visitorLabel(conversation, (id) => tr('visitorFallback', { id })) }),
          () => created.select(conversation.id),
        );
      },
      // Issue 14: a new message in the agent's own conversation, or one assigned to them.
      onChanged(previous, next, taking) {
        const { t: tr, attention: prefs, hidden: away } = latest.current;
        const focused = document.visibilityState === 'visible' && document.hasFocus();
        const lookingAt = !away && focused ? created.getState().selectedId : null;
        const kind = attentionFor(previous, next, { meId: agent.id, lookingAt, taking });
        const signals = signalsFor(kind, prefs);
        if (signals.sound) notifier.chime();
        if (!signals.desktop) return;
        const name = visitorLabel(next, (id) => tr('visitorFallback', { id }));
        const [title, body] =
          kind === 'message'
            ? [tr('notifyMessageTitle', { name }), previewText(next.lastMessage?.body ?? '')]
            : [tr('notifyAssignedTitle'), tr('notifyAssignedBody', { name })];
        notifier.desktop(title, body, () => created.select(next.id), `frontdesk-${next.id}`);
      },
      ...(retryDelayMs ? { retryDelayMs } : {}),
    });
    return created;
  }, [client, notifier, retryDelayMs]);

  useEffect(() => {
    workspace.start();
    return () => workspace.stop();
  }, [workspace]);

  // Catch up when the agent comes back to the tab (timers and sockets may have slept).
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') workspace.resync();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [workspace]);

  const state = useStore(workspace);
  const sections = useMemo(
    () => groupConversations(state.lists.byId, agent.id),
    [state.lists.byId, agent.id],
  );
  const waiting = useMemo(() => waitingCount(state.lists.byId), [state.lists.byId]);
  return { workspace, state, sections, waiting, pending: pendingOf(state) };
}
