import { describe, expect, it } from 'vitest';
import {
  afterResolution,
  type ConversationEvent,
  type ConversationState,
  isOpenState,
  transition,
} from './conversation-state.ts';

const handoff: ConversationEvent = { type: 'handoff', reason: 'visitor' };
const take: ConversationEvent = { type: 'take', agentId: 'a1' };

describe('transition', () => {
  it.each<[ConversationState, ConversationEvent, ConversationState, string]>([
    ['bot', handoff, 'queued', 'queued'],
    ['bot', take, 'assigned', 'assigned'],
    ['queued', take, 'assigned', 'assigned'],
    ['assigned', { type: 'return_to_bot' }, 'bot', 'returned_to_bot'],
    ['queued', { type: 'return_to_bot' }, 'bot', 'returned_to_bot'],
    ['bot', { type: 'resolve' }, 'resolved', 'resolved'],
    ['queued', { type: 'resolve' }, 'resolved', 'resolved'],
    ['assigned', { type: 'resolve' }, 'resolved', 'resolved'],
    ['resolved', { type: 'visitor_message' }, 'bot', 'reopened'],
    // Issue 10: abandonment and the visitor coming back.
    ['queued', { type: 'abandon' }, 'abandoned', 'abandoned'],
    ['abandoned', { type: 'visitor_back' }, 'queued', 'requeued'],
    ['abandoned', { type: 'visitor_message' }, 'queued', 'requeued'],
    ['abandoned', handoff, 'queued', 'requeued'],
    ['abandoned', take, 'assigned', 'assigned'],
    ['abandoned', { type: 'return_to_bot' }, 'bot', 'returned_to_bot'],
    ['abandoned', { type: 'resolve' }, 'resolved', 'resolved'],
  ])('%s + %o → %s', (from, event, to, name) => {
    expect(transition(from, event)).toEqual({ ok: true, changed: true, to, event: name });
  });

  it('a second take of an assigned conversation is a conflict', () => {
    expect(transition('assigned', take)).toEqual({ ok: false, code: 'conflict' });
  });

  it.each<[ConversationState, ConversationEvent]>([
    ['queued', handoff],
    ['assigned', handoff],
    ['resolved', { type: 'resolve' }],
    ['bot', { type: 'visitor_message' }],
    ['assigned', { type: 'visitor_message' }],
    ['abandoned', { type: 'abandon' }],
    ['queued', { type: 'visitor_back' }],
    ['bot', { type: 'visitor_back' }],
    ['assigned', { type: 'visitor_back' }],
  ])('%s + %o changes nothing', (from, event) => {
    expect(transition(from, event)).toEqual({ ok: true, changed: false, to: from });
  });

  it.each<[ConversationState, ConversationEvent]>([
    ['resolved', handoff],
    ['resolved', take],
    ['bot', { type: 'return_to_bot' }],
    ['resolved', { type: 'return_to_bot' }],
    ['bot', { type: 'abandon' }],
    ['assigned', { type: 'abandon' }],
    ['resolved', { type: 'abandon' }],
  ])('%s + %o is refused', (from, event) => {
    expect(transition(from, event)).toEqual({ ok: false, code: 'invalid_state' });
  });

  it('only resolved is closed (an abandoned conversation is resumed when the visitor returns)', () => {
    expect(
      ['bot', 'queued', 'assigned', 'resolved', 'abandoned'].map((s) => isOpenState(s as ConversationState)),
    ).toEqual([true, true, true, false, true]);
  });
});

describe('a message into a resolved conversation', () => {
  it('reopens it until it is rated, and starts a new one after', () => {
    expect(afterResolution(false)).toBe('reopen');
    expect(afterResolution(true)).toBe('start_new');
  });
});
