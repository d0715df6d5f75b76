/**
 * An in-memory `ConsoleClient` for component tests: one agent, conversations and messages held in plain
 * objects, server pushes driven by the test, and the same error codes the real server uses.
 */
import type {
  AckResult,
  AgentConversation,
  AgentProfile,
  ErrorBody,
  ErrorCode,
  Message,
  SendAgentMessageInput,
} from '@frontdesk/shared';
import type { ConsoleClient } from '../client.ts';
import type { AgentRealtime, RealtimeHandlers } from '../realtime/index.ts';
import { createMemoryFaqApi, type FaqSeed, type MemoryFaqApi } from './memory-faq.ts';

export const AGENT: AgentProfile = {
  id: 'agent-1',
  email: 'ann@shop.example',
  name: 'Ann',
  role: 'agent',
  sites: [{ id: 'site1', name: 'Shop', key: 'shop-key' }],
};
export const PASSWORD = 'correct horse battery';

const fail = <T>(code: ErrorCode): AckResult<T> => ({ ok: false, error: { code, message: code } });
const ok = <T>(data: T): AckResult<T> => ({ ok: true, data });

export const ADMIN: AgentProfile = { ...AGENT, id: 'admin-1', name: 'Ada', role: 'admin' };

export type MemoryClient = ConsoleClient & {
  /** The FAQ store and the record of FAQ calls (the client's FAQ methods are this object's). */
  faq: MemoryFaqApi;
  signedIn: boolean;
  loginError: ErrorCode | ErrorBody | null;
  conversations: Map<string, AgentConversation>;
  messages: Map<string, Message[]>;
  sent: SendAgentMessageInput[];
  syncCalls: { conversationId: string; afterSeq: number }[];
  /** Fails the next sends with this code (e.g. `unavailable`) before succeeding. */
  failSends: ErrorCode[];
  handlers(): RealtimeHandlers;
  /** The server changes a conversation and tells every agent. */
  push(conversation: AgentConversation): void;
  /** A message is committed and delivered to watchers. */
  deliver(message: Message): void;
};

export function createMemoryClient(
  seed: {
    conversations?: AgentConversation[];
    messages?: Message[];
    signedIn?: boolean;
    agent?: AgentProfile;
    faq?: FaqSeed;
  } = {},
): MemoryClient {
  const agent = seed.agent ?? AGENT;
  const conversations = new Map((seed.conversations ?? []).map((c) => [c.id, c]));
  const messages = new Map<string, Message[]>();
  for (const m of seed.messages ?? [])
    messages.set(m.conversationId, [...(messages.get(m.conversationId) ?? []), m]);
  let handlers: RealtimeHandlers | null = null;
  const watched = new Set<string>();
  let clock = 0;
  /** Strictly increasing server time, never behind the test's own `new Date()`. */
  const stamp = () => {
    clock = Math.max(clock + 1, Date.now());
    return new Date(clock).toISOString();
  };

  const change = (id: string, patch: Partial<AgentConversation>): AgentConversation => {
    const current = conversations.get(id)!;
    const next = { ...current, ...patch, updatedAt: stamp() };
    conversations.set(id, next);
    handlers?.conversationUpdated(next);
    return next;
  };

  const faq = createMemoryFaqApi(agent, seed.faq);
  const client: MemoryClient = {
    ...faq,
    faq,
    signedIn: seed.signedIn ?? true,
    loginError: null,
    conversations,
    messages,
    sent: [],
    syncCalls: [],
    failSends: [],
    handlers: () => {
      if (!handlers) throw new Error('not connected');
      return handlers;
    },
    push(conversation) {
      conversations.set(conversation.id, conversation);
      handlers?.conversationUpdated(conversation);
    },
    deliver(message) {
      messages.set(message.conversationId, [...(messages.get(message.conversationId) ?? []), message]);
      if (watched.has(message.conversationId)) handlers?.messageNew(message);
    },

    async login(email, password) {
      if (client.loginError) {
        const error = client.loginError;
        return typeof error === 'string' ? fail(error) : { ok: false, error };
      }
      if (email !== agent.email || password !== PASSWORD) return fail('unauthorized');
      client.signedIn = true;
      return ok(agent);
    },
    async logout() {
      client.signedIn = false;
      return ok(null);
    },
    async me() {
      return client.signedIn ? ok(agent) : fail('unauthorized');
    },
    async listConversations(state, limit) {
      if (!client.signedIn) return fail('unauthorized');
      return ok([...conversations.values()].filter((c) => c.state === state).slice(0, limit));
    },
    async getConversation(id) {
      const conversation = conversations.get(id);
      return conversation ? ok({ conversation, messages: messages.get(id) ?? [] }) : fail('not_found');
    },

    connect(h) {
      handlers = h;
      queueMicrotask(() => h.connected(false));
      const realtime: AgentRealtime = {
        async watch(id) {
          const conversation = conversations.get(id);
          if (!conversation) return fail('not_found');
          watched.add(id);
          return ok({ conversation, messages: messages.get(id) ?? [], hasMore: false });
        },
        async unwatch(id) {
          watched.delete(id);
          return ok(null);
        },
        async send(input) {
          client.sent.push(input);
          const code = client.failSends.shift();
          if (code) return fail(code);
          const list = messages.get(input.conversationId) ?? [];
          const duplicate = list.find((m) => m.clientId === input.clientId);
          if (duplicate) return ok({ message: duplicate, duplicate: true });
          const message: Message = {
            id: `m-${input.clientId}`,
            conversationId: input.conversationId,
            seq: (list.at(-1)?.seq ?? 0) + 1,
            clientId: input.clientId,
            author: 'agent',
            authorName: AGENT.name,
            kind: input.kind ?? 'text',
            body: input.body,
            meta: null,
            createdAt: stamp(),
          };
          client.deliver(message);
          change(input.conversationId, {
            lastSeq: message.seq,
            lastMessage: { author: 'agent', body: message.body, createdAt: message.createdAt },
          });
          return ok({ message, duplicate: false });
        },
        async sync(id, afterSeq) {
          client.syncCalls.push({ conversationId: id, afterSeq });
          const conversation = conversations.get(id);
          if (!conversation) return fail('not_found');
          return ok({
            conversation,
            messages: (messages.get(id) ?? []).filter((m) => m.seq > afterSeq),
            hasMore: false,
          });
        },
        async take(id) {
          const c = conversations.get(id);
          if (!c) return fail('not_found');
          if (c.state === 'assigned') return fail(c.agentId === AGENT.id ? 'invalid_state' : 'conflict');
          if (c.state === 'resolved') return fail('invalid_state');
          return ok(change(id, { state: 'assigned', agentId: AGENT.id, agentName: AGENT.name }));
        },
        async returnToBot(id) {
          const c = conversations.get(id);
          if (c?.state !== 'assigned' && c?.state !== 'queued') return fail('invalid_state');
          return ok(change(id, { state: 'bot', agentId: null, agentName: null }));
        },
        async resolve(id) {
          if (!conversations.has(id)) return fail('not_found');
          return ok(change(id, { state: 'resolved', resolvedAt: stamp() }));
        },
        reconnect() {
          queueMicrotask(() => h.connected(true));
        },
        close() {
          handlers = null;
        },
      };
      return realtime;
    },
  };
  return client;
}
