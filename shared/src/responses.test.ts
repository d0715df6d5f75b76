import type { InferOutput } from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SystemEventName } from './conversation-state.ts';
import type { SendResult, SyncResult } from './events.ts';
import type { BotSettings, FaqEntry, FaqOverlap, TryResult, UnansweredGroup } from './faq.ts';
import {
  type AgentConversationSchema,
  type AgentProfileSchema,
  type AgentSyncResultSchema,
  type AUTHORS,
  type BotSettingsReplySchema,
  ConversationListReplySchema,
  type FaqEntrySchema,
  FaqListReplySchema,
  type FaqOverlapSchema,
  type MESSAGE_KINDS,
  MessageSchema,
  OkReplySchema,
  parseWith,
  type SendResultSchema,
  type SYSTEM_EVENT_NAMES,
  type TryResultSchema,
  type UnansweredGroupSchema,
} from './responses.ts';
import type { AgentConversation, AgentProfile, Author, Message, MessageKind } from './types.ts';

describe('response schemas', () => {
  it('describe exactly the protocol types (a drift fails the type check)', () => {
    expectTypeOf<InferOutput<typeof MessageSchema>>().toEqualTypeOf<Message>();
    expectTypeOf<InferOutput<typeof AgentConversationSchema>>().toEqualTypeOf<AgentConversation>();
    expectTypeOf<InferOutput<typeof AgentProfileSchema>>().toEqualTypeOf<AgentProfile>();
    expectTypeOf<InferOutput<typeof FaqEntrySchema>>().toEqualTypeOf<FaqEntry>();
    expectTypeOf<InferOutput<typeof FaqOverlapSchema>>().toEqualTypeOf<FaqOverlap>();
    expectTypeOf<InferOutput<typeof TryResultSchema>>().toEqualTypeOf<TryResult>();
    expectTypeOf<InferOutput<typeof UnansweredGroupSchema>>().toEqualTypeOf<UnansweredGroup>();
    expectTypeOf<InferOutput<typeof BotSettingsReplySchema>>().toEqualTypeOf<BotSettings>();
    expectTypeOf<InferOutput<typeof SendResultSchema>>().toEqualTypeOf<SendResult>();
    expectTypeOf<InferOutput<typeof AgentSyncResultSchema>>().toEqualTypeOf<SyncResult<AgentConversation>>();
    expectTypeOf<(typeof SYSTEM_EVENT_NAMES)[number]>().toEqualTypeOf<SystemEventName>();
    expectTypeOf<(typeof AUTHORS)[number]>().toEqualTypeOf<Author>();
    expectTypeOf<(typeof MESSAGE_KINDS)[number]>().toEqualTypeOf<MessageKind>();
  });

  const message: Message = {
    id: 'm1',
    conversationId: 'c1',
    seq: 1,
    clientId: 'client-123',
    author: 'bot',
    authorName: null,
    kind: 'text',
    body: 'We ship in **2 days**.',
    meta: {
      quickReplies: [{ type: 'handoff', label: 'Talk to a person' }],
      bot: { outcome: 'answer', faqId: 'shipping', score: 0.9, candidates: [] },
      faqId: 'shipping',
    },
    createdAt: '2025-01-01T00:00:00.000Z',
  };

  it('read a well-formed reply as it is', () => {
    expect(parseWith(MessageSchema)(message)).toEqual(message);
    expect(parseWith(OkReplySchema)({ ok: true })).toEqual({ ok: true });
    expect(parseWith(ConversationListReplySchema)({ conversations: [] })).toEqual({ conversations: [] });
  });

  it('drop keys they do not know, so a newer server does not break an older client', () => {
    expect(parseWith(MessageSchema)({ ...message, reactions: ['+1'] })).toEqual(message);
  });

  it('refuse a reply of another shape', () => {
    const parse = parseWith(MessageSchema);
    expect(parse({ ...message, seq: '1' })).toBeUndefined();
    expect(parse({ ...message, seq: -1 })).toBeUndefined();
    expect(parse({ ...message, author: 'admin' })).toBeUndefined();
    expect(parse({ ...message, meta: { quickReplies: [{ type: 'faq', label: 'x' }] } })).toBeUndefined();
    expect(parse([message])).toBeUndefined();
    expect(parse(null)).toBeUndefined();
    expect(parseWith(FaqListReplySchema)({ faqs: [{ id: 'a' }], overlaps: [] })).toBeUndefined();
    expect(parseWith(OkReplySchema)({ ok: false })).toBeUndefined();
  });
});
