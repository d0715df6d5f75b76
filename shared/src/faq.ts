/** FAQ authoring and the bot improvement loop: entries, "try a question", overlaps, unanswered questions, bot settings. */
import type { Locale } from './i18n/locale.ts';

export type FaqEntry = {
  id: string;
  lang: Locale;
  question: string;
  examples: string[];
  /** Markdown. */
  answer: string;
  tags: string[];
  updatedAt: string;
};

/** Body of PUT `API.faq(siteId, faqId)`: create or replace. */
export type FaqInput = { lang: Locale; question: string; examples: string[]; answer: string; tags: string[] };

/** score = calibrated confidence 0..1 that this entry answers the text. */
export type FaqMatch = { faqId: string; question: string; score: number };

/** What the bot would do with a text, and its top 5 matches. */
export type TryResult = {
  outcome: 'answer' | 'clarify' | 'miss' | 'intent';
  intent: string | null;
  lang: Locale;
  matches: FaqMatch[];
};

/** An example of `faqId` that matches another entry better than its own. */
export type FaqOverlap = {
  faqId: string;
  example: string;
  matchedFaqId: string;
  matchedScore: number;
  ownScore: number;
};

export type UnansweredItem = { messageId: string; conversationId: string; text: string; createdAt: string };

/** Visitor messages the bot missed, grouped by similarity; `suggestions` = the entries closest to `sample`. */
export type UnansweredGroup = {
  key: string;
  lang: Locale;
  count: number;
  sample: string;
  items: UnansweredItem[];
  suggestions: FaqMatch[];
};

/**
 * Learned from agents: after a handoff, the visitor's question and the agent's first substantive reply,
 * offered under "Unanswered" as an example of the bot's best guess or a new entry (`guess` null: no entry
 * came close). One per conversation.
 */
export type AgentAnswer = {
  conversationId: string;
  lang: Locale;
  question: string;
  answer: string;
  createdAt: string;
  guess: FaqMatch | null;
};

/** The site's handoff policy. answerThreshold null = the engine's default. */
export type BotSettings = {
  botMissesBeforeHandoff: number;
  escalationPhrases: string[];
  answerThreshold: number | null;
};
