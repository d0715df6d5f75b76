/**
 * Issue 17: read positions carried by messages. Whoever writes a message has read up to it, so the
 * server sends no `read:changed` for a send: each client takes the writer's position from the message
 * itself (live, in an ack or in a sync page). `read:changed` remains for real reads (`read:mark`).
 */
import type { Participant, ReadSummary } from '../../live.ts';
import type { Message } from '../../types.ts';

/** The part of a message that says who read how far. */
export type WrittenMessage = Pick<Message, 'author' | 'seq' | 'authorId'>;

/** The read position a message implies: its writer's (a person's), or null (the bot, the system). */
export function writerRead(
  message: WrittenMessage,
): { reader: Participant; agentId: string | null; seq: number } | null {
  if (message.author === 'visitor') return { reader: 'visitor', agentId: null, seq: message.seq };
  if (message.author === 'agent')
    return { reader: 'agent', agentId: message.authorId ?? null, seq: message.seq };
  return null;
}

/** The visitor's and the furthest agent's positions after these messages (only forward; same object when nothing moves). */
export function readsAfter(reads: ReadSummary, messages: readonly WrittenMessage[]): ReadSummary {
  let { visitor, agent } = reads;
  for (const m of messages) {
    const read = writerRead(m);
    if (read?.reader === 'visitor') visitor = Math.max(visitor, read.seq);
    else if (read?.reader === 'agent') agent = Math.max(agent, read.seq);
  }
  return visitor === reads.visitor && agent === reads.agent ? reads : { visitor, agent };
}

/**
 * One agent's own positions (`meId`) after these messages: a message they wrote is read up to it.
 * Only a message that names its writing agent (`authorId`, on the agent side) counts.
 */
export function ownReadsAfter(
  reads: Readonly<Record<string, number>>,
  meId: string,
  messages: readonly (WrittenMessage & Pick<Message, 'conversationId'>)[],
): Readonly<Record<string, number>> {
  let next = reads;
  for (const m of messages) {
    const read = writerRead(m);
    if (read?.reader !== 'agent' || read.agentId !== meId) continue;
    if (read.seq > (next[m.conversationId] ?? 0)) next = { ...next, [m.conversationId]: read.seq };
  }
  return next;
}
