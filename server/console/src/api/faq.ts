/** The FAQ authoring REST calls: entries and overlaps, "try a question", unanswered groups, bot settings. */
import {
  type AckResult,
  API,
  type BotSettings,
  type FaqEntry,
  type FaqInput,
  type FaqOverlap,
  type Locale,
  type TryResult,
  type UnansweredGroup,
} from '@frontdesk/shared';
import { type FetchLike, isRecord, requestJson } from './http.ts';

export type FaqList = { faqs: FaqEntry[]; overlaps: FaqOverlap[] };

export type FaqApi = {
  listFaqs(siteId: string): Promise<AckResult<FaqList>>;
  saveFaq(siteId: string, faqId: string, input: FaqInput): Promise<AckResult<FaqEntry>>;
  deleteFaq(siteId: string, faqId: string): Promise<AckResult<null>>;
  tryQuestion(siteId: string, text: string, lang: Locale | null): Promise<AckResult<TryResult>>;
  listUnanswered(siteId: string): Promise<AckResult<UnansweredGroup[]>>;
  dismissUnanswered(siteId: string, messageIds: string[], faqId: string | null): Promise<AckResult<null>>;
  getBotSettings(siteId: string): Promise<AckResult<BotSettings>>;
  saveBotSettings(siteId: string, settings: BotSettings): Promise<AckResult<BotSettings>>;
};

const pickFaqList = (body: unknown): FaqList | undefined =>
  isRecord(body) && Array.isArray(body.faqs)
    ? {
        faqs: body.faqs as FaqEntry[],
        overlaps: Array.isArray(body.overlaps) ? (body.overlaps as FaqOverlap[]) : [],
      }
    : undefined;

const pickFaq = (body: unknown): FaqEntry | undefined =>
  isRecord(body) && isRecord(body.faq) && typeof body.faq.id === 'string'
    ? (body.faq as FaqEntry)
    : undefined;

const pickOk = (body: unknown): null | undefined => (isRecord(body) && body.ok === true ? null : undefined);

const pickTry = (body: unknown): TryResult | undefined =>
  isRecord(body) && typeof body.outcome === 'string' && Array.isArray(body.matches)
    ? (body as TryResult)
    : undefined;

const pickGroups = (body: unknown): UnansweredGroup[] | undefined =>
  isRecord(body) && Array.isArray(body.groups) ? (body.groups as UnansweredGroup[]) : undefined;

const pickSettings = (body: unknown): BotSettings | undefined =>
  isRecord(body) && typeof body.botMissesBeforeHandoff === 'number' && Array.isArray(body.escalationPhrases)
    ? (body as BotSettings)
    : undefined;

export function createFaqApi(fetchImpl: FetchLike): FaqApi {
  return {
    listFaqs: (siteId) => requestJson(fetchImpl, API.faqs(siteId), pickFaqList),
    saveFaq: (siteId, faqId, input) =>
      requestJson(fetchImpl, API.faq(siteId, faqId), pickFaq, { method: 'PUT', body: input }),
    deleteFaq: (siteId, faqId) =>
      requestJson(fetchImpl, API.faq(siteId, faqId), pickOk, { method: 'DELETE' }),
    tryQuestion: (siteId, text, lang) =>
      requestJson(fetchImpl, API.faqTry(siteId), pickTry, {
        method: 'POST',
        body: lang ? { text, lang } : { text },
      }),
    listUnanswered: (siteId) => requestJson(fetchImpl, API.unanswered(siteId), pickGroups),
    dismissUnanswered: (siteId, messageIds, faqId) =>
      requestJson(fetchImpl, API.unansweredDismiss(siteId), pickOk, {
        method: 'POST',
        body: faqId ? { messageIds, faqId } : { messageIds },
      }),
    getBotSettings: (siteId) => requestJson(fetchImpl, API.botSettings(siteId), pickSettings),
    saveBotSettings: (siteId, settings) =>
      requestJson(fetchImpl, API.botSettings(siteId), pickSettings, { method: 'PUT', body: settings }),
  };
}
