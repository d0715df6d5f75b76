/** The bot's unanswered questions over HTTP: the groups, and taking messages off the list. */
import type { AckResult, AgentAnswer, UnansweredGroup } from '@frontdesk/shared';
import { API } from '@frontdesk/shared';
import { AgentAnswersReplySchema, parseWith, UnansweredReplySchema } from '@frontdesk/shared/responses';
import { type Http, nothing } from '../shared/http.ts';

export type UnansweredApi = {
  listUnanswered(siteId: string): Promise<AckResult<UnansweredGroup[]>>;
  /** `faqId`: the entry the questions were added to, if any. */
  dismissUnanswered(siteId: string, messageIds: string[], faqId: string | null): Promise<AckResult<null>>;
  /** Learned from agents: questions handed off, with the agent's reply. */
  listAgentAnswers(siteId: string): Promise<AckResult<AgentAnswer[]>>;
  dismissAgentAnswer(siteId: string, conversationId: string): Promise<AckResult<null>>;
};

const readGroups = parseWith(UnansweredReplySchema);
const readAgentAnswers = parseWith(AgentAnswersReplySchema);

export const createUnansweredApi = (http: Http): UnansweredApi => ({
  listUnanswered: (siteId) => http.get(API.unanswered(siteId), (body) => readGroups(body)?.groups),
  dismissUnanswered: (siteId, messageIds, faqId) =>
    http.send('POST', API.unansweredDismiss(siteId), faqId ? { messageIds, faqId } : { messageIds }, nothing),
  listAgentAnswers: (siteId) => http.get(API.agentAnswers(siteId), (body) => readAgentAnswers(body)?.answers),
  dismissAgentAnswer: (siteId, conversationId) =>
    http.send('POST', API.agentAnswersDismiss(siteId), { conversationId }, nothing),
});
