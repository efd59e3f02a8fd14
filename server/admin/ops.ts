import type { Pool } from 'pg';
import { uuidv7 } from '../../shared/domain/ids';
import { ENROLMENT_CODE_TTL_MS, type Role } from '../../shared/sync/protocol';
import { hashSecret, newEnrolmentCode, normaliseCode } from '../auth/secrets';
import { markRotationDueIfHolder } from '../keys/rotation-due';
import { allocateCase } from '../sync/allocate';
import { inOrgTransaction } from '../db/tx';
import { writeRosterRecord } from '../team/roster';

/** What the admin CLI (and the tests) do to the service. Each is one transaction or one statement. */
export async function createOrganisation(pool: Pool, name: string): Promise<string> {
  const id = uuidv7();
  await pool.query('INSERT INTO organisations (id, name) VALUES ($1, $2)', [id, name]);
  await audit(pool, id, null, null, 'admin: create organisation');
  return id;
}

export async function createUser(
  pool: Pool,
  organisationId: string,
  name: string,
  email: string,
  role: Role,
): Promise<string> {
  const id = uuidv7();
  // With the person's record in the change log, so every laptop's list of advocates has them.
  await inOrgTransaction(pool, organisationId, async (client) => {
    await client.query('INSERT INTO users (id, organisation_id, name, email, role) VALUES ($1, $2, $3, $4, $5)', [
      id,
      organisationId,
      name,
      email.toLowerCase(),
      role,
    ]);
    await writeRosterRecord(client, organisationId, { id, name, role, active: true });
  });
  await audit(pool, organisationId, id, null, `admin: create ${role}`);
  return id;
}

/** A one-time code for the user's next device; only its hash is kept, so it is shown once. */
export async function issueEnrolmentCode(
  pool: Pool,
  userId: string,
  now: Date = new Date(),
): Promise<{ code: string; expiresAt: Date }> {
  const u = await pool.query<{ organisation_id: string }>(
    'SELECT organisation_id FROM users WHERE id = $1 AND active',
    [userId],
  );
  const org = u.rows[0]?.organisation_id;
  if (!org) throw new Error('No active user with that id.');
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_TTL_MS);
  await pool.query(
    'INSERT INTO enrolment_codes (id, organisation_id, user_id, code_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [uuidv7(), org, userId, hashSecret(normaliseCode(code)), expiresAt, now],
  );
  await audit(pool, org, userId, null, 'admin: issue enrolment code');
  return { code, expiresAt };
}

export interface DeviceRow {
  id: string;
  name: string;
  status: string;
  user_name: string;
  email: string;
  created_at: Date;
  last_seen_at: Date | null;
  /** The device's clock minus the service's when it last pulled; null before its first pull. */
  clock_offset_ms: number | null;
  /** How far it says it has applied the log, and how far the service has sent it (purges wait for the first). */
  synced_seq: number;
  sent_seq: number;
}

export async function listDevices(pool: Pool, organisationId: string): Promise<DeviceRow[]> {
  const r = await pool.query<DeviceRow>(
    `SELECT d.id, d.name, d.status, u.name AS user_name, u.email, d.created_at, d.last_seen_at, d.clock_offset_ms::float8 AS clock_offset_ms,
            d.synced_seq::float8 AS synced_seq, d.sent_seq::float8 AS sent_seq
       FROM devices d JOIN users u ON u.id = d.user_id WHERE d.organisation_id = $1 ORDER BY u.name, d.created_at`,
    [organisationId],
  );
  return r.rows;
}

/**
 * Revoke: the device can no longer sync and deletes its records when it next connects.
 * Wipe: the same, and it confirms the deletion back to the service.
 * Either way, if it held the organisation's current key a rotation falls due (docs/e2e.md).
 */
export async function setDeviceStatus(
  pool: Pool,
  deviceId: string,
  status: 'revoked' | 'wipe',
  reason = 'admin',
): Promise<void> {
  const r = await pool.query<{ organisation_id: string; user_id: string }>(
    "UPDATE devices SET status = $2, status_reason = $3, status_changed_at = now() WHERE id = $1 AND status NOT IN ('wiped') RETURNING organisation_id, user_id",
    [deviceId, status, reason],
  );
  const row = r.rows[0];
  if (!row) throw new Error('No such device (or it has already been wiped).');
  await markRotationDueIfHolder(pool, deviceId);
  await audit(
    pool,
    row.organisation_id,
    row.user_id,
    deviceId,
    `admin: ${status === 'wipe' ? 'wipe' : 'revoke'} device`,
  );
}

export async function allocate(
  pool: Pool,
  organisationId: string,
  caseId: string,
  userId: string,
  now: Date = new Date(),
) {
  return allocateCase(pool, organisationId, caseId, userId, now);
}

export async function findOrganisation(pool: Pool, nameOrId: string): Promise<string> {
  const r = await pool.query<{ id: string }>('SELECT id FROM organisations WHERE id::text = $1 OR name = $1', [
    nameOrId,
  ]);
  if (r.rows.length !== 1)
    throw new Error(
      r.rows.length ? 'More than one organisation has that name; use its id.' : 'No organisation with that name or id.',
    );
  return r.rows[0]!.id;
}

export async function findUser(pool: Pool, organisationId: string, emailOrId: string): Promise<string> {
  const r = await pool.query<{ id: string }>(
    'SELECT id FROM users WHERE organisation_id = $1 AND (id::text = $2 OR email = lower($2))',
    [organisationId, emailOrId],
  );
  if (!r.rows[0]) throw new Error('No user with that email or id in this organisation.');
  return r.rows[0].id;
}

async function audit(
  pool: Pool,
  org: string | null,
  user: string | null,
  device: string | null,
  action: string,
): Promise<void> {
  await pool.query('INSERT INTO audit (organisation_id, user_id, device_id, action) VALUES ($1, $2, $3, $4)', [
    org,
    user,
    device,
    action,
  ]);
}
