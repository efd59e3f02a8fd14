import { migrateServer, serverMigrations } from '../../server/db/migrate';
import type { ServerMigration } from '../../server/db/server-migration';
import { createTestDatabase, type TestDatabase } from './pg-harness';

/**
 * A throwaway service database migrated up to the version before `migration`, for a migration's
 * test: put rows in as an older service would have, then `upgrade()` runs the migration and
 * answers the versions it applied.
 */
export type ServiceDatabase = TestDatabase & { before: ServerMigration[]; upgrade(): Promise<number[]> };

export async function serviceBefore(migration: ServerMigration): Promise<ServiceDatabase> {
  const before = serverMigrations.filter((m) => m.version < migration.version);
  const db = await createTestDatabase(before);
  return Object.assign(db, { before, upgrade: () => migrateServer(db.pool, [...before, migration]) });
}
