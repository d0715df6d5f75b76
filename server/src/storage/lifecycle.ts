/** Migrations, readiness and closing: the parts of `Storage` that are about the database itself. */
import { Migrator } from 'kysely';
import type { Db } from './db.ts';
import { MIGRATIONS } from './migrations.ts';

export type StorageLifecycle = {
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
};

export function kyselyLifecycle(db: Db): StorageLifecycle {
  return {
    async migrate() {
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => MIGRATIONS },
        migrationTableName: 'frontdesk_migrations',
        migrationLockTableName: 'frontdesk_migrations_lock',
      });
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
    },
    async close() {
      await db.destroy();
    },
    async ping() {
      await db.selectFrom('sites').select('id').limit(1).execute();
    },
  };
}
