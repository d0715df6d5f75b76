/** What the bot knows and what it missed: the storage ports of the `faqs` and `bot_misses` tables. */
import type { FaqEntry, Locale } from '@frontdesk/shared';

/** Stored FAQ entries have exactly the shape the API shows. */
export type FaqRecord = FaqEntry;

export type NewBotMiss = {
  siteId: string;
  messageId: string;
  conversationId: string;
  lang: Locale;
  text: string;
};

export type BotMiss = NewBotMiss & { createdAt: string; dismissedAt: string | null; faqId: string | null };

/** Issue 16: an agent's reply after a handoff, with the bot's best guess at the time. */
export type NewAgentAnswer = {
  siteId: string;
  conversationId: string;
  lang: Locale;
  question: string;
  answer: string;
  guessFaqId: string | null;
};
export type AgentAnswerRecord = NewAgentAnswer & { createdAt: string; dismissedAt: string | null };

export type AgentAnswersStore = {
  /** Records a conversation's agent answer; false (nothing changes) when it already has one. */
  recordAgentAnswer(answer: NewAgentAnswer): Promise<boolean>;
  /** True when the conversation already has an agent answer (open or dismissed). */
  hasAgentAnswer(siteId: string, conversationId: string): Promise<boolean>;
  /** Not dismissed yet, newest first. */
  listOpenAgentAnswers(siteId: string, limit: number): Promise<AgentAnswerRecord[]>;
  /** Dismisses one open answer of the site; false when there was none. */
  dismissAgentAnswer(siteId: string, conversationId: string): Promise<boolean>;
};

export type FaqStore = {
  listFaqs(siteId: string): Promise<FaqRecord[]>;
  upsertFaq(siteId: string, faq: Omit<FaqRecord, 'updatedAt'>): Promise<FaqRecord>;
  /** False when the site has no such entry. */
  deleteFaq(siteId: string, id: string): Promise<boolean>;
};

export type BotMissesStore = {
  /** Records a visitor message the bot missed; recording the same message again changes nothing. */
  recordBotMiss(miss: NewBotMiss): Promise<void>;
  /** Misses not dismissed yet, newest first. */
  listOpenBotMisses(siteId: string, limit: number): Promise<BotMiss[]>;
  /** Dismisses the site's open misses among `messageIds` (with the entry they became part of); returns how many. */
  dismissBotMisses(siteId: string, messageIds: readonly string[], faqId: string | null): Promise<number>;
};
