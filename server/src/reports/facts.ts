/**
 * Reports (issue 15): the facts a report needs from a conversation's messages, kept on the
 * conversation itself (`first_bot_at`, `first_agent_reply_at`) so no report reads the messages table.
 * Written with every message (`bumpSeq`), by the bulk loaders, and backfilled by `0071_report_facts`.
 */

/** What one message tells the report: the bot answered, an agent replied (text or file), or nothing. */
export type MessageFact = 'bot' | 'agentReply' | null;

/** Private notes and events are not replies; any bot message is an answer. */
export const messageFact = (author: string, kind: string): MessageFact =>
  author === 'bot'
    ? 'bot'
    : author === 'agent' && (kind === 'text' || kind === 'attachment')
      ? 'agentReply'
      : null;

export type ConversationFacts = { firstBotAt: string | null; firstAgentReplyAt: string | null };

const earliest = (a: string | null, b: string) => (a === null || b < a ? b : a);

/** The earliest bot message and agent reply of a conversation's messages (ISO-8601 UTC instants). */
export function conversationFacts(
  messages: readonly { author: string; kind: string; at: string }[],
): ConversationFacts {
  let firstBotAt: string | null = null;
  let firstAgentReplyAt: string | null = null;
  for (const m of messages) {
    const fact = messageFact(m.author, m.kind);
    if (fact === 'bot') firstBotAt = earliest(firstBotAt, m.at);
    else if (fact === 'agentReply') firstAgentReplyAt = earliest(firstAgentReplyAt, m.at);
  }
  return { firstBotAt, firstAgentReplyAt };
}
