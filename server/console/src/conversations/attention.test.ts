/** Issue 14: "should this notify" as a pure function, the signals per preference, the title count. */
import { type AgentConversation, DEFAULT_ATTENTION } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { conversation } from '../testing/fixtures.ts';
import { attentionFor, signalsFor, titleCount } from './attention.ts';

const ME = 'agent-1';
const base = conversation('c1', { state: 'assigned', agentId: ME, lastSeq: 3 });
const withMessage = (
  c: AgentConversation,
  author: 'visitor' | 'agent' | 'system' | 'bot',
): AgentConversation => ({
  ...c,
  lastSeq: c.lastSeq + 1,
  lastMessage: { author, body: 'hi', createdAt: '2026-01-01T00:00:00.000Z' },
});
const ctx = (over: Partial<Parameters<typeof attentionFor>[2]> = {}) => ({
  meId: ME,
  lookingAt: null,
  taking: new Set<string>(),
  ...over,
});

describe('attentionFor', () => {
  it('a new visitor message in my own conversation: message', () => {
    expect(attentionFor(base, withMessage(base, 'visitor'), ctx())).toBe('message');
  });

  it('not for my own reply, a system line, a bot line, or an update without a new message', () => {
    expect(attentionFor(base, withMessage(base, 'agent'), ctx())).toBeNull();
    expect(attentionFor(base, withMessage(base, 'system'), ctx())).toBeNull();
    expect(attentionFor(base, { ...base, updatedAt: 'later' }, ctx())).toBeNull();
  });

  it("not for other agents' conversations, waiting ones or the bot's", () => {
    const others = { ...base, agentId: 'agent-2' };
    expect(attentionFor(others, withMessage(others, 'visitor'), ctx())).toBeNull();
    const queued = { ...base, state: 'queued' as const, agentId: null };
    expect(attentionFor(queued, withMessage(queued, 'visitor'), ctx())).toBeNull();
  });

  it('a conversation assigned to me by someone else (or by routing): assigned; my own take: nothing', () => {
    const queued = { ...base, state: 'queued' as const, agentId: null };
    expect(attentionFor(queued, base, ctx())).toBe('assigned');
    expect(attentionFor(undefined, base, ctx())).toBe('assigned');
    expect(attentionFor({ ...base, agentId: 'agent-2' }, base, ctx())).toBe('assigned');
    expect(attentionFor(queued, base, ctx({ taking: new Set(['c1']) }))).toBeNull();
  });

  it('nothing for the conversation I am looking at, in a visible focused tab', () => {
    expect(attentionFor(base, withMessage(base, 'visitor'), ctx({ lookingAt: 'c1' }))).toBeNull();
    expect(attentionFor(undefined, base, ctx({ lookingAt: 'c1' }))).toBeNull();
    // Looking at another one does not silence this one.
    expect(attentionFor(base, withMessage(base, 'visitor'), ctx({ lookingAt: 'c2' }))).toBe('message');
  });
});

describe('signalsFor and titleCount', () => {
  it('each signal follows its own switch', () => {
    expect(signalsFor('message', DEFAULT_ATTENTION)).toEqual({ sound: true, desktop: true });
    expect(signalsFor('assigned', { sound: false, desktop: true, title: true })).toEqual({
      sound: false,
      desktop: true,
    });
    expect(signalsFor('message', { sound: true, desktop: false, title: false })).toEqual({
      sound: true,
      desktop: false,
    });
    expect(signalsFor(null, DEFAULT_ATTENTION)).toEqual({ sound: false, desktop: false });
  });

  it('the title counts waiting visitors, plus my unread messages when the title switch is on', () => {
    expect(titleCount(2, 5, DEFAULT_ATTENTION)).toBe(7);
    expect(titleCount(2, 5, { ...DEFAULT_ATTENTION, title: false })).toBe(2);
    expect(titleCount(0, 0, DEFAULT_ATTENTION)).toBe(0);
  });
});
