/**
 * `db:copy` (issue 11): a SQLite install with every kind of row, moved into a fresh PostgreSQL
 * database, verified, and served by a server started on the copy; a non-empty target is refused.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  type AgentConversation,
  EVENTS,
  NAMESPACES,
  type OpenResult,
  type SessionInitResult,
} from '@frontdesk/shared';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.ts';
import {
  call,
  clientId,
  connected,
  type Harness,
  openConversation,
  startHarness,
  type VisitorSocket,
} from '../testing/harness.ts';
import { postgresForThisFile } from '../testing/postgres.ts';
import { progressReporter } from './cli.ts';
import { COPY_TABLES, openForCopy, unknownTables } from './copy.ts';
import { openPostgresStorage } from './postgres.ts';

const pg = await postgresForThisFile();
const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe('db:copy pieces', () => {
  it('knows every table of the schema and names the ones it does not', () => {
    expect(Object.keys(COPY_TABLES)).toContain('mail_outbox');
    expect(unknownTables(['sites', 'messages', 'surveys'])).toEqual(['surveys']);
  });

  it('prints plain lines, no carriage returns, when the output is not a terminal', () => {
    const lines: string[] = [];
    const report = progressReporter({ out: (l) => lines.push(l), isTTY: false });
    report({ table: 'sites', copied: 0, total: 2, allCopied: 0, allTotal: 4 });
    report({ table: 'sites', copied: 2, total: 2, allCopied: 2, allTotal: 4 });
    report({ table: 'messages', copied: 2, total: 2, allCopied: 4, allTotal: 4 });
    expect(lines).toEqual([
      'sites: 2 rows copied (50% of all rows)',
      'messages: 2 rows copied (100% of all rows)',
    ]);
  });

  it('redraws one line in place on a terminal', () => {
    let written = '';
    const report = progressReporter({ out: () => {}, isTTY: true, write: (t) => (written += t) });
    report({ table: 'sites', copied: 1, total: 2, allCopied: 1, allTotal: 2 });
    report({ table: 'sites', copied: 2, total: 2, allCopied: 2, allTotal: 2 });
    expect(written.split('\r').length).toBe(3);
    expect(written.endsWith('100%  sites 2/2\n')).toBe(true);
  });
});

const visitorSocket = (h: Harness, token: string): VisitorSocket =>
  io(h.url + NAMESPACES.visitor, {
    auth: { siteKey: h.site.key, token },
    extraHeaders: { origin: h.origin },
    transports: ['websocket'],
    forceNew: true,
  });

describe.skipIf(!pg)('db:copy SQLite → PostgreSQL', () => {
  it('copies every table, verifies counts and seqs, and the copy serves the same conversation to the same visitor', async () => {
    if (!pg) return;
    // The install: a real server on SQLite, used as people use it.
    const source = await startHarness();
    harnesses.push(source);
    const agent = await source.newAgent('Ola');
    await connected(agent.socket);
    const conversations: { token: string; id: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const v = await source.newVisitor();
      const { conversation } = await openConversation(source, v.socket);
      // Questions the bot cannot answer become bot misses.
      await call(v.socket, EVENTS.messageSend, {
        conversationId: conversation.id,
        clientId: clientId(),
        body: `Question ${i} about zyxwv frobnication`,
      });
      if (i % 2 === 0) {
        await call(v.socket, EVENTS.conversationHandoff, { conversationId: conversation.id });
        await call<AgentConversation>(agent.socket, EVENTS.conversationTake, {
          conversationId: conversation.id,
        });
        await call(agent.socket, EVENTS.messageSend, {
          conversationId: conversation.id,
          clientId: clientId(),
          body: `Reply ${i}`,
        });
        await call(agent.socket, EVENTS.messageSend, {
          conversationId: conversation.id,
          clientId: clientId(),
          body: `Note ${i}`,
          kind: 'note',
        });
      }
      conversations.push({ token: v.token, id: conversation.id });
      v.socket.disconnect();
    }
    const bytes = Buffer.concat([Buffer.from([0, 255, 0, 1]), randomBytes(4096)]);
    const image = await source.storage.putImage({
      contentType: 'image/png',
      data: bytes,
      width: 8,
      height: 8,
    });
    await source.storage.insertMail({
      conversationId: conversations[0]?.id ?? null,
      kind: 'reply',
      recipient: 'visitor@example.com',
      recipientName: 'Visitor',
      fromName: 'Nordic Nest',
      subject: 'Your question',
      text: 'Hello',
      html: '<p>Hello</p>',
      replyTo: null,
      createdAt: new Date().toISOString(),
      status: 'unconfigured',
      nextAttemptAt: new Date().toISOString(),
    });
    const [first] = conversations;
    if (!first) throw new Error('no conversation');
    const before = await source.storage.getConversation(first.id);
    agent.socket.disconnect();
    await source.close();
    harnesses.splice(harnesses.indexOf(source), 1);

    const out: string[] = [];
    const env = { DATABASE_URL: `sqlite:${join(source.dataDir, 'frontdesk.db')}` };
    const code = await runCli(['db:copy', '--to', pg.url, '--batch', '3'], (l) => out.push(l), env);
    expect(out.join('\n'), out.join('\n')).toContain(
      'Verified last_seq and highest message seq of 6 conversations.',
    );
    expect(code).toBe(0);
    const counts = Object.fromEntries(
      out.flatMap((l) => {
        const m = /^ {2}(\w+)\s+(\d+)$/.exec(l);
        return m ? [[m[1], Number(m[2])]] : [];
      }),
    );
    expect(Object.keys(counts).sort()).toEqual(Object.keys(COPY_TABLES).sort());
    for (const table of [
      'sites',
      'agents',
      'agent_sites',
      'sessions',
      'visitors',
      'faqs',
      'bot_misses',
      'images',
      'mail_outbox',
    ]) {
      expect(counts[table], table).toBeGreaterThan(0);
    }
    expect(counts.conversations).toBe(6);
    expect(out.some((l) => l.includes('\r') || l.includes('\u001b'))).toBe(false);

    // Notes, events and binary columns survived the trip.
    const copy = openPostgresStorage(pg.url);
    const copied = await copy.getImage(image.id);
    expect(Buffer.from(copied?.data ?? []).equals(bytes)).toBe(true);
    expect(await copy.getConversation(first.id)).toEqual(before);
    await copy.close();
    const raw = openForCopy({ engine: 'postgres', url: pg.url }, { readonly: true });
    const { rows } = await (await import('kysely')).sql<{
      kind: string;
    }>`select distinct kind from messages`.execute(raw);
    expect(rows.map((r) => r.kind).sort()).toEqual(expect.arrayContaining(['event', 'note', 'text']));
    await raw.destroy();

    // A server on the copy: the visitor's token from before opens the same conversation.
    const served = await startHarness({ databaseUrl: pg.url });
    harnesses.push(served);
    const v = visitorSocket(served, first.token);
    await connected(v);
    await call<SessionInitResult>(v, EVENTS.sessionInit, { locale: 'en' });
    const reopened = await call<OpenResult>(v, EVENTS.conversationOpen, {
      locale: 'en',
      page: { url: `${served.origin}/demo/`, title: 'Nordic Nest' },
    });
    expect(reopened.conversation.id).toBe(first.id);
    expect(reopened.messages.map((m) => m.body)).toEqual(
      expect.arrayContaining(['Question 0 about zyxwv frobnication', 'Reply 0']),
    );
    expect(reopened.messages.some((m) => m.kind === 'note')).toBe(false);
    v.disconnect();

    // The target is no longer empty: a second copy is refused, nothing written.
    const again: string[] = [];
    expect(await runCli(['db:copy', '--to', pg.url], (l) => again.push(l), env)).toBe(1);
    expect(again.at(-1)).toMatch(/^Error: the target database is not empty \(table \w+ has \d+ rows\)/);
  }, 60_000);
});
