/** Migrations, readiness and closing: the parts of `Storage` that are about the database itself. */
import { type Kysely, Migrator } from 'kysely';
import type { Db } from './db.ts';
import { MIGRATIONS } from './migrations.ts';

export type StorageLifecycle = {
  /** Applies the pending migrations; their names, in order (none when the database is up to date). */
  migrate(): Promise<readonly string[]>;
  close(): Promise<void>;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
};

/** Kysely's bookkeeping tables beside the schema's own (`db:copy` leaves them to the migrator). */
export const MIGRATION_TABLES = ['frontdesk_migrations', 'frontdesk_migrations_lock'] as const;

/** Applies the pending migrations on any Kysely handle; the names it applied, in order. */
export async function runMigrations(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: MIGRATION_TABLES[0],
    migrationLockTableName: MIGRATION_TABLES[1],
    // Numbers are reserved per feature (contacts 0010–0019, reads 0020, attachments 0030), so a
    // database that already ran 0020 must still take a later 0015: each migration stands alone.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export function kyselyLifecycle(db: Db): StorageLifecycle {
  return {
    migrate: () => runMigrations(db as unknown as Kysely<unknown>),
    async close() {
      await db.destroy();
    },
    async ping() {
      await db.selectFrom('sites').select('id').limit(1).execute();
    },
  };
}
