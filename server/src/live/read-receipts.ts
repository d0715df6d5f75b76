/**
 * Issue 13: read receipts. A participant reports the highest `seq` they have had on screen; the
 * position is stored only forward and never past the conversation's last `seq` (`nextReadSeq`), and
 * a position that moved goes to the reader's other tabs and to the other side.
 */
import {
  type Message,
  nextReadSeq,
  type Participant,
  type ReadPosition,
  type ReadSummary,
  summarizeReads,
} from '@frontdesk/shared';
import type { ReadMarkInput } from '@frontdesk/shared/schemas';
import type { ConversationAccess } from '../conversations/access.ts';
import type { WriterReadMark } from '../conversations/store.ts';
import type { AgentContext, VisitorContext } from '../identity/context.ts';
import type { LiveBroadcaster, LiveTarget } from './ports.ts';
import type { ReadsStore } from './store.ts';

export type ReadReceiptsDeps = {
  store: ReadsStore;
  access: ConversationAccess;
  live: LiveBroadcaster;
  clock: () => Date;
};

export class ReadReceipts {
  constructor(private readonly deps: ReadReceiptsDeps) {}

  async byVisitor(ctx: VisitorContext, input: ReadMarkInput): Promise<ReadPosition> {
    const conversation = await this.deps.access.ofVisitor(ctx, input.conversationId);
    return this.mark(conversation, conversation.lastSeq, 'visitor', null, input.seq);
  }

  async byAgent(ctx: AgentContext, input: ReadMarkInput): Promise<ReadPosition> {
    const conversation = await this.deps.access.ofAgent(ctx, input.conversationId);
    return this.mark(conversation, conversation.lastSeq, 'agent', ctx.agent.id, input.seq);
  }

  /** What a send passes to the append so the writer's position moves in the same transaction. */
  writerMark(reader: Participant, agentId: string | null): WriterReadMark {
    return { reader, agentId, readAt: this.deps.clock().toISOString() };
  }

  /**
   * Writing a message means having read up to it: the visitor's position moves to its `seq`.
   * `marked`: the append already stored it (with `writerMark`), and nothing is announced — every
   * client takes the writer's position from the `message:new` it gets anyway (issue 17; see
   * `writerRead` in the client core). A duplicate (nothing stored by the append) is marked as a read.
   */
  async visitorWrote(
    ctx: VisitorContext,
    message: Message,
    marked?: { mark: WriterReadMark; stored: ReadPosition },
  ): Promise<void> {
    if (marked) return;
    const target = { id: message.conversationId, visitorId: ctx.visitor.id };
    await this.mark(target, message.seq, 'visitor', null, message.seq);
  }

  /** As `visitorWrote`, for the agent who wrote (a reply or a note). */
  async agentWrote(
    ctx: AgentContext,
    message: Message,
    /** The conversation as the append returned it (access already checked there): no read again. */
    appendedTo?: LiveTarget & { lastSeq: number },
    marked?: { mark: WriterReadMark; stored: ReadPosition },
  ): Promise<void> {
    if (appendedTo && marked) {
      // Issue 17: only the agent's tabs that do not watch the conversation (so get no `message:new`)
      // are told; the rest take the position from the message (its `authorId`).
      if (this.moved(message.seq, marked.mark.readAt, marked.stored))
        this.deps.live.agentWroteElsewhere(appendedTo, marked.stored);
      return;
    }
    const conversation = appendedTo ?? (await this.deps.access.ofAgent(ctx, message.conversationId));
    await this.mark(
      conversation,
      Math.max(conversation.lastSeq, message.seq),
      'agent',
      ctx.agent.id,
      message.seq,
    );
  }

  /** The visitor's position and the furthest agent's, for a sync or a watch. */
  async summary(conversationId: string): Promise<ReadSummary> {
    return summarizeReads(await this.deps.store.listReads([conversationId]));
  }

  /** One agent's position in each of these conversations (absent: 0). */
  async ownReads(agentId: string, conversationIds: readonly string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const p of await this.deps.store.listReads(conversationIds)) {
      if (p.reader === 'agent' && p.agentId === agentId) out[p.conversationId] = p.seq;
    }
    return out;
  }

  private async mark(
    conversation: LiveTarget,
    /** The conversation's last `seq`: no position goes past it. */
    lastSeq: number,
    reader: Participant,
    agentId: string | null,
    requested: number,
  ): Promise<ReadPosition> {
    const seq = nextReadSeq(0, requested, lastSeq);
    const readAt = this.deps.clock().toISOString();
    const stored = await this.deps.store.markRead({
      conversationId: conversation.id,
      reader,
      agentId,
      seq,
      readAt,
    });
    this.announce(conversation, reader, seq, readAt, stored);
    return stored;
  }

  /** Whether the stored position is the one just asked for (to `seq`, at `readAt`): it moved. */
  private moved(seq: number, readAt: string, stored: ReadPosition): boolean {
    return stored.seq === seq && stored.readAt === readAt && seq > 0;
  }

  /** A position that moved (to `seq`, at `readAt`, as asked) goes to the reader's other tabs and the other side. */
  private announce(
    conversation: LiveTarget,
    reader: Participant,
    seq: number,
    readAt: string,
    stored: ReadPosition,
  ): void {
    if (!this.moved(seq, readAt, stored)) return;
    if (reader === 'visitor') this.deps.live.visitorRead(conversation, stored);
    else this.deps.live.agentRead(conversation, stored);
  }
}
