import type { Pool } from 'pg';
import { s0001 } from '../migrations/0001-initial';
import { s0002 } from '../migrations/0002-change-log-without-foreign-key';
import { s0003 } from '../migrations/0003-device-clock';
import { s0004 } from '../migrations/0004-device-synced-seq';
import { s0005 } from '../migrations/0005-erased-cases';
import { s0006 } from '../migrations/0006-mutation-ids-per-organisation';
import { s0007 } from '../migrations/0007-case-origins';
import { s0008 } from '../migrations/0008-e2e-keys';
import { s0009 } from '../migrations/0009-plaintext-conversion';
import { s0011 } from '../migrations/0011-online-forms';
import { s0012 } from '../migrations/0012-device-sent-seq';
import { s0013 } from '../migrations/0013-e2e-roster-and-proofs';
import { s0015 } from '../migrations/0015-people-deactivation';
import { s0016 } from '../migrations/0016-roster-in-change-log';
import type { ServerMigration } from './server-migration';

export type { ServerMigration } from './server-migration';

/** In order; one file per migration under server/migrations. */
export const serverMigrations: readonly ServerMigration[] = [
  s0001,
  s0002,
  s0003,
  s0004,
  s0005,
  s0006,
  s0007,
  s0008,
  s0009,
  s0011,
  s0012,
  s0013,
  s0015,
  s0016,
];

/**
 * Applies pending migrations in one transaction. An advisory lock stops two servers starting at
 * once from both migrating.
 */
export async function migrateServer(
  pool: Pool,
  migrations: readonly ServerMigration[] = serverMigrations,
): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(7007, 1)');
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
