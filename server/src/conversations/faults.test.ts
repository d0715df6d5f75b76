/**
 * Database faults over real sockets (TESTPLAN D6): with the SQLite file locked by another process (a
 * backup, the CLI), a send fails fast as `unavailable`, is not acknowledged, and the process keeps
 * serving everyone else; the retry with the same `clientId` succeeds once the lock is gone.
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type AckResult, API, EVENTS, type SendResult } from '@frontdesk/shared';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callRaw, clientId, type Harness, openConversation, startHarness } from '../testing/harness.ts';

let h: Harness & { dataDir: string };
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** Another process's write lock on the database file, as a backup or `pnpm frontdesk faq:import` takes it. */
function lockDatabase() {
  const other = new Database(join(h.dataDir, 'frontdesk.db'));
  other.exec('BEGIN IMMEDIATE');
  return () => {
    other.exec('ROLLBACK');
    other.close();
  };
}

describe('D6 database locked by another process', () => {
  it('D6 a send fails fast as unavailable, the event loop never stalls, the retry is stored once', async () => {
    const v = await h.newVisitor();
    const { conversation } = await openConversation(h, v.socket);
    const bystander = await h.newVisitor();
    const other = await openConversation(h, bystander.socket);
    const payload = { conversationId: conversation.id, clientId: clientId(), body: 'sent during a backup' };

    const delay = monitorEventLoopDelay({ resolution: 1 });
    const unlock = lockDatabase();
    delay.enable();
    let refused: AckResult<SendResult>;
    try {
      refused = await callRaw<SendResult>(v.socket, EVENTS.messageSend, payload);
      // Everyone else is still served meanwhile: reads go on (WAL), health answers.
      const health = await fetch(h.url + API.health);
      expect(health.status).toBe(200);
      const synced = await callRaw(bystander.socket, EVENTS.messagesSync, {
        conversationId: other.conversation.id,
        afterSeq: 0,
      });
      expect(synced.ok).toBe(true);
    } finally {
      delay.disable();
      unlock();
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // Before: one send held the event loop for the whole 5 s busy timeout. The bound is loose on
    // purpose (a busy machine adds its own delays); a stall of seconds cannot hide under it.
    expect(delay.max / 1e6).toBeLessThan(1000);
    expect((await h.storage.listMessages(conversation.id, 0, 100)).map((m) => m.body)).not.toContain(
      payload.body,
    );

    const retried = await call<SendResult>(v.socket, EVENTS.messageSend, payload);
    expect(retried.duplicate).toBe(false);
    const again = await call<SendResult>(v.socket, EVENTS.messageSend, payload);
    expect(again).toMatchObject({ duplicate: true, message: { id: retried.message.id } });
    const stored = await h.storage.listMessages(conversation.id, 0, 100);
    expect(stored.filter((m) => m.body === payload.body)).toHaveLength(1);
  });

  it('D6 a transition (take over) on a locked database is refused as unavailable, then works', async () => {
    const v = await h.newVisitor();
    const { conversation } = await openConversation(h, v.socket);
    const agent = await h.newAgent('Patient');
    const unlock = lockDatabase();
    let refused: AckResult<unknown>;
    try {
      refused = await callRaw(agent.socket, EVENTS.conversationTake, { conversationId: conversation.id });
    } finally {
      unlock();
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const taken = await call<{ state: string }>(agent.socket, EVENTS.conversationTake, {
      conversationId: conversation.id,
    });
    expect(taken.state).toBe('assigned');
  });
});
