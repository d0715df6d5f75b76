/**
 * The conversation state machine: `bot → queued → assigned → resolved`, return to bot and reopen;
 * a queued conversation whose visitor has gone is `abandoned` and goes back to `queued` when they return.
 * A pure function of (state, event); storage applies the result atomically, guarded by `version`.
 */
export const CONVERSATION_STATES = ['bot', 'queued', 'assigned', 'resolved', 'abandoned'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

export const HANDOFF_REASONS = ['visitor', 'bot_misses', 'escalation', 'not_helpful'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

export type ConversationEvent =
  | { type: 'handoff'; reason: HandoffReason }
  | { type: 'take'; agentId: string }
  | { type: 'return_to_bot' }
  | { type: 'resolve' }
  | { type: 'visitor_message' }
  /** Issue 10 (presence): the visitor left the queue (no socket, no activity for the site's setting). */
  | { type: 'abandon' }
  /** Issue 10 (presence): the visitor came back (a socket opened their conversation). */
  | { type: 'visitor_back' }
  /** Issue 14 (routing): the agent went offline past the site's grace; back to the queue. */
  | { type: 'release' };

/** What is written to the timeline as a system event when a transition happens. */
export type SystemEventName =
  | 'queued'
  | 'assigned'
  | 'returned_to_bot'
  | 'resolved'
  | 'reopened'
  | 'abandoned'
  | 'requeued'
  /** Issue 10: the visitor left a message for the team (no transition of its own). */
  | 'offline_message'
  // E-mail as a channel (issue 10, mail): the outcome of an outgoing mail, shown to agents only.
  | 'mail_sent'
  | 'mail_failed'
  /** Issue 14 (routing): handed to another agent (`agentName`) or to a team (`teamName`). */
  | 'transferred'
  /** Issue 14: the agent went offline; the conversation is back in the queue. */
  | 'released';

export type Transition =
  | { ok: true; changed: true; to: ConversationState; event: SystemEventName }
  | { ok: true; changed: false; to: ConversationState }
  | { ok: false; code: 'invalid_state' | 'conflict' };

const move = (to: ConversationState, event: SystemEventName): Transition => ({
  ok: true,
  changed: true,
  to,
  event,
});
const stay = (to: ConversationState): Transition => ({ ok: true, changed: false, to });

export function transition(state: ConversationState, event: ConversationEvent): Transition {
  switch (event.type) {
    case 'handoff':
      if (state === 'bot') return move('queued', 'queued');
      if (state === 'abandoned') return move('queued', 'requeued');
      // Asking twice, or while a person already helps, changes nothing.
      if (state === 'queued' || state === 'assigned') return stay(state);
      return { ok: false, code: 'invalid_state' };
    case 'take':
      if (state === 'bot' || state === 'queued' || state === 'abandoned') return move('assigned', 'assigned');
      if (state === 'assigned') return { ok: false, code: 'conflict' };
      return { ok: false, code: 'invalid_state' };
    case 'return_to_bot':
      if (state === 'assigned' || state === 'queued' || state === 'abandoned')
        return move('bot', 'returned_to_bot');
      return { ok: false, code: 'invalid_state' };
    case 'resolve':
      if (state === 'resolved') return stay(state);
      return move('resolved', 'resolved');
    case 'visitor_message':
      if (state === 'resolved') return move('bot', 'reopened');
      if (state === 'abandoned') return move('queued', 'requeued');
      return stay(state);
    case 'abandon':
      if (state === 'queued') return move('abandoned', 'abandoned');
      if (state === 'abandoned') return stay(state);
      return { ok: false, code: 'invalid_state' };
    case 'visitor_back':
      if (state === 'abandoned') return move('queued', 'requeued');
      return stay(state);
    case 'release':
      if (state === 'assigned') return move('queued', 'released');
      return { ok: false, code: 'invalid_state' };
  }
}

/** States in which the visitor's conversation is still open (the widget resumes it). */
export const isOpenState = (state: ConversationState): boolean => state !== 'resolved';

/**
 * What a visitor's message does to a resolved conversation — one rule, shown in the composer:
 * until the visitor has rated it, the message reopens it (a follow-up keeps its context); once it
 * is rated, the conversation is closed for good and the message starts a new one.
 */
export type AfterResolution = 'reopen' | 'start_new';

export const afterResolution = (rated: boolean): AfterResolution => (rated ? 'start_new' : 'reopen');
