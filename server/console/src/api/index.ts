/** The console's REST client: login, logout, the current agent, conversation lists and details, FAQ authoring. */
import {
  type AckResult,
  type AgentConversation,
  type AgentProfile,
  API,
  type ConversationState,
  type Message,
} from '@frontdesk/shared';
import { createFaqApi, type FaqApi } from './faq.ts';
import { type FetchLike, isRecord, requestJson } from './http.ts';

export type { FaqApi, FaqList } from './faq.ts';

export type ConversationDetail = { conversation: AgentConversation; messages: Message[] };

export type ConsoleApi = FaqApi & {
  login(email: string, password: string): Promise<AckResult<AgentProfile>>;
  logout(): Promise<AckResult<null>>;
  me(): Promise<AckResult<AgentProfile>>;
  listConversations(state: ConversationState, limit: number): Promise<AckResult<AgentConversation[]>>;
  getConversation(id: string): Promise<AckResult<ConversationDetail>>;
};

const pickAgent = (body: unknown): AgentProfile | undefined =>
  isRecord(body) && isRecord(body.agent) && typeof body.agent.id === 'string'
    ? (body.agent as AgentProfile)
    : undefined;

const pickList = (body: unknown): AgentConversation[] | undefined =>
  isRecord(body) && Array.isArray(body.conversations)
    ? (body.conversations as AgentConversation[])
    : undefined;

const pickDetail = (body: unknown): ConversationDetail | undefined =>
  isRecord(body) && isRecord(body.conversation) && Array.isArray(body.messages)
    ? { conversation: body.conversation as AgentConversation, messages: body.messages as Message[] }
    : undefined;

export function createHttpApi(fetchImpl: FetchLike = (input, init) => fetch(input, init)): ConsoleApi {
  return {
    ...createFaqApi(fetchImpl),
    login: (email, password) =>
      requestJson(fetchImpl, API.login, pickAgent, { method: 'POST', body: { email, password } }),
    logout: () => requestJson(fetchImpl, API.logout, () => null, { method: 'POST' }),
    me: () => requestJson(fetchImpl, API.me, pickAgent),
    listConversations: (state, limit) => {
      const query = new URLSearchParams({ state, limit: String(limit) });
      return requestJson(fetchImpl, `${API.conversations}?${query}`, pickList);
    },
    getConversation: (id) => requestJson(fetchImpl, API.conversation(id), pickDetail),
  };
}
