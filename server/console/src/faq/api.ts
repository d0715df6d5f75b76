/** FAQ authoring over HTTP: entries with their overlaps, saving and deleting one, "try a question". */
import type { AckResult, FaqEntry, FaqInput, FaqOverlap, Locale, TryResult } from '@frontdesk/shared';
import { API } from '@frontdesk/shared';
import { FaqListReplySchema, FaqReplySchema, parseWith, TryResultSchema } from '@frontdesk/shared/responses';
import { type Http, nothing } from '../shared/http.ts';

export type FaqList = { faqs: FaqEntry[]; overlaps: FaqOverlap[] };

export type FaqApi = {
  listFaqs(siteId: string): Promise<AckResult<FaqList>>;
  saveFaq(siteId: string, faqId: string, input: FaqInput): Promise<AckResult<FaqEntry>>;
  deleteFaq(siteId: string, faqId: string): Promise<AckResult<null>>;
  tryQuestion(siteId: string, text: string, lang: Locale | null): Promise<AckResult<TryResult>>;
};

const readFaq = parseWith(FaqReplySchema);

export const createFaqApi = (http: Http): FaqApi => ({
  listFaqs: (siteId) => http.get(API.faqs(siteId), parseWith(FaqListReplySchema)),
  saveFaq: (siteId, faqId, input) =>
    http.send('PUT', API.faq(siteId, faqId), input, (body) => readFaq(body)?.faq),
  deleteFaq: (siteId, faqId) => http.send('DELETE', API.faq(siteId, faqId), undefined, nothing),
  tryQuestion: (siteId, text, lang) =>
    http.send('POST', API.faqTry(siteId), lang ? { text, lang } : { text }, parseWith(TryResultSchema)),
});
