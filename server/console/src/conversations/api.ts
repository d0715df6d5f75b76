/** The conversation lists over HTTP (`GET conversations?state&limit`); timelines go over the socket. */
import type { AckResult, AgentConversation, ConversationState } from '@frontdesk/shared';
import { API } from '@frontdesk/shared';
import { ConversationListReplySchema, parseWith } from '@frontdesk/shared/responses';
import type { Http } from '../shared/http.ts';

/** One list page, with the agent's own read positions in it (issue 13: the unread counts). */
export type ConversationPage = { conversations: AgentConversation[]; ownReads: Record<string, number> };

export type ConversationsApi = {
  listConversations(state: ConversationState, limit: number): Promise<AckResult<ConversationPage>>;
};

const readList = parseWith(ConversationListReplySchema);

export const createConversationsApi = (http: Http): ConversationsApi => ({
  listConversations(state, limit) {
    const query = new URLSearchParams({ state, limit: String(limit) });
    return http.get(`${API.conversations}?${query}`, (body) => {
      const page = readList(body);
      return page && { conversations: page.conversations, ownReads: page.ownReads ?? {} };
    });
  },
});
