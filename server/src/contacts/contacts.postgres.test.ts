/**
 * Issue 12: the contact suites over a real server (`identity.test.ts`, `console.test.ts`) once more,
 * on a fresh PostgreSQL database: identify, merges, logout, console routes, export and erasure.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useDatabaseForHarnesses } from '../testing/harness.ts';
import { postgresForThisFile } from '../testing/postgres.ts';

const database = await postgresForThisFile();

if (database) {
  useDatabaseForHarnesses(database.url);
  await import('./identity.test.ts');
  await import('./console.test.ts');
  describe('contacts on PostgreSQL', () => {
    it('the suites above stored their contacts, merges and audit in the PostgreSQL database', async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ merges: number; audit: number; verified: number }>(
          `SELECT (SELECT COUNT(*) FROM contact_merges)::int AS merges,
                  (SELECT COUNT(*) FROM privacy_audit)::int AS audit,
                  (SELECT COUNT(*) FROM visitors WHERE identity = 'verified')::int AS verified`,
        );
        expect(rows[0]?.merges).toBeGreaterThanOrEqual(1);
        expect(rows[0]?.audit).toBeGreaterThanOrEqual(2);
        expect(rows[0]?.verified).toBeGreaterThanOrEqual(2);
      } finally {
        await client.end();
      }
    });
  });
} else {
  describe.skip('contacts on PostgreSQL', () => {
    it('needs PostgreSQL', () => {});
  });
}
