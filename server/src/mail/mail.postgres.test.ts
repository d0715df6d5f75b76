/**
 * The mail suite (`mail.test.ts`) once more on a fresh PostgreSQL database: the outbox, coalescing,
 * retries, links and inbound replies on that engine too.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useDatabaseForHarnesses } from '../testing/harness.ts';
import { postgresForThisFile } from '../testing/postgres.ts';

const database = await postgresForThisFile();

if (database) {
  useDatabaseForHarnesses(database.url);
  await import('./mail.test.ts');
  describe('mail on PostgreSQL', () => {
    it('the suite above kept its mail in the PostgreSQL database', async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ sent: number }>(
          `SELECT COUNT(*)::int AS sent FROM mail_outbox WHERE status = 'sent'`,
        );
        expect(rows[0]?.sent).toBeGreaterThan(3);
      } finally {
        await client.end();
      }
    });
  });
} else {
  describe.skip('mail on PostgreSQL', () => {
    it('needs PostgreSQL', () => {});
  });
}
