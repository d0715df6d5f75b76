/** Issue 13: the read positions' storage port (`read_positions`): one row per conversation and reader. */
import type { Participant, ReadPosition } from '@frontdesk/shared';

export type NewReadPosition = {
  conversationId: string;
  reader: Participant;
  /** Set when `reader` is `agent`. */
  agentId: string | null;
  seq: number;
  readAt: string;
};

export type ReadsStore = {
  /**
   * Moves a reader's position forward to `seq` (never back: a lower `seq` leaves it, concurrent
   * marks keep the highest). Returns the position as stored.
   */
  markRead(position: NewReadPosition): Promise<ReadPosition>;
  /** Every stored position of these conversations (the visitor's and each agent's). */
  listReads(conversationIds: readonly string[]): Promise<ReadPosition[]>;
};
