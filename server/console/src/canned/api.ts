/** Issue 14 over HTTP: a site's canned responses and the signed-in agent's attention preferences. */
import {
  type AckResult,
  API,
  type AttentionPrefs,
  type CannedInput,
  type CannedResponse,
} from '@frontdesk/shared';
import {
  AttentionReplySchema,
  CannedListReplySchema,
  CannedReplySchema,
} from '@frontdesk/shared/canned-replies';
import { parseWith } from '@frontdesk/shared/responses';
import { type Http, nothing } from '../shared/http.ts';

export type CannedApi = {
  listCanned(siteId: string): Promise<AckResult<CannedResponse[]>>;
  createCanned(siteId: string, input: CannedInput): Promise<AckResult<CannedResponse>>;
  updateCanned(siteId: string, id: string, input: CannedInput): Promise<AckResult<CannedResponse>>;
  deleteCanned(siteId: string, id: string): Promise<AckResult<null>>;
  getAttention(): Promise<AckResult<AttentionPrefs>>;
  saveAttention(prefs: AttentionPrefs): Promise<AckResult<AttentionPrefs>>;
};

const readList = parseWith(CannedListReplySchema);
const readOne = parseWith(CannedReplySchema);
const readAttention = parseWith(AttentionReplySchema);

export const createCannedApi = (http: Http): CannedApi => ({
  listCanned: (siteId) => http.get(API.cannedResponses(siteId), (body) => readList(body)?.responses),
  createCanned: (siteId, input) =>
    http.send('POST', API.cannedResponses(siteId), input, (body) => readOne(body)?.response),
  updateCanned: (siteId, id, input) =>
    http.send('PUT', API.cannedResponse(siteId, id), input, (body) => readOne(body)?.response),
  deleteCanned: (siteId, id) => http.send('DELETE', API.cannedResponse(siteId, id), undefined, nothing),
  getAttention: () => http.get(API.meAttention, (body) => readAttention(body)?.attention),
  saveAttention: (prefs) =>
    http.send('PUT', API.meAttention, prefs, (body) => readAttention(body)?.attention),
});
