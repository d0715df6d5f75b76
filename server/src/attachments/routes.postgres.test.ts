/**
 * The attachments HTTP suite (`routes.test.ts`) once more on a server whose storage is a fresh
 * PostgreSQL database: uploads, access, limits and removal on that engine.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useDatabaseForHarnesses } from '../testing/harness.ts';
import { postgresForThisFile } from '../testing/postgres.ts';

const database = await postgresForThisFile();

if (database) {
  useDatabaseForHarnesses(database.url);
  await import('./routes.test.ts');
  describe('attachments on PostgreSQL', () => {
    it('the suite above stored its attachments, each carried by an attachment message, in PostgreSQL', async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ linked: number; unlinked: number }>(
          `SELECT (SELECT COUNT(*) FROM attachments a JOIN messages m ON m.id = a.message_id
                    WHERE m.kind = 'attachment')::int AS linked,
                  (SELECT COUNT(*) FROM attachments WHERE message_id IS NULL)::int AS unlinked`,
        );
        expect(rows[0]?.linked).toBeGreaterThan(5);
        expect(rows[0]?.unlinked).toBe(0);
      } finally {
        await client.end();
      }
    });
  });
} else {
  describe.skip('attachments on PostgreSQL', () => {
    it('needs PostgreSQL', () => {});
  });
}
