/**
 * An in-memory `ConsoleClient` for component tests: one agent, conversations and messages held in plain
 * objects, server pushes driven by the test. Take, return and resolve go through the real state
 * machine (`transition` from shared) with the server's patches, system events and error codes, and
 * replies need the conversation to be assigned to the agent, as on the server.
 */

import {
  type AckResult,
  type AgentConversation,
  type AgentProfile,
  type CannedResponse,
  type ConversationEvent,
  type ErrorBody,
  type ErrorCode,
  LIMITS,
  type Message,
  nextReadSeq,
  type PresenceSetInput,
  type SendAgentMessageInput,
  type TypingSetInput,
  transition,
} from '@frontdesk/shared';
import type { Report } from '@frontdesk/shared/reports';
import type { ConsoleClient } from '../app/client.ts';
import type { AgentRealtime, RealtimeHandlers } from '../conversations/realtime/index.ts';
import { type AdminSeed, createMemoryAdminApi, type MemoryAdminApi } from './memory-admin.ts';
import { createMemoryApiAccess, type MemoryApiAccess } from './memory-api-access.ts';
import { createMemoryAttachmentsApi } from './memory-attachments.ts';
import { createMemoryCannedApi } from './memory-canned.ts';
import {
  type ContactsSeed,
  contact,
  createMemoryContactsApi,
  type MemoryContactsApi,
} from './memory-contacts.ts';
import { createMemoryFaqApi, type FaqSeed, type MemoryFaqApi } from './memory-faq.ts';
import { createMemoryMailApi, type MailSeed, type MemoryMailApi } from './memory-mail.ts';
import { createMemoryOfflineApi } from './memory-offline.ts';
import { createMemoryRoutingApi } from './memory-routing.ts';
import { createMemorySearchApi, type MemorySearch } from './memory-search.ts';

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
  /** Sites, agents and the signed-in agent's profile (the client's methods for them are this object's). */
  admin: MemoryAdminApi;
  /** Issue 10: the offline settings store and the record of saves. */
  offline: ReturnType<typeof createMemoryOfflineApi>;
  /** Issue 14. */
  routing: ReturnType<typeof createMemoryRoutingApi>;
  /** Issue 13. */
  attachments: ReturnType<typeof createMemoryAttachmentsApi>;
  /** Issue 15: API tokens and webhooks. */
  apiAccess: MemoryApiAccess;
  /** E-mail as a channel (issue 10, mail): the outbox. */
  mail: MemoryMailApi;
  /** Issue 14: canned responses and the agent's attention preferences. */
  canned: ReturnType<typeof createMemoryCannedApi>;
  /** Issue 12: contacts (every seeded conversation's visitor has one, as on the server). */
  contacts: MemoryContactsApi;
  /** Issue 14: saved views, tags and the searches asked. */
  search: MemorySearch;
  /** Issue 15: the report each site answers with (computed by the server's SQL; tests set one); none: not found. */
  reports: Map<string, Report>;
  /** Issue 15: every range asked for. */
  reportCalls: { siteId: string; from: string; to: string; team: string | null }[];
  signedIn: boolean;
  loginError: ErrorCode | ErrorBody | null;
  conversations: Map<string, AgentConversation>;
  messages: Map<string, Message[]>;
  sent: SendAgentMessageInput[];
  syncCalls: { conversationId: string; afterSeq: number }[];
  /** Fails the next sends with this code (e.g. `unavailable`) before succeeding. */
  failSends: ErrorCode[];
  /** Issue 10 (presence): every status the console set. */
  presenceSets: PresenceSetInput[];
  /** Issue 13: typing signals sent, read marks sent, and this agent's stored read positions. */
  typingSets: TypingSetInput[];
  readMarks: { conversationId: string; seq: number }[];
  /** Issue 17: every `showLists` call, in order (whether the console shows the list). */
  listShows: boolean[];
  reads: Map<string, number>;
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
    admin?: AdminSeed;
    mail?: MailSeed;
    contacts?: ContactsSeed;
    /** Issue 14. */
    canned?: CannedResponse[];
    /** Messages per watch or sync page (the server's `LIMITS.syncPageSize`). */
    pageSize?: number;
  } = {},
): MemoryClient {
  const agent = seed.agent ?? AGENT;
  const pageSize = seed.pageSize ?? LIMITS.syncPageSize;
  /** One page after `afterSeq`, as the server pages: full means there may be more. */
  const pageAfter = (id: string, afterSeq: number) => {
    const page = (messages.get(id) ?? []).filter((m) => m.seq > afterSeq).slice(0, pageSize);
    return { messages: page, hasMore: page.length === pageSize };
  };
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
  const nextSeq = (id: string) =>
    Math.max(conversations.get(id)?.lastSeq ?? 0, ...(messages.get(id) ?? []).map((m) => m.seq)) + 1;

  const change = (id: string, patch: Partial<AgentConversation>): AgentConversation => {
    const current = conversations.get(id)!;
    const next = { ...current, ...patch, updatedAt: stamp() };
    conversations.set(id, next);
    handlers?.conversationUpdated(next);
    return next;
  };

  /** What the server writes besides the state for each event (`patchFor` in the conversation service). */
  const patchFor = (event: ConversationEvent, at: string): Partial<AgentConversation> => {
    switch (event.type) {
      case 'take':
        return { agentId: agent.id, agentName: agent.name };
      case 'return_to_bot':
        return { agentId: null, agentName: null, handoffReason: null, queuedAt: null };
      case 'resolve':
        return { resolvedAt: at };
      default:
        return {};
    }
  };

  /** One state change as the server runs it: decide with `transition`, then patch and tell everyone. */
  function apply(id: string, event: ConversationEvent): AckResult<AgentConversation> {
    const current = conversations.get(id);
    if (!current) return fail('not_found');
    const result = transition(current.state, event);
    if (!result.ok) return fail(result.code);
    if (!result.changed) return ok(current);
    const at = stamp();
    const name = event.type === 'take' ? { agentName: agent.name } : {};
    const systemEvent: Message = {
      id: `m-${id}-${nextSeq(id)}`,
      conversationId: id,
      seq: nextSeq(id),
      clientId: null,
      author: 'system',
      authorName: null,
      kind: 'event',
      body: '',
      meta: { event: { name: result.event, ...name } },
      createdAt: at,
    };
    client.deliver(systemEvent);
    return ok(change(id, { ...patchFor(event, at), state: result.to, lastSeq: systemEvent.seq }));
  }

  const faq = createMemoryFaqApi(agent, seed.faq);
  const admin = createMemoryAdminApi(agent, seed.admin, PASSWORD);
  const offline = createMemoryOfflineApi(agent);
  const routing = createMemoryRoutingApi(agent);
  const attachments = createMemoryAttachmentsApi(agent);
  const mail = createMemoryMailApi(agent, seed.mail);
  const apiAccess = createMemoryApiAccess(agent);
  const contacts = createMemoryContactsApi(agent, seed.contacts);
  const canned = createMemoryCannedApi(agent, seed.canned);
  for (const c of seed.conversations ?? []) {
    const known = contacts.contacts.get(c.visitor.id);
    const record =
      known ??
      contact(c.visitor.id, {
        siteId: c.siteId,
        name: c.visitor.name,
        email: c.visitor.email,
        identity: c.visitor.verified ? 'verified' : 'anonymous',
      });
    if (!record.conversations.some((past) => past.id === c.id))
      record.conversations.push({
        id: c.id,
        state: c.state,
        agentName: c.agentName,
        rating: c.rating,
        ratingComment: c.ratingComment,
        lastMessageAt: c.lastMessage?.createdAt ?? null,
        createdAt: c.createdAt,
        resolvedAt: c.resolvedAt,
        offline: Boolean(c.offline),
      });
    record.conversationCount = record.conversations.length;
    contacts.contacts.set(record.id, record);
  }
  const search = createMemorySearchApi(agent, conversations, messages);
  const reports = new Map<string, Report>();
  const reportCalls: MemoryClient['reportCalls'] = [];
  const client: MemoryClient = {
    // Issue 14.
    canned,
    ...canned.api,
    search,
    searchConversations: search.searchConversations,
    listSavedViews: search.listSavedViews,
    createSavedView: search.createSavedView,
    deleteSavedView: search.deleteSavedView,
    conversationTags: search.conversationTags,
    addConversationTag: search.addConversationTag,
    removeConversationTag: search.removeConversationTag,
    siteConversationTags: search.siteConversationTags,
    // Issue 15.
    reports,
    reportCalls,
    async getReport(siteId, range, team = null) {
      reportCalls.push({ siteId, ...range, team });
      const report = reports.get(siteId);
      const members = team === null ? null : report?.teams.find((t) => t.teamId === team);
      if (members === undefined)
        return { ok: false, error: { code: 'not_found', message: 'team not found' } };
      return report
        ? { ok: true, data: { ...report, range, team } }
        : { ok: false, error: { code: 'not_found', message: 'site not found' } };
    },
    // Issue 12.
    contacts,
    listContacts: (siteId, query) => contacts.listContacts(siteId, query),
    getContact: (siteId, contactId) => contacts.getContact(siteId, contactId),
    patchContact: (siteId, contactId, patch) => contacts.patchContact(siteId, contactId, patch),
    addContactNote: (siteId, contactId, note) => contacts.addContactNote(siteId, contactId, note),
    contactTimeline: (siteId, contactId, cursor) => contacts.contactTimeline(siteId, contactId, cursor),
    contactExportUrl: (siteId, contactId) => contacts.contactExportUrl(siteId, contactId),
    contactExportZipUrl: (siteId, contactId) => contacts.contactExportZipUrl(siteId, contactId),
    confirmErase: (siteId, contactId) => contacts.confirmErase(siteId, contactId),
    eraseContact: (siteId, contactId, confirmation) => contacts.eraseContact(siteId, contactId, confirmation),
    getIdentitySettings: (siteId) => contacts.getIdentitySettings(siteId),
    rotateIdentitySecret: (siteId) => contacts.rotateIdentitySecret(siteId),
    removeIdentitySecret: (siteId) => contacts.removeIdentitySecret(siteId),
    getPrivacySettings: (siteId) => contacts.getPrivacySettings(siteId),
    setPrivacySettings: (siteId, settings) => contacts.setPrivacySettings(siteId, settings),
    ...faq,
    faq,
    admin,
    // Issue 10.
    offline,
    attachments,
    ...offline.api,
    // Issue 14.
    routing,
    ...routing.api,
    // Issue 13.
    ...attachments.api,
    listSites: () => admin.listSites(),
    createSite: (input) => admin.createSite(input),
    getSite: (siteId) => admin.getSite(siteId),
    patchSite: (siteId, patch) => admin.patchSite(siteId, patch),
    uploadLogo: (siteId, file) => admin.uploadLogo(siteId, file),
    deleteLogo: (siteId) => admin.deleteLogo(siteId),
    listAgents: () => admin.listAgents(),
    createAgent: (input) => admin.createAgent(input),
    patchAgent: (agentId, patch) => admin.patchAgent(agentId, patch),
    resetAgentPassword: (agentId, input) => admin.resetAgentPassword(agentId, input),
    updateProfile: (patch) => admin.updateProfile(patch),
    changePassword: (input) => admin.changePassword(input),
    uploadAvatar: (file) => admin.uploadAvatar(file),
    deleteAvatar: () => admin.deleteAvatar(),
    mail,
    listOutbox: () => mail.listOutbox(),
    resendMail: (mailId) => mail.resendMail(mailId),
    // Issue 15.
    apiAccess,
    listApiTokens: () => apiAccess.listApiTokens(),
    createApiToken: (input) => apiAccess.createApiToken(input),
    revokeApiToken: (tokenId) => apiAccess.revokeApiToken(tokenId),
    listWebhooks: () => apiAccess.listWebhooks(),
    createWebhook: (input) => apiAccess.createWebhook(input),
    removeWebhook: (webhookId) => apiAccess.removeWebhook(webhookId),
    listDeliveries: (webhookId) => apiAccess.listDeliveries(webhookId),
    resendDelivery: (deliveryId) => apiAccess.resendDelivery(deliveryId),
    setWebhookAllowPrivate: (siteId, allow) => apiAccess.setWebhookAllowPrivate(siteId, allow),
    signedIn: seed.signedIn ?? true,
    loginError: null,
    conversations,
    messages,
    sent: [],
    syncCalls: [],
    failSends: [],
    presenceSets: [],
    typingSets: [],
    readMarks: [],
    listShows: [],
    reads: new Map(),
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
      if (email !== agent.email || password !== admin.password) return fail('unauthorized');
      client.signedIn = true;
      return ok(admin.me);
    },
    async logout() {
      client.signedIn = false;
      return ok(null);
    },
    async me() {
      return client.signedIn ? ok(admin.me) : fail('unauthorized');
    },
    async listConversations(state, limit) {
      if (!client.signedIn) return fail('unauthorized');
      const page = [...conversations.values()].filter((c) => c.state === state).slice(0, limit);
      const ownReads = Object.fromEntries(
        page.filter((c) => client.reads.has(c.id)).map((c) => [c.id, client.reads.get(c.id) ?? 0]),
      );
      return ok({ conversations: page, ownReads });
    },

    connect(h) {
      handlers = h;
      queueMicrotask(() => h.connected());
      const realtime: AgentRealtime = {
        async watch(id) {
          const conversation = conversations.get(id);
          if (!conversation) return fail('not_found');
          watched.add(id);
          return ok({ conversation, ...pageAfter(id, 0) });
        },
        async unwatch(id) {
          watched.delete(id);
          return ok(null);
        },
        async send(input) {
          client.sent.push(input);
          const code = client.failSends.shift();
          if (code) return fail(code);
          const conversation = conversations.get(input.conversationId);
          if (!conversation) return fail('not_found');
          const list = messages.get(input.conversationId) ?? [];
          const duplicate = list.find((m) => m.clientId === input.clientId);
          if (duplicate) return ok({ message: duplicate, duplicate: true });
          const kind = input.kind ?? 'text';
          // Notes are always allowed; replies only from the agent the conversation is assigned to.
          if (kind === 'text' && (conversation.state !== 'assigned' || conversation.agentId !== agent.id)) {
            return fail('invalid_state');
          }
          const message: Message = {
            id: `m-${input.clientId}`,
            conversationId: input.conversationId,
            seq: nextSeq(input.conversationId),
            clientId: input.clientId,
            author: 'agent',
            authorName: agent.name,
            kind,
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
          return ok({ conversation, ...pageAfter(id, afterSeq) });
        },
        take: async (id) => apply(id, { type: 'take', agentId: agent.id }),
        returnToBot: async (id) => apply(id, { type: 'return_to_bot' }),
        resolve: async (id) => apply(id, { type: 'resolve' }),
        // Issue 10 (presence): the status is kept as the server would and told back to this agent.
        async setPresence(input) {
          client.presenceSets.push(input);
          const presence = { agentId: agent.id, status: input.status };
          queueMicrotask(() => handlers?.presenceChanged?.(presence));
          return ok(presence);
        },
        // Issue 13: typing is recorded; read marks move forward only, capped, as on the server.
        async typing(input) {
          client.typingSets.push(input);
          return ok(null);
        },
        async showLists(showing) {
          client.listShows.push(showing);
          return ok(null);
        },
        async markRead(id, seq) {
          const conversation = conversations.get(id);
          if (!conversation) return fail('not_found');
          client.readMarks.push({ conversationId: id, seq });
          const stored = nextReadSeq(client.reads.get(id) ?? 0, seq, conversation.lastSeq);
          client.reads.set(id, stored);
          const position = {
            conversationId: id,
            reader: 'agent' as const,
            agentId: agent.id,
            seq: stored,
            readAt: stamp(),
          };
          return ok(position);
        },
        reconnect() {
          queueMicrotask(() => h.connected());
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
