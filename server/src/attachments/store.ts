/** Attachments (issue 13): the record of a stored file and the storage port of the `attachments` table. */
import type { AttachmentKind, AttachmentMime, AttachmentRef } from '@frontdesk/shared';

export type AttachmentRecord = {
  id: string;
  conversationId: string;
  siteId: string;
  /** The message that carries it; null between the upload and its message (or after a lost race). */
  messageId: string | null;
  author: 'visitor' | 'agent';
  name: string;
  mime: AttachmentMime;
  kind: AttachmentKind;
  size: number;
  width: number | null;
  height: number | null;
  /** Keys in the file store (see `FileStore`): the file, and an image's thumbnail. */
  fileKey: string;
  thumbKey: string | null;
  createdAt: string;
};

export type NewAttachment = Omit<AttachmentRecord, 'messageId' | 'createdAt'>;

export type AttachmentLimitRule = { max: number; pendingSince: string };

export type AttachmentsStore = {
  insertAttachment(input: NewAttachment): Promise<AttachmentRecord>;
  /**
   * Inserts only while the conversation holds fewer than `max` files, atomically on every engine
   * (two parallel uploads cannot both take the last place). Counted: files carried by a message and
   * uploads in flight since `pendingSince` (older rows without a message are leftovers of a crash).
   * Null when the limit is reached or the conversation is gone.
   */
  reserveAttachment(input: NewAttachment, rule: AttachmentLimitRule): Promise<AttachmentRecord | null>;
  getAttachment(id: string): Promise<AttachmentRecord | null>;
  /** Ties a stored attachment to the message that carries it. */
  linkAttachmentMessage(id: string, messageId: string): Promise<void>;
  /** Files of a conversation that count against its limit (every one carried by a message). */
  countAttachments(conversationId: string): Promise<number>;
  listAttachments(conversationId: string): Promise<AttachmentRecord[]>;
  deleteAttachment(id: string): Promise<void>;
  deleteAttachmentsOf(conversationId: string): Promise<void>;
};

export const toAttachmentRef = (a: AttachmentRecord): AttachmentRef => ({
  id: a.id,
  name: a.name,
  mime: a.mime,
  kind: a.kind,
  size: a.size,
  width: a.width,
  height: a.height,
});
