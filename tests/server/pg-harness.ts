import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateServer, serverMigrations, type ServerMigration } from '../../server/db/migrate';

const ADMIN_URL = process.env.HEARD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  pool: pg.Pool;
  url: string;
  drop(): Promise<void>;
}

/** A throwaway database per test file, so parallel files never see each other's rows; migrated up to `migrations`. */
export async function createTestDatabase(
  migrations: readonly ServerMigration[] = serverMigrations,
): Promise<TestDatabase> {
  const name = `heard_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 8 });
  // drop() ends the pool, then DROP ... WITH (FORCE) may still find a connection closing and
  // terminate it; that socket error arrives on no query, and the pool re-emits an idle client's
  // error on itself, so without a listener it is an uncaught exception. Errors of queries still
  // reject their own promises.
  pool.on('error', () => {});
  await migrateServer(pool, migrations);
  return {
    pool,
    url: url.toString(),
    async drop() {
      await pool.end();
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Row counts of the tables a request could change; equal before and after means nothing changed. */
export async function tableCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    'organisations',
    'users',
    'devices',
    'enrolment_codes',
    'refresh_tokens',
    'changes',
    'field_state',
    'conflicts',
    'allocations',
  ]) {
    const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`);
    out[t] = Number(r.rows[0]!.n);
  }
  const seq = await pool.query<{ s: string }>('SELECT coalesce(sum(last_seq), 0) AS s FROM organisations');
  out.last_seq = Number(seq.rows[0]!.s);
  return out;
}
