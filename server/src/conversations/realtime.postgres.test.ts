/**
 * The socket integration suite (`realtime.test.ts`) once more, on a real server whose storage is a
 * fresh PostgreSQL database: the whole loop (visitor, bot, queue, take, replies, sync) on that engine.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useDatabaseForHarnesses } from '../testing/harness.ts';
import { postgresForThisFile } from '../testing/postgres.ts';

const database = await postgresForThisFile();

if (database) {
  useDatabaseForHarnesses(database.url);
  await import('./realtime.test.ts');
  describe('socket integration on PostgreSQL', () => {
    it('the suite above stored its conversations and messages in the PostgreSQL database', async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ conversations: number; messages: number }>(
          `SELECT (SELECT COUNT(*) FROM conversations)::int AS conversations,
                  (SELECT COUNT(*) FROM messages)::int AS messages`,
        );
        expect(rows[0]?.conversations).toBeGreaterThan(5);
        expect(rows[0]?.messages).toBeGreaterThan(20);
      } finally {
        await client.end();
      }
    });
  });
} else {
  describe.skip('socket integration on PostgreSQL', () => {
    it('needs PostgreSQL', () => {});
  });
}
