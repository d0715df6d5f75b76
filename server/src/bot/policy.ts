/**
 * The bot's handoff policy, pure: from the engine's decision and the conversation's counters to the
 * replies to post and whether to hand off. It never dead-ends: every miss offers a person, and N
 * misses in a row (site setting) hand off.
 */
import type { BotMatch, HandoffReason, Locale, MessageMeta, QuickReply } from '@frontdesk/shared';
import { SERVER_CATALOGS, type ServerKey } from '@frontdesk/shared/i18n';
import type { Decision } from './engine/index.ts';
import type { FaqRecord } from './store.ts';

export type PolicyInput = {
  decision: Decision;
  faqs: ReadonlyMap<string, FaqRecord>;
  misses: number;
  maxMisses: number;
  agentsOnline: number;
  /** Business hours (issue 10): outside them nobody counts as available. Absent = within. */
  withinHours?: boolean;
};

export type BotReply = { body: string; meta: MessageMeta };
export type PolicyOutcome = {
  replies: BotReply[];
  handoff: HandoffReason | null;
  misses: number;
  lang: Locale;
};

/** FAQ tags whose answers also offer a person straight away (complaints, damaged goods). */
export const PRIORITY_TAGS = new Set(['complaint', 'escalate']);

const text = (lang: Locale, key: ServerKey) => SERVER_CATALOGS[lang][key];
const handoffChip = (lang: Locale): QuickReply => ({ type: 'handoff', label: text(lang, 'talkToPerson') });

function describe(decision: Decision, faqs: PolicyInput['faqs']): BotMatch {
  const candidates = 'candidates' in decision ? decision.candidates.slice(0, 3) : [];
  const named = candidates.map((c) => ({ ...c, question: faqs.get(c.faqId)?.question ?? c.faqId }));
  switch (decision.type) {
    case 'intent':
      return { outcome: 'intent', intent: decision.intent, score: decision.score };
    case 'answer':
      return {
        outcome: 'answer',
        faqId: decision.faqId,
        question: faqs.get(decision.faqId)?.question ?? decision.faqId,
        score: decision.score,
        candidates: named,
      };
    case 'clarify':
      return { outcome: 'clarify', score: candidates[0]?.score ?? 0, candidates: named };
    case 'miss':
      return { outcome: 'miss', score: candidates[0]?.score ?? 0, candidates: named };
  }
}

function handoffReplies(lang: Locale, agentsOnline: number, bot: BotMatch, lead?: ServerKey): BotReply[] {
  const replies: BotReply[] = [];
  if (lead) replies.push({ body: text(lang, lead), meta: { bot } });
  replies.push({
    body: text(lang, agentsOnline > 0 ? 'botHandoff' : 'botHandoffOffline'),
    meta: lead ? {} : { bot },
  });
  return replies;
}

export function decide(input: PolicyInput): PolicyOutcome {
  const { decision, faqs } = input;
  const agentsOnline = input.withinHours === false ? 0 : input.agentsOnline;
  const lang = decision.lang;
  const bot = describe(decision, faqs);
  const missed = (misses: number): PolicyOutcome =>
    misses >= input.maxMisses
      ? {
          replies: handoffReplies(lang, agentsOnline, bot, 'botMissOfferPerson'),
          handoff: 'bot_misses',
          misses,
          lang,
        }
      : {
          replies: [{ body: text(lang, 'botMiss'), meta: { bot, quickReplies: [handoffChip(lang)] } }],
          handoff: null,
          misses,
          lang,
        };

  if (decision.escalation && decision.type !== 'answer') {
    return {
      replies: handoffReplies(lang, agentsOnline, bot),
      handoff: 'escalation',
      misses: input.misses,
      lang,
    };
  }

  switch (decision.type) {
    case 'intent':
      switch (decision.intent) {
        case 'human':
          return {
            replies: handoffReplies(lang, agentsOnline, bot),
            handoff: 'visitor',
            misses: input.misses,
            lang,
          };
        case 'not_helpful':
          return missed(input.misses + 1);
        case 'greeting':
          return {
            replies: [{ body: text(lang, 'botGreetingReply'), meta: { bot } }],
            handoff: null,
            misses: input.misses,
            lang,
          };
        case 'thanks':
          return {
            replies: [{ body: text(lang, 'botThanksReply'), meta: { bot } }],
            handoff: null,
            misses: input.misses,
            lang,
          };
        case 'goodbye':
          return {
            replies: [{ body: text(lang, 'botGoodbyeReply'), meta: { bot } }],
            handoff: null,
            misses: input.misses,
            lang,
          };
      }
      break;
    case 'answer': {
      const faq = faqs.get(decision.faqId);
      if (!faq) return missed(input.misses + 1);
      const priority = decision.escalation || faq.tags.some((tag) => PRIORITY_TAGS.has(tag));
      const meta: MessageMeta = {
        bot,
        faqId: faq.id,
        ...(priority && { quickReplies: [handoffChip(lang)] }),
      };
      return { replies: [{ body: faq.answer, meta }], handoff: null, misses: 0, lang };
    }
    case 'clarify': {
      const options: QuickReply[] = decision.candidates.slice(0, 3).flatMap((c) => {
        const faq = faqs.get(c.faqId);
        return faq ? [{ type: 'faq' as const, label: faq.question, faqId: faq.id }] : [];
      });
      // A near miss is still a miss for the "N in a row hand off" rule: suggestions never trap anyone.
      const misses = decision.near ? input.misses + 1 : input.misses;
      if (options.length === 0 || misses >= input.maxMisses) return missed(input.misses + 1);
      return {
        replies: [
          { body: text(lang, 'botClarify'), meta: { bot, quickReplies: [...options, handoffChip(lang)] } },
        ],
        handoff: null,
        misses,
        lang,
      };
    }
    case 'miss':
      return missed(input.misses + 1);
  }
  return missed(input.misses + 1);
}
