/** Signing in and out, and who is signed in (`GET me`, the session cookie). */
import type { AckResult, AgentProfile } from '@frontdesk/shared';
import { API } from '@frontdesk/shared';
import { AgentReplySchema, parseWith } from '@frontdesk/shared/responses';
import { type Http, nothing } from '../shared/http.ts';

export type AuthApi = {
  login(email: string, password: string): Promise<AckResult<AgentProfile>>;
  logout(): Promise<AckResult<null>>;
  me(): Promise<AckResult<AgentProfile>>;
};

const readAgent = parseWith(AgentReplySchema);
const agentOf = (body: unknown) => readAgent(body)?.agent;

export const createAuthApi = (http: Http): AuthApi => ({
  login: (email, password) => http.send('POST', API.login, { email, password }, agentOf),
  logout: () => http.send('POST', API.logout, undefined, nothing),
  me: () => http.get(API.me, agentOf),
});
