/** Catalog-backed labels of conversations: state, handoff reasons, system events, the bot's match, authors. */
import {
  type AgentConversation,
  type BotMatch,
  type HandoffReason,
  MAIL_NOT_CONFIGURED,
  type Message,
  type SystemEvent,
} from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import type { Translate } from '../app/i18n.ts';

const REASON_KEYS: Record<HandoffReason, ConsoleKey> = {
  visitor: 'reasonVisitor',
  bot_misses: 'reasonBotMisses',
  escalation: 'reasonEscalation',
  not_helpful: 'reasonNotHelpful',
};

export const reasonText = (reason: HandoffReason, t: Translate): string => t(REASON_KEYS[reason]);

export function stateText(c: AgentConversation, meId: string, t: Translate): string {
  switch (c.state) {
    case 'bot':
      return t('stateBot');
    case 'queued':
      return t('stateQueued');
    case 'assigned':
      return c.agentId === meId
        ? t('stateAssignedToYou')
        : t('stateAssignedTo', { name: c.agentName ?? t('authorAgent') });
    case 'resolved':
      return t('stateResolved');
    case 'abandoned':
      return t('stateAbandoned');
  }
}

export function eventText(event: SystemEvent, t: Translate): string {
  switch (event.name) {
    case 'queued':
      return event.reason
        ? t('eventQueuedReason', { reason: reasonText(event.reason, t) })
        : t('eventQueued');
    case 'assigned':
      return event.agentName ? t('eventAssigned', { name: event.agentName }) : t('eventAssignedNoName');
    case 'returned_to_bot':
      return t('eventReturned');
    case 'resolved':
      return event.agentName ? t('eventResolvedBy', { name: event.agentName }) : t('eventResolved');
    case 'reopened':
      return t('eventReopened');
    // Issue 10 (presence)
    case 'abandoned':
      return t('eventAbandoned');
    case 'requeued':
      return t('eventRequeued');
    // Issue 14 (routing).
    case 'transferred':
      return event.agentName
        ? t('eventTransferredAgent', { name: event.agentName })
        : t('eventTransferredTeam', { team: event.teamName ?? '' });
    case 'released':
      return t('eventReleased');
    // Issue 10.
    case 'offline_message':
      return t('offlineLeft', { reason: t(`offlineReason_${event.offlineReason ?? 'nobody_online'}`) });
    // E-mail as a channel (issue 10, mail):
    case 'mail_sent':
      return t('eventMailSent', { recipient: event.recipient ?? '' });
    case 'mail_failed':
      return event.error === MAIL_NOT_CONFIGURED
        ? t('eventMailUnconfigured', { recipient: event.recipient ?? '' })
        : t('eventMailFailed', { recipient: event.recipient ?? '', reason: event.error ?? '' });
  }
}

const score = (value: number) => value.toFixed(2);

/** The small annotation under a bot message: what it matched for the visitor message before it. */
export function botMatchText(match: BotMatch, t: Translate): string {
  switch (match.outcome) {
    case 'answer':
      return t('botMatched', { question: match.question ?? match.faqId ?? '?', score: score(match.score) });
    case 'clarify':
      return t('botClarify', {
        questions: (match.candidates ?? []).map((c) => `${c.question} (${score(c.score)})`).join(', '),
      });
    case 'miss':
      return t('botMiss', { score: score(match.score) });
    case 'intent':
      return t('botIntent', { intent: match.intent ?? '?' });
  }
}

const AUTHOR_KEYS: Record<Message['author'], ConsoleKey> = {
  visitor: 'authorVisitor',
  bot: 'authorBot',
  agent: 'authorAgent',
  system: 'authorSystem',
};

export const authorText = (author: Message['author'], t: Translate): string => t(AUTHOR_KEYS[author]);
