/** The signed-in agent's own profile (issue 9): name, avatar colour and image, password, over HTTP. */
import type { AckResult, AgentProfile } from '@frontdesk/shared';
import { API } from '@frontdesk/shared';
import { AgentReplySchema, parseWith } from '@frontdesk/shared/responses';
import type { PasswordChangeInput, ProfilePatchInput } from '@frontdesk/shared/schemas';
import { type Http, nothing } from '../shared/http.ts';

export type ProfileApi = {
  updateProfile(patch: ProfilePatchInput): Promise<AckResult<AgentProfile>>;
  changePassword(input: PasswordChangeInput): Promise<AckResult<null>>;
  uploadAvatar(file: Blob): Promise<AckResult<AgentProfile>>;
  deleteAvatar(): Promise<AckResult<AgentProfile>>;
};

const readAgent = parseWith(AgentReplySchema);
const agentOf = (body: unknown) => readAgent(body)?.agent;

export const createProfileApi = (http: Http): ProfileApi => ({
  updateProfile: (patch) => http.send('PATCH', API.me, patch, agentOf),
  changePassword: (input) => http.send('POST', API.mePassword, input, nothing),
  uploadAvatar: (file) => http.upload('PUT', API.meAvatar, file, agentOf),
  deleteAvatar: () => http.send('DELETE', API.meAvatar, undefined, agentOf),
});
