/**
 * The open conversation's timeline over the socket: watch on open, catch up with `messagesSync` (looping
 * while `hasMore`) after every reconnect and on tab focus, and sends with retries under one `clientId`.
 */
import type { AgentConversation, ErrorBody, Message } from '@frontdesk/shared';
import { useCallback, useReducer, useRef } from 'preact/hooks';
import { newClientId } from '../lib/client-id.ts';
import type { AgentRealtime } from '../realtime/index.ts';
import { withRetry } from '../realtime/index.ts';
import {
  EMPTY_TIMELINE,
  lastSeq,
  type OutgoingKind,
  type TimelineState,
  timelineReducer,
} from '../state/timeline.ts';

const SEND_RETRY = { attempts: 4, delaysMs: [500, 1500, 4000] } as const;
/** Guards the catch-up loop against a server that keeps answering `hasMore` with nothing new. */
const MAX_SYNC_PAGES = 50;

export type TimelineControls = {
  timeline: TimelineState;
  open(conversationId: string | null): void;
  /** Re-watch and catch up the open conversation (after a reconnect or when the tab regains focus). */
  resync(): void;
  onMessage(message: Message): void;
  send(body: string, kind: OutgoingKind): void;
  retry(clientId: string): void;
};

type Callbacks = {
  onConversation(conversation: AgentConversation): void;
  onError(error: ErrorBody): void;
};

export function useTimeline(realtime: AgentRealtime | null, callbacks: Callbacks): TimelineControls {
  const [timeline, dispatch] = useReducer(timelineReducer, EMPTY_TIMELINE);
  const state = useRef(timeline);
  state.current = timeline;
  const cb = useRef(callbacks);
  cb.current = callbacks;

  const catchUp = useCallback(async (rt: AgentRealtime, conversationId: string, fromSeq: number) => {
    let afterSeq = fromSeq;
    for (let page = 0; page < MAX_SYNC_PAGES; page++) {
      const result = await rt.sync(conversationId, afterSeq);
      if (!result.ok) {
        cb.current.onError(result.error);
        return;
      }
      cb.current.onConversation(result.data.conversation);
      dispatch({ type: 'merge', conversationId, messages: result.data.messages, done: true });
      const next = result.data.messages.reduce((max, m) => Math.max(max, m.seq), afterSeq);
      if (!result.data.hasMore || next === afterSeq) return;
      afterSeq = next;
    }
  }, []);

  /** Watches (joins the room) and merges the first page; returns the highest seq held, or null on failure. */
  const watch = useCallback(
    async (rt: AgentRealtime, conversationId: string): Promise<{ held: number; hasMore: boolean } | null> => {
      const result = await rt.watch(conversationId);
      if (!result.ok) {
        dispatch({ type: 'merge', conversationId, messages: [], done: true });
        cb.current.onError(result.error);
        return null;
      }
      const { conversation, messages, hasMore } = result.data;
      cb.current.onConversation(conversation);
      dispatch({ type: 'merge', conversationId, messages, done: true });
      const held = messages.reduce((max, m) => Math.max(max, m.seq), lastSeq(state.current));
      return { held, hasMore };
    },
    [],
  );

  const open = useCallback(
    (conversationId: string | null) => {
      const previous = state.current.conversationId;
      if (previous === conversationId) return;
      dispatch({ type: 'open', conversationId });
      if (!realtime) return;
      if (previous) {
        realtime.unwatch(previous).then((r) => {
          if (!r.ok) console.warn('[console] unwatch failed', previous, r.error);
        });
      }
      if (!conversationId) return;
      void watch(realtime, conversationId).then((page) => {
        if (page?.hasMore) return catchUp(realtime, conversationId, page.held);
      });
    },
    [realtime, watch, catchUp],
  );

  const resync = useCallback(() => {
    const id = state.current.conversationId;
    if (!realtime || !id) return;
    // Watching again re-joins the room (rooms do not survive a reconnect); then everything after what was
    // held before, whatever page the watch reply carried.
    const before = lastSeq(state.current);
    void watch(realtime, id).then((page) => {
      if (page) return catchUp(realtime, id, before);
    });
  }, [realtime, watch, catchUp]);

  const onMessage = useCallback((message: Message) => {
    dispatch({ type: 'merge', conversationId: message.conversationId, messages: [message] });
  }, []);

  const deliver = useCallback(
    async (conversationId: string, clientId: string, body: string, kind: OutgoingKind) => {
      if (!realtime) return;
      dispatch({ type: 'pendingStatus', clientId, status: 'sending' });
      const result = await withRetry(
        () => realtime.send({ conversationId, clientId, body, kind }),
        SEND_RETRY,
      );
      if (result.ok) {
        dispatch({ type: 'merge', conversationId, messages: [result.data.message] });
      } else {
        dispatch({ type: 'pendingStatus', clientId, status: 'failed' });
        cb.current.onError(result.error);
      }
    },
    [realtime],
  );

  const send = useCallback(
    (body: string, kind: OutgoingKind) => {
      const conversationId = state.current.conversationId;
      if (!conversationId) return;
      const clientId = newClientId();
      const pending = {
        clientId,
        body,
        kind,
        status: 'sending' as const,
        createdAt: new Date().toISOString(),
      };
      dispatch({ type: 'pendingAdd', pending });
      void deliver(conversationId, clientId, body, kind);
    },
    [deliver],
  );

  const retry = useCallback(
    (clientId: string) => {
      const { conversationId, pending } = state.current;
      const item = pending.find((p) => p.clientId === clientId);
      if (conversationId && item) void deliver(conversationId, clientId, item.body, item.kind);
    },
    [deliver],
  );

  return { timeline, open, resync, onMessage, send, retry };
}
