/**
 * A contact's data handed out (issue 12, GDPR access): the JSON export — the record, the timeline,
 * every conversation with its messages and the files it holds (name, sniffed type, size, SHA-256,
 * who sent it) — and the same with the files themselves as a ZIP streamed to the agent:
 * `contact.json` plus `files/<conversation>/<id>-<safe name>`. The bytes are read through the
 * `FileStore` (local directory or S3 alike), one file at a time. Each export is audited.
 */
import { createHash } from 'node:crypto';
import {
  CONTACT_EXPORT_JSON,
  type ContactExport,
  type ContactTimelineEntry,
  type ExportedAttachment,
} from '@frontdesk/shared';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { FileStore } from '../attachments/file-store.ts';
import type { AgentContext } from '../identity/context.ts';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Site } from '../sites/store.ts';
import type { ContactAttachmentRecord, ContactRecord, ContactsStore, PrivacyKind } from './store.ts';
import { loadContact } from './views.ts';

type Deps = {
  store: ContactsStore;
  files: Pick<FileStore, 'get'>;
  logger: Logger;
  clock: () => Date;
};

const SAFE_NAME_MAX = 100;

/**
 * A name that is safe as one path segment on every system: letters without diacritics, digits,
 * `.`, `_`, `-`; anything else becomes `_`; never empty, never starting with a dot.
 */
export function safeFileName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, SAFE_NAME_MAX);
  return safe || 'file';
}

/** Where a file goes inside the ZIP export. */
export const exportFilePath = (a: Pick<ContactAttachmentRecord, 'conversationId' | 'id' | 'name'>): string =>
  `files/${safeFileName(a.conversationId)}/${safeFileName(a.id)}-${safeFileName(a.name)}`;

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The export document from what was read (pure: the files' hashes are passed in). */
export function buildExport(input: {
  exportedAt: string;
  contact: ContactExport['contact'];
  timeline: ContactTimelineEntry[];
  messages: Awaited<ReturnType<ContactsStore['listContactMessages']>>;
  attachments: readonly ContactAttachmentRecord[];
  sha256: ReadonlyMap<string, string>;
}): ContactExport {
  const attachmentOf = (a: ContactAttachmentRecord): ExportedAttachment => ({
    id: a.id,
    name: a.name,
    mime: a.mime,
    size: a.size,
    sha256: input.sha256.get(a.id) ?? null,
    createdAt: a.createdAt,
    author: a.author,
    authorName: a.authorName,
    messageSeq: a.messageSeq,
    path: exportFilePath(a),
  });
  return {
    exportedAt: input.exportedAt,
    contact: input.contact,
    timeline: input.timeline,
    conversations: input.contact.conversations.map((c) => ({
      ...c,
      messages: input.messages
        .filter((m) => m.conversationId === c.id)
        .map(({ conversationId: _c, ...m }) => m),
      attachments: input.attachments.filter((a) => a.conversationId === c.id).map(attachmentOf),
    })),
  };
}

type Gathered = {
  record: ContactRecord;
  contact: ContactExport['contact'];
  timeline: ContactTimelineEntry[];
  messages: Awaited<ReturnType<ContactsStore['listContactMessages']>>;
  attachments: ContactAttachmentRecord[];
};

export class ContactExports {
  constructor(private readonly deps: Deps) {}

  private async gather(site: Site, contactId: string): Promise<Gathered> {
    const record = await this.deps.store.getContact(site.id, contactId);
    if (!record) throw new AppError('not_found', 'contact not found');
    const contact = await loadContact(this.deps.store, record);
    const timeline: ContactTimelineEntry[] = [];
    let before: { at: string; id: string } | null = null;
    for (;;) {
      const page = await this.deps.store.listTimeline(record.id, before, 500);
      timeline.push(...page);
      const last = page.at(-1);
      if (page.length < 500 || !last) break;
      before = { at: last.at, id: last.id };
    }
    const messages = await this.deps.store.listContactMessages(record.id);
    const attachments = await this.deps.store.listContactAttachments(record.id);
    return { record, contact, timeline, messages, attachments };
  }

  private async audit(site: Site, ctx: AgentContext, kind: PrivacyKind, g: Gathered, at: string) {
    const counts = {
      conversations: g.contact.conversations.length,
      messages: g.messages.length,
    };
    await this.deps.store.addPrivacyAudit({
      siteId: site.id,
      kind,
      visitorId: g.record.id,
      agentId: ctx.agent.id,
      ...counts,
      at,
    });
    this.deps.logger.info(
      {
        siteId: site.id,
        contactId: g.record.id,
        agentId: ctx.agent.id,
        kind,
        files: g.attachments.length,
        ...counts,
      },
      'contact exported',
    );
  }

  /** The bytes of a file, or null (logged) when the store has none under its key. */
  private async read(a: ContactAttachmentRecord): Promise<Uint8Array | null> {
    const bytes = await this.deps.files.get(a.fileKey);
    if (!bytes) this.deps.logger.warn({ attachmentId: a.id, key: a.fileKey }, 'exported file is missing');
    return bytes;
  }

  /** The JSON export; every file is read once to give its SHA-256. */
  async json(site: Site, ctx: AgentContext, contactId: string): Promise<ContactExport> {
    const g = await this.gather(site, contactId);
    const sha256 = new Map<string, string>();
    for (const a of g.attachments) {
      const bytes = await this.read(a);
      if (bytes) sha256.set(a.id, sha256Hex(bytes));
    }
    const exportedAt = this.deps.clock().toISOString();
    await this.audit(site, ctx, 'export', g, exportedAt);
    return buildExport({ ...g, exportedAt, sha256 });
  }

  /**
   * The ZIP export as a stream: access is checked and the export audited before the first byte;
   * then each file is read, hashed and written (stored as it is: images and PDFs are compressed
   * already), and `contact.json` (deflated) comes last with the hashes of what was written.
   */
  async zip(site: Site, ctx: AgentContext, contactId: string): Promise<ReadableStream<Uint8Array>> {
    const g = await this.gather(site, contactId);
    const exportedAt = this.deps.clock().toISOString();
    await this.audit(site, ctx, 'export_zip', g, exportedAt);
    const chunks = zipChunks(g, exportedAt, (a) => this.read(a));
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
  }
}

/** ZIP dates start in 1980; anything earlier (or unreadable) is written as now. */
const zipTime = (iso: string): Date => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1980 ? new Date() : at;
};

async function* zipChunks(
  g: Gathered,
  exportedAt: string,
  read: (a: ContactAttachmentRecord) => Promise<Uint8Array | null>,
): AsyncGenerator<Uint8Array, void, undefined> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    yield* out.splice(0);
  };
  const sha256 = new Map<string, string>();
  for (const a of g.attachments) {
    const bytes = await read(a);
    if (!bytes) continue;
    sha256.set(a.id, sha256Hex(bytes));
    const entry = new ZipPassThrough(exportFilePath(a));
    entry.mtime = zipTime(a.createdAt);
    zip.add(entry);
    entry.push(bytes, true);
    yield* drain();
  }
  const json = new TextEncoder().encode(JSON.stringify(buildExport({ ...g, exportedAt, sha256 }), null, 2));
  const document = new ZipDeflate(CONTACT_EXPORT_JSON, { level: 6 });
  document.mtime = zipTime(exportedAt);
  zip.add(document);
  document.push(json, true);
  zip.end();
  yield* drain();
}
