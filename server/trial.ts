import type { Pool } from 'pg';
import * as ops from './admin/ops';

export interface TrialDatabase {
  /** A connection string for `pg`; the embedded database takes one connection at a time. */
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), kept in `dir` and reached over a loopback socket,
 * so the service runs the same SQL through the same driver as in production. Loaded only here:
 * a service with DATABASE_URL never loads it.
 */
export async function startTrialDatabase(dir: string): Promise<TrialDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(dir);
  // One connection: PGlite is one session, so a second connection would run inside the first's transaction.
  const socket = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await socket.start();
  return {
    url: `postgres://postgres@${socket.getServerConn()}/postgres`,
    async stop() {
      await socket.stop();
      await db.close();
    },
  };
}

const TRIAL_ORGANISATION = 'Trial advocacy service';

/**
 * A trial needs someone to enrol as: on first start, an organisation and a manager (who may
 * write any case); on every start, a fresh one-time enrolment code for that manager.
 */
export async function prepareTrial(
  pool: Pool,
  now: Date = new Date(),
): Promise<{ organisationId: string; code: string; expiresAt: Date }> {
  const existing = await pool.query<{ id: string }>('SELECT id FROM organisations ORDER BY created_at LIMIT 1');
  let organisationId = existing.rows[0]?.id;
  let managerId: string;
  if (organisationId) {
    const m = await pool.query<{ id: string }>(
      "SELECT id FROM users WHERE organisation_id = $1 AND role = 'manager' AND active ORDER BY created_at LIMIT 1",
      [organisationId],
    );
    managerId =
      m.rows[0]?.id ??
      (await ops.createUser(pool, organisationId, 'Trial manager', 'trial-manager@example.invalid', 'manager'));
  } else {
    organisationId = await ops.createOrganisation(pool, TRIAL_ORGANISATION);
    managerId = await ops.createUser(pool, organisationId, 'Trial manager', 'trial-manager@example.invalid', 'manager');
  }
  const { code, expiresAt } = await ops.issueEnrolmentCode(pool, managerId, now);
  return { organisationId, code, expiresAt };
}
