/** Agent accounts as admins manage them (issue 9): list, add, change, reset a password, over HTTP. */
import type { AckResult, AgentAccount } from '@frontdesk/shared';
import { API } from '@frontdesk/shared';
import {
  AgentAccountReplySchema,
  AgentListReplySchema,
  PasswordReplySchema,
  parseWith,
} from '@frontdesk/shared/responses';
import type { AgentCreateInput, AgentPasswordResetInput, AgentPatchInput } from '@frontdesk/shared/schemas';
import type { Http } from '../shared/http.ts';

/** An account and, when the server generated one, its password: shown once, never again. */
export type AgentWithPassword = { agent: AgentAccount; password: string | null };

export type AgentsApi = {
  listAgents(): Promise<AckResult<AgentAccount[]>>;
  createAgent(input: AgentCreateInput): Promise<AckResult<AgentWithPassword>>;
  patchAgent(agentId: string, patch: AgentPatchInput): Promise<AckResult<AgentWithPassword>>;
  resetAgentPassword(
    agentId: string,
    input: AgentPasswordResetInput,
  ): Promise<AckResult<{ password: string | null }>>;
};

const readList = parseWith(AgentListReplySchema);
const readAccount = parseWith(AgentAccountReplySchema);
const readPassword = parseWith(PasswordReplySchema);

const accountOf = (body: unknown): AgentWithPassword | undefined => {
  const reply = readAccount(body);
  return reply && { agent: reply.agent, password: reply.password ?? null };
};

export const createAgentsApi = (http: Http): AgentsApi => ({
  listAgents: () => http.get(API.agents, (body) => readList(body)?.agents),
  createAgent: (input) => http.send('POST', API.agents, input, accountOf),
  patchAgent: (agentId, patch) => http.send('PATCH', API.agent(agentId), patch, accountOf),
  resetAgentPassword: (agentId, input) =>
    http.send('POST', API.agentPassword(agentId), input, (body) => {
      const reply = readPassword(body);
      return reply && { password: reply.password ?? null };
    }),
});
