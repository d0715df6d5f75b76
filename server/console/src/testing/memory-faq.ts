/**
 * The FAQ half of the in-memory client (tests only): entries, overlaps, unanswered groups and settings per
 * site, a naive word-overlap "try", admin-only mutations (403 `forbidden`) and a record of every call.
 */
import type {
  AckResult,
  AgentAnswer,
  AgentProfile,
  BotSettings,
  ErrorCode,
  FaqEntry,
  FaqInput,
  FaqOverlap,
  Locale,
  TryResult,
  UnansweredGroup,
} from '@frontdesk/shared';
import type { FaqApi } from '../faq/api.ts';
import type { SettingsApi } from '../settings/api.ts';
import type { UnansweredApi } from '../unanswered/api.ts';

export type FaqSeed = {
  faqs?: FaqEntry[];
  overlaps?: FaqOverlap[];
  groups?: UnansweredGroup[];
  agentAnswers?: AgentAnswer[];
  settings?: BotSettings;
  /** Replaces the naive matcher of `tryQuestion`. */
  tryResult?: (text: string, lang: Locale | null) => TryResult;
};

export type MemoryFaqApi = FaqApi &
  UnansweredApi &
  SettingsApi & {
    faqs: Map<string, FaqEntry>;
    overlaps: FaqOverlap[];
    groups: UnansweredGroup[];
    agentAnswers: AgentAnswer[];
    dismissedAnswers: string[];
    settings: BotSettings;
    saved: { siteId: string; faqId: string; input: FaqInput }[];
    deleted: { siteId: string; faqId: string }[];
    tried: { text: string; lang: Locale | null }[];
    dismissed: { siteId: string; messageIds: string[]; faqId: string | null }[];
    savedSettings: BotSettings[];
  };

const fail = <T>(code: ErrorCode): AckResult<T> => ({ ok: false, error: { code, message: code } });
const ok = <T>(data: T): AckResult<T> => ({ ok: true, data });

export const DEFAULT_SETTINGS: BotSettings = {
  botMissesBeforeHandoff: 2,
  escalationPhrases: [],
  answerThreshold: null,
};

export function faqEntry(id: string, patch: Partial<FaqEntry> = {}): FaqEntry {
  return {
    id,
    lang: 'en',
    question: `Question ${id}`,
    examples: [],
    answer: `Answer for **${id}**`,
    tags: [],
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...patch,
  };
}

const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);

function naiveTry(entries: readonly FaqEntry[], text: string, lang: Locale | null): TryResult {
  const asked = words(text);
  const matches = entries
    .filter((e) => !lang || e.lang === lang)
    .map((e) => {
      const own = words([e.question, ...e.examples].join(' '));
      const shared = [...asked].filter((w) => own.has(w)).length;
      return { faqId: e.id, question: e.question, score: asked.size ? shared / asked.size : 0 };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  const top = matches[0];
  return {
    outcome: top && top.score >= 0.5 ? 'answer' : 'miss',
    intent: null,
    lang: lang ?? (top ? (entries.find((e) => e.id === top.faqId)?.lang ?? 'en') : 'en'),
    matches,
  };
}

export function createMemoryFaqApi(agent: AgentProfile, seed: FaqSeed = {}): MemoryFaqApi {
  const member = (siteId: string) => agent.sites.some((s) => s.id === siteId);
  const admin = agent.role === 'admin';
  /** The same checks as the server: unknown site → not_found, then mutations for admins only. */
  const guard = (siteId: string, mutation: boolean): ErrorCode | null =>
    !member(siteId) ? 'not_found' : mutation && !admin ? 'forbidden' : null;

  const api: MemoryFaqApi = {
    faqs: new Map((seed.faqs ?? []).map((e) => [e.id, e])),
    overlaps: [...(seed.overlaps ?? [])],
    groups: [...(seed.groups ?? [])],
    agentAnswers: [...(seed.agentAnswers ?? [])],
    dismissedAnswers: [],
    settings: seed.settings ?? DEFAULT_SETTINGS,
    saved: [],
    deleted: [],
    tried: [],
    dismissed: [],
    savedSettings: [],

    async listFaqs(siteId) {
      const code = guard(siteId, false);
      if (code) return fail(code);
      return ok({ faqs: [...api.faqs.values()], overlaps: api.overlaps });
    },
    async saveFaq(siteId, faqId, input) {
      api.saved.push({ siteId, faqId, input });
      const code = guard(siteId, true);
      if (code) return fail(code);
      const entry: FaqEntry = { id: faqId, ...input, updatedAt: new Date().toISOString() };
      api.faqs.set(faqId, entry);
      return ok(entry);
    },
    async deleteFaq(siteId, faqId) {
      api.deleted.push({ siteId, faqId });
      const code = guard(siteId, true) ?? (api.faqs.has(faqId) ? null : 'not_found');
      if (code) return fail(code);
      api.faqs.delete(faqId);
      api.overlaps = api.overlaps.filter((o) => o.faqId !== faqId && o.matchedFaqId !== faqId);
      return ok(null);
    },
    async tryQuestion(siteId, text, lang) {
      api.tried.push({ text, lang });
      const code = guard(siteId, false);
      if (code) return fail(code);
      return ok(seed.tryResult ? seed.tryResult(text, lang) : naiveTry([...api.faqs.values()], text, lang));
    },
    async listUnanswered(siteId) {
      const code = guard(siteId, false);
      if (code) return fail(code);
      return ok(api.groups);
    },
    async dismissUnanswered(siteId, messageIds, faqId) {
      api.dismissed.push({ siteId, messageIds, faqId });
      const code = guard(siteId, true);
      if (code) return fail(code);
      const gone = new Set(messageIds);
      api.groups = api.groups
        .map((g) => ({ ...g, items: g.items.filter((i) => !gone.has(i.messageId)) }))
        .map((g) => ({ ...g, count: g.items.length }))
        .filter((g) => g.count > 0);
      return ok(null);
    },
    async listAgentAnswers(siteId) {
      const code = guard(siteId, false);
      if (code) return fail(code);
      return ok(api.agentAnswers);
    },
    async dismissAgentAnswer(siteId, conversationId) {
      api.dismissedAnswers.push(conversationId);
      const code =
        guard(siteId, true) ??
        (api.agentAnswers.some((a) => a.conversationId === conversationId) ? null : 'not_found');
      if (code) return fail(code);
      api.agentAnswers = api.agentAnswers.filter((a) => a.conversationId !== conversationId);
      return ok(null);
    },
    async getBotSettings(siteId) {
      const code = guard(siteId, false);
      if (code) return fail(code);
      return ok(api.settings);
    },
    async saveBotSettings(siteId, settings) {
      api.savedSettings.push(settings);
      const code = guard(siteId, true);
      if (code) return fail(code);
      api.settings = settings;
      return ok(settings);
    },
  };
  return api;
}
