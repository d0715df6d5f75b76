/**
 * Attachments (issue 13): upload a file into a conversation (as its visitor or as the agent who has
 * it), read one back, and remove a conversation's files. Access is checked on every read: a visitor
 * reaches only the files of their own conversations, an agent only those of their sites; anything
 * else is the same "not found" as a missing id (TESTPLAN A1, A2). An upload is stored first, then
 * its message goes through the ordinary append (seq, clientId idempotency, broadcasts).
 */
import { randomBytes } from 'node:crypto';
import type { AttachmentKind, AttachmentMime, AttachmentVariant, Message } from '@frontdesk/shared';
import type { ConversationAccess } from '../conversations/access.ts';
import type { NewMessage } from '../conversations/store.ts';
import type { AgentContext, VisitorContext } from '../identity/context.ts';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import type { SiteSettings } from '../sites/store.ts';
import { cleanFileName, decideUpload } from './decide.ts';
import type { FileStore } from './file-store.ts';
import { processImage } from './images.ts';
import { sniffType } from './sniff.ts';
import { type AttachmentRecord, type AttachmentsStore, toAttachmentRef } from './store.ts';

export type UploadInput = { conversationId: string; clientId: string; name?: string };

/** What a download serves. */
export type AttachmentFile = {
  bytes: Uint8Array;
  mime: string;
  name: string;
  kind: AttachmentKind;
  variant: AttachmentVariant;
};

export type AttachmentsDeps = {
  store: AttachmentsStore;
  files: FileStore;
  access: ConversationAccess;
  /** Where the message goes: the visitor's and the agent's ordinary send paths. */
  send: {
    visitor(ctx: VisitorContext, message: NewMessage): Promise<{ message: Message; duplicate: boolean }>;
    agent(ctx: AgentContext, message: NewMessage): Promise<{ message: Message; duplicate: boolean }>;
  };
  /** The site's attachment settings (read fresh: an admin's change applies to the next upload). */
  settingsOf(siteId: string): Promise<SiteSettings | null>;
  logger: Logger;
};

export const attachmentNotFound = () => new AppError('not_found', 'attachment not found');

/**
 * An upload stored but not yet carried by its message counts against the limit for this long (the
 * message follows within a request); an older one is a leftover of a crash and counts no more.
 */
const PENDING_UPLOAD_MS = 10 * 60_000;

/** 128 random bits, URL-safe: guessing one is hopeless, and it alone still opens nothing. */
const newAttachmentId = () => randomBytes(16).toString('base64url');

export class Attachments {
  constructor(private readonly deps: AttachmentsDeps) {}

  async uploadAsVisitor(ctx: VisitorContext, input: UploadInput, bytes: Uint8Array) {
    const conversation = await this.deps.access.ofVisitor(ctx, input.conversationId);
    const stored = await this.store(conversation.id, conversation.siteId, 'visitor', input, bytes);
    return this.deliver(stored, input, (message) =>
      this.deps.send.visitor(ctx, {
        ...message,
        author: 'visitor',
        authorName: ctx.visitor.name,
        agentId: null,
      }),
    );
  }

  async uploadAsAgent(ctx: AgentContext, input: UploadInput, bytes: Uint8Array) {
    const conversation = await this.deps.access.ofAgent(ctx, input.conversationId);
    // Only the agent who has the conversation replies, files included (checked again at the append).
    if (conversation.state !== 'assigned' || conversation.agentId !== ctx.agent.id)
      throw new AppError('invalid_state', 'take over the conversation before replying');
    const stored = await this.store(conversation.id, conversation.siteId, 'agent', input, bytes);
    return this.deliver(stored, input, (message) =>
      this.deps.send.agent(ctx, {
        ...message,
        author: 'agent',
        authorName: ctx.agent.name,
        agentId: ctx.agent.id,
      }),
    );
  }

  async readForVisitor(ctx: VisitorContext, id: string, variant: AttachmentVariant) {
    const found = await this.deps.store.getAttachment(id);
    if (!found) throw attachmentNotFound();
    try {
      await this.deps.access.ofVisitor(ctx, found.conversationId);
    } catch {
      throw attachmentNotFound();
    }
    return this.read(found, variant);
  }

  async readForAgent(ctx: AgentContext, id: string, variant: AttachmentVariant) {
    const found = await this.deps.store.getAttachment(id);
    if (!found || !ctx.siteIds.includes(found.siteId)) throw attachmentNotFound();
    return this.read(found, variant);
  }

  /** Removes every file of a conversation (to be called when a conversation is erased). */
  async removeForConversation(conversationId: string): Promise<void> {
    const list = await this.deps.store.listAttachments(conversationId);
    for (const item of list) await this.removeFiles(item);
    await this.deps.store.deleteAttachmentsOf(conversationId);
  }

  private async read(found: AttachmentRecord, variant: AttachmentVariant): Promise<AttachmentFile> {
    const thumb = variant === 'thumb' && found.thumbKey !== null;
    const bytes = await this.deps.files.get(thumb ? found.thumbKey! : found.fileKey);
    if (!bytes) {
      this.deps.logger.error({ attachmentId: found.id }, 'attachment row without its file');
      throw attachmentNotFound();
    }
    return {
      bytes,
      mime: thumb ? 'image/webp' : found.mime,
      name: found.name,
      kind: found.kind,
      variant: thumb ? 'thumb' : 'file',
    };
  }

  private async store(
    conversationId: string,
    siteId: string,
    author: 'visitor' | 'agent',
    input: UploadInput,
    raw: Uint8Array,
  ): Promise<AttachmentRecord> {
    const settings = await this.deps.settingsOf(siteId);
    if (!settings) throw new AppError('not_found', 'conversation not found');
    const decision = decideUpload(
      {
        size: raw.byteLength,
        sniffed: await sniffType(raw),
        existing: await this.deps.store.countAttachments(conversationId),
      },
      settings.attachments,
    );
    if (!decision.ok) throw new AppError(decision.code, decision.reason);
    const id = newAttachmentId();
    let bytes = raw;
    let image: { thumb: Uint8Array; width: number; height: number } | null = null;
    if (decision.kind === 'image') {
      const processed = await processImage(raw, decision.mime);
      bytes = processed.file.bytes;
      image = processed;
    }
    const fileKey = `attachments/${id}/file`;
    const thumbKey = image ? `attachments/${id}/thumb` : null;
    await this.deps.files.put(fileKey, bytes, decision.mime);
    if (image && thumbKey) await this.deps.files.put(thumbKey, image.thumb, 'image/webp');
    // The count above spares the work when the conversation is plainly full; this insert is the
    // atomic check (parallel uploads in flight count too).
    const reserved = await this.deps.store.reserveAttachment(
      {
        id,
        conversationId,
        siteId,
        author,
        name: cleanFileName(input.name, decision.mime as AttachmentMime),
        mime: decision.mime,
        kind: decision.kind,
        size: bytes.byteLength,
        width: image?.width ?? null,
        height: image?.height ?? null,
        fileKey,
        thumbKey,
      },
      {
        max: settings.attachments.maxPerConversation,
        pendingSince: new Date(Date.now() - PENDING_UPLOAD_MS).toISOString(),
      },
    );
    if (!reserved) {
      await this.deps.files.remove(fileKey);
      if (thumbKey) await this.deps.files.remove(thumbKey);
      throw new AppError(
        'limit_reached',
        `a conversation may hold at most ${settings.attachments.maxPerConversation} files`,
      );
    }
    return reserved;
  }

  /** Sends the message carrying a stored file; a retried upload (same clientId) gets the original. */
  private async deliver(
    stored: AttachmentRecord,
    input: UploadInput,
    send: (message: NewMessage) => Promise<{ message: Message; duplicate: boolean }>,
  ) {
    let sent: { message: Message; duplicate: boolean };
    try {
      sent = await send({
        conversationId: stored.conversationId,
        clientId: input.clientId,
        author: stored.author,
        authorName: null,
        agentId: null,
        kind: 'attachment',
        body: stored.name,
        meta: { attachment: toAttachmentRef(stored) },
      });
    } catch (error) {
      await this.discard(stored);
      throw error;
    }
    if (sent.duplicate) await this.discard(stored);
    else await this.deps.store.linkAttachmentMessage(stored.id, sent.message.id);
    return sent;
  }

  private async discard(stored: AttachmentRecord) {
    await this.deps.store.deleteAttachment(stored.id);
    await this.removeFiles(stored);
  }

  private async removeFiles(item: AttachmentRecord) {
    await this.deps.files.remove(item.fileKey);
    if (item.thumbKey) await this.deps.files.remove(item.thumbKey);
  }
}
