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
