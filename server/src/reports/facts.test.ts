import { describe, expect, it } from 'vitest';
import { conversationFacts, messageFact } from './facts.ts';

describe('report facts of a conversation (issue 15)', () => {
  it('any bot message is an answer; an agent text or file is a reply; notes and events are not', () => {
    expect(messageFact('bot', 'text')).toBe('bot');
    expect(messageFact('bot', 'event')).toBe('bot');
    expect(messageFact('agent', 'text')).toBe('agentReply');
    expect(messageFact('agent', 'attachment')).toBe('agentReply');
    expect(messageFact('agent', 'note')).toBeNull();
    expect(messageFact('agent', 'event')).toBeNull();
    expect(messageFact('visitor', 'text')).toBeNull();
    expect(messageFact('system', 'event')).toBeNull();
  });

  it('keeps the earliest of each, whatever the order the messages come in', () => {
    expect(
      conversationFacts([
        { author: 'visitor', kind: 'text', at: '2026-01-05T08:00:00.000Z' },
        { author: 'agent', kind: 'note', at: '2026-01-05T08:01:00.000Z' },
        { author: 'agent', kind: 'text', at: '2026-01-05T08:03:00.000Z' },
        { author: 'bot', kind: 'text', at: '2026-01-05T08:00:02.000Z' },
        { author: 'agent', kind: 'attachment', at: '2026-01-05T08:02:00.000Z' },
        { author: 'bot', kind: 'text', at: '2026-01-05T08:00:01.000Z' },
      ]),
    ).toEqual({ firstBotAt: '2026-01-05T08:00:01.000Z', firstAgentReplyAt: '2026-01-05T08:02:00.000Z' });
    expect(conversationFacts([{ author: 'visitor', kind: 'text', at: '2026-01-05T08:00:00.000Z' }])).toEqual({
      firstBotAt: null,
      firstAgentReplyAt: null,
    });
  });
});
