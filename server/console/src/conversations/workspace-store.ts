/**
 * One signed-in session's conversations, framework-free: connects the agent socket, keeps the lists
 * live, follows the selected conversation's timeline (watch, then sync after the last `seq`; again
 * after every connect and when asked), sends the agent's replies and notes through the client core's
 * outbox, and runs take / return / resolve. Components subscribe through `useWorkspace`.
 */
import {
  type AgentConversation,
  CONVERSATION_STATES,
  type ConversationState,
  type ErrorBody,
  LIMITS,
  type Message,
} from '@frontdesk/shared';
import {
  createRetry,
  createSender,
  createSerialRunner,
  createStore,
  createTypingThrottle,
  type Failure,
  hasGap,
  NO_REPLY,
  newClientId,
  ownReadsAfter,
  readsAfter,
  syncAfter,
  type TypingStep,
  typingInput,
  typingSent,
  typingTick,
} from '@frontdesk/shared/client';
import type { ConsoleClient } from '../app/client.ts';
import { enteredQueue } from './lists.ts';
import type { AgentRealtime } from './realtime/index.ts';
import {
  INITIAL_WORKSPACE,
  type Outgoing,
  type OutgoingKind,
  type WorkspaceAction,
  type WorkspaceState,
  workspaceReducer,
} from './workspace-state.ts';

/** How many conversations of each state the lists load at start and after every reconnect. */
const LIST_LIMITS: Record<ConversationState, number> = {
  queued: 200,
  bot: 50,
  assigned: 100,
  resolved: 30,
  abandoned: 30,
};

export type ConversationAction = 'take' | 'return' | 'resolve';

export type WorkspaceDeps = {
  client: ConsoleClient;
  /** The signed-in agent (issue 13: their own read positions, not other agents'). */
  meId?: string;
  /** A conversation just started waiting for a person: the moment to ring. */
  onQueued(conversation: AgentConversation): void;
  /** The session is gone (signed out elsewhere, disabled): back to the login page. */
  onSessionEnded(): void;
  /**
   * Issue 14: a conversation changed after the lists were loaded (`previous`: the copy held before;
   * `taking`: conversations this agent is taking over right now) — where attention is decided.
   */
  onChanged?(
    previous: AgentConversation | undefined,
    next: AgentConversation,
    taking: ReadonlySet<string>,
  ): void;
  /** Delay before a retry; attempt counts from 0. Default: the client core's backoff. */
  retryDelayMs?: (attempt: number) => number;
};

export type Workspace = {
  getState(): WorkspaceState;
  subscribe(listener: (state: WorkspaceState, previous: WorkspaceState) => void): () => void;
  /** Connects and loads the lists; `stop` closes the socket. */
  start(): void;
  stop(): void;
  select(id: string | null): void;
  act(action: ConversationAction): Promise<void>;
  send(body: string, kind: OutgoingKind): void;
  retry(clientId: string): void;
  /** Watch the selected conversation again and catch up (the tab came back into view). */
  resync(): void;
  clearActionError(): void;
  /** Issue 13: the reply box changed (notes are never signalled); `sent`: it was just sent. */
  typing(draft: string, sent?: boolean): void;
  /** Issue 13: the selected conversation is on screen up to `seq`. */
  markRead(seq: number): void;
  /**
   * Issue 17: the conversation list is on screen (or not: another page, a phone showing one
   * conversation). Message previews of conversations not the agent's own only come while it is;
   * showing it again reloads the lists.
   */
  showList(showing: boolean): void;
};

/** An action that got no answer (offline, timed out) reads as the server being unavailable. */
const errorOf = (failure: Failure): ErrorBody =>
  failure.error ?? { code: 'unavailable', message: 'no reply from the server' };

export function createWorkspace(deps: WorkspaceDeps): Workspace {
  const { client } = deps;
  const store = createStore(workspaceReducer, INITIAL_WORKSPACE);
  const state = store.getState;
  const dispatch = (action: WorkspaceAction) => store.dispatch(action);
  const resend = createRetry(deps.retryDelayMs);
  const reconnect = createRetry(deps.retryDelayMs);
  let realtime: AgentRealtime | null = null;
  // Issue 13: typing signals (the core's throttle) and read marks (one per interval, forward only).
  let throttle = createTypingThrottle(LIMITS.typingIntervalMs, LIMITS.typingIdleMs);
  let typingTimer: ReturnType<typeof setTimeout> | null = null;
  let expiryTimer: ReturnType<typeof setTimeout> | null = null;
  let readTimer: ReturnType<typeof setTimeout> | null = null;
  let readWanted: { id: string; seq: number } | null = null;
  /** Issue 14: the conversations being taken over by this agent (their own action rings nothing). */
  const taking = new Set<string>();

  function applyTyping(step: TypingStep): void {
    throttle = step.state;
    if (typingTimer) clearTimeout(typingTimer);
    typingTimer =
      step.wakeAt === null
        ? null
        : setTimeout(
            () => applyTyping(typingTick(throttle, Date.now())),
            Math.max(0, step.wakeAt - Date.now()),
          );
    const id = state().selectedId;
    if (step.send && id) void live()?.typing({ conversationId: id, typing: step.send.typing });
  }

  function sendRead(): void {
    readTimer = null;
    const wanted = readWanted;
    const rt = live();
    if (!wanted || !rt || wanted.seq <= (state().ownReads[wanted.id] ?? 0)) return;
    readWanted = null;
    void rt.markRead(wanted.id, wanted.seq).then((reply) => {
      if (reply.ok) dispatch({ type: 'read', position: reply.data });
    });
    readTimer = setTimeout(sendRead, LIMITS.readMarkIntervalMs);
  }

  /** The socket, when it is connected. */
  const live = () => (state().connection === 'online' ? realtime : null);

  /** Issue 17: whether the list is on screen, and what this connection's server was last told. */
  let listShown = false;
  let listTold: boolean | null = null;
  /**
   * Tells the server when the list is shown or hidden. Joining comes before loading, so no preview
   * falls between the two; on a connect the lists load here when the list is shown.
   */
  const tellList = createSerialRunner(async () => {
    const rt = live();
    const showing = listShown;
    if (!rt || listTold === showing) return;
    listTold = showing;
    const reply = await rt.showLists(showing);
    if (!reply.ok) listTold = null; // told again on the next change or connect
    if (showing) await loadLists();
  });

  function upsert(conversation: AgentConversation): void {
    const previous = state().lists.byId[conversation.id];
    dispatch({ type: 'updated', conversation });
    if (enteredQueue(previous, conversation)) deps.onQueued(conversation);
    if (
      previous === undefined ||
      previous.updatedAt !== conversation.updatedAt ||
      previous.lastSeq !== conversation.lastSeq
    )
      deps.onChanged?.(previous, conversation, taking);
  }

  async function loadLists(): Promise<void> {
    const results = await Promise.all(
      CONVERSATION_STATES.map((s) => client.listConversations(s, LIST_LIMITS[s])),
    );
    for (const result of results) {
      if (result.ok) {
        dispatch({ type: 'loaded', conversations: result.data.conversations });
        dispatch({ type: 'ownReads', reads: result.data.ownReads });
      } else if (result.error.code === 'unauthorized') deps.onSessionEnded();
      else console.warn('[console] loading a conversation list failed', result.error);
    }
  }

  /** Everything after the last `seq` held of `id`, page after page. */
  async function catchUpOn(rt: AgentRealtime, id: string): Promise<void> {
    const reply = await syncAfter({
      cursor: () => state().timeline.lastSeq,
      fetch: (afterSeq) => rt.sync(id, afterSeq),
      apply: (page) => {
        if (state().selectedId !== id) return false;
        upsert(page.conversation);
        if (page.reads) dispatch({ type: 'reads', conversationId: id, visitor: page.reads.visitor });
        dispatch({
          type: 'received',
          conversationId: id,
          messages: page.messages,
          source: 'sync',
          done: true,
        });
        return true;
      },
    });
    if (!reply.ok && state().selectedId === id) dispatch({ type: 'error', error: errorOf(reply) });
  }

  /**
   * Watching (again) joins the conversation's room, which does not survive a reconnect, and brings
   * its first page; then the rest after the last `seq` held.
   */
  const follow = createSerialRunner(async () => {
    const id = state().selectedId;
    const rt = live();
    if (!id || !rt) return;
    const watched = await rt.watch(id);
    if (state().selectedId !== id) return;
    if (!watched.ok) {
      dispatch({ type: 'received', conversationId: id, messages: [], source: 'sync', done: true });
      dispatch({ type: 'error', error: errorOf(watched) });
      return;
    }
    upsert(watched.data.conversation);
    if (watched.data.reads)
      dispatch({ type: 'reads', conversationId: id, visitor: watched.data.reads.visitor });
    if (watched.data.ownRead !== undefined)
      dispatch({ type: 'ownReads', reads: { [id]: watched.data.ownRead } });
    dispatch({
      type: 'received',
      conversationId: id,
      messages: watched.data.messages,
      source: 'sync',
      done: true,
    });
    if (watched.data.hasMore) await catchUpOn(rt, id);
  });

  /** A live message skipped a `seq`: fetch what is missing. */
  const fillGap = createSerialRunner(async () => {
    const id = state().selectedId;
    const rt = live();
    if (id && rt) await catchUpOn(rt, id);
  });

  function receiveLive(message: Message): void {
    const { timeline } = state();
    const gap = message.conversationId === timeline.conversationId && hasGap(timeline, message);
    dispatch({
      type: 'received',
      conversationId: message.conversationId,
      messages: [message],
      source: 'live',
    });
    if (gap) void fillGap.run();
    // Issue 17: the writer has read up to their message; no read receipt comes for it.
    const visitor = readsAfter({ visitor: 0, agent: 0 }, [message]).visitor;
    if (visitor > 0) dispatch({ type: 'reads', conversationId: message.conversationId, visitor });
    if (deps.meId) dispatch({ type: 'ownReads', reads: ownReadsAfter({}, deps.meId, [message]) });
  }

  const sender = createSender<Outgoing>({
    items: () => state().outbox,
    ready: () => live() !== null,
    send: (item) => {
      const rt = live();
      const { conversationId, clientId, body, kind } = item;
      return rt ? rt.send({ conversationId, clientId, body, kind }) : Promise.resolve(NO_REPLY);
    },
    mark(item, status, failure) {
      dispatch({ type: 'outgoing', clientId: item.clientId, status, code: failure?.error?.code });
      // Retryable failures stay "sending" and go again after the backoff; final ones are worth saying.
      if (status === 'failed' && failure) dispatch({ type: 'error', error: errorOf(failure) });
    },
    delivered(_item, message) {
      resend.reset();
      receiveLive(message);
    },
    retryLater: () => resend.schedule(() => void sender.flush()),
  });

  function connect(): AgentRealtime {
    return client.connect({
      conversationUpdated: upsert,
      messageNew: receiveLive,
      sessionEnded: () => deps.onSessionEnded(),
      connected() {
        reconnect.reset();
        dispatch({ type: 'connection', connection: 'online' });
        // A new connection starts without list previews (issue 17): tell, then load.
        listTold = null;
        if (listShown) void tellList.run();
        else void loadLists();
        void follow.run();
        void sender.flush();
      },
      disconnected() {
        listTold = null;
        dispatch({ type: 'connection', connection: 'offline' });
      },
      // Issue 13: the visitor's typing lapses on its own; other agents' read positions are theirs.
      typingChanged(notice) {
        dispatch({ type: 'typing', notice, at: Date.now() });
        if (expiryTimer) clearTimeout(expiryTimer);
        expiryTimer = setTimeout(() => dispatch({ type: 'expire', now: Date.now() }), LIMITS.typingExpiryMs);
      },
      readChanged(position) {
        if (position.reader === 'agent' && position.agentId !== deps.meId) return;
        dispatch({ type: 'read', position });
      },
      refused(message) {
        console.warn('[console] socket refused', message);
        dispatch({ type: 'connection', connection: 'offline' });
        // Refused for a reason other than a dead session (server restart, overload): try again later.
        void client.me().then((me) => {
          if (!me.ok && me.error.code === 'unauthorized') deps.onSessionEnded();
          else reconnect.schedule(() => realtime?.reconnect());
        });
      },
    });
  }

  return {
    getState: state,
    subscribe: store.subscribe,
    start() {
      if (realtime) return;
      realtime = connect();
      // Load now as well as on every connect: the lists show even while the socket cannot connect.
      void loadLists();
    },
    stop() {
      resend.cancel();
      reconnect.cancel();
      for (const timer of [typingTimer, expiryTimer, readTimer]) if (timer) clearTimeout(timer);
      typingTimer = expiryTimer = readTimer = null;
      realtime?.close();
      realtime = null;
    },
    select(id) {
      const previous = state().selectedId;
      if (previous === id) return;
      dispatch({ type: 'selected', id });
      if (previous) {
        void live()
          ?.unwatch(previous)
          .then((reply) => {
            if (!reply.ok) console.warn('[console] unwatch failed', previous, reply.error);
          });
      }
      void follow.run();
    },
    async act(action) {
      const id = state().selectedId;
      const rt = realtime;
      if (!id || !rt) return;
      dispatch({ type: 'error', error: null });
      if (action === 'take') taking.add(id);
      const reply =
        action === 'take'
          ? await rt.take(id)
          : action === 'return'
            ? await rt.returnToBot(id)
            : await rt.resolve(id);
      if (reply.ok) upsert(reply.data);
      else dispatch({ type: 'error', error: errorOf(reply) });
      if (action === 'take') taking.delete(id);
    },
    send(body, kind) {
      const conversationId = state().selectedId;
      if (!conversationId) return;
      const item: Outgoing = {
        clientId: newClientId(),
        conversationId,
        body,
        kind,
        status: 'pending',
        error: null,
        createdAt: new Date().toISOString(),
      };
      dispatch({ type: 'queued', item });
      void sender.flush();
    },
    retry(clientId) {
      dispatch({ type: 'outgoing', clientId, status: 'pending' });
      void sender.flush();
    },
    resync() {
      void follow.run();
    },
    clearActionError: () => dispatch({ type: 'error', error: null }),
    typing(draft, sent = false) {
      applyTyping(sent ? typingSent(throttle) : typingInput(throttle, draft, Date.now()));
    },
    markRead(seq) {
      const id = state().selectedId;
      if (!id || seq <= Math.max(state().ownReads[id] ?? 0, readWanted?.id === id ? readWanted.seq : 0))
        return;
      readWanted = { id, seq };
      if (!readTimer) sendRead();
    },
    showList(showing) {
      listShown = showing;
      void tellList.run();
    },
  };
}
