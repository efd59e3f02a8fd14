import type { Pool } from 'pg';
import { uuidv7 } from '../../shared/domain/ids';
import { ENROLMENT_CODE_TTL_MS, type Role } from '../../shared/sync/protocol';
import type { ServiceLaptop } from '../../shared/sync/keys-protocol';
import type { DeviceIdentity } from '../auth/authenticate';
import { hashSecret, newEnrolmentCode, normaliseCode } from '../auth/secrets';
import { inTransaction } from '../db/tx';
import { ServiceError, badRequest } from '../errors';
import { markRotationDueIfHolder } from './rotation-due';

/** The organisation's people, for a manager choosing whom a code is for. Nothing of another organisation. */
export async function listUsers(pool: Pool, who: DeviceIdentity): Promise<{ id: string; name: string; role: Role }[]> {
  const r = await pool.query<{ id: string; name: string; role: Role }>(
    'SELECT id, name, role FROM users WHERE organisation_id = $1 AND active ORDER BY name',
    [who.organisationId],
  );
  return r.rows;
}

export async function listLaptops(pool: Pool, who: DeviceIdentity): Promise<ServiceLaptop[]> {
  const r = await pool.query<Omit<ServiceLaptop, 'lastSeenAt'> & { lastSeenAt: Date | null }>(
    `SELECT d.id AS "deviceId", d.name, d.user_id AS "userId", u.name AS "userName", u.role, d.status, d.last_seen_at AS "lastSeenAt",
            d.clock_offset_ms::float8 AS "clockOffsetMs", k.public_key AS "publicKey",
            (SELECT max(w.epoch) FROM wrapped_keys w WHERE w.organisation_id = d.organisation_id AND w.device_id = d.id) AS "heldEpoch"
       FROM devices d JOIN users u ON u.id = d.user_id LEFT JOIN device_public_keys k ON k.device_id = d.id
      WHERE d.organisation_id = $1 ORDER BY u.name, d.created_at`,
    [who.organisationId],
  );
  return r.rows.map((row) => ({ ...row, lastSeenAt: row.lastSeenAt ? row.lastSeenAt.toISOString() : null }));
}

/** The service's part of a manager-issued code; the manager's laptop adds a secret part of its own. */
export async function issueCode(
  pool: Pool,
  who: DeviceIdentity,
  userId: string,
  now: Date,
): Promise<{ codeId: string; code: string; expiresAt: string }> {
  const u = await pool.query('SELECT 1 FROM users WHERE id = $1 AND organisation_id = $2 AND active', [
    userId,
    who.organisationId,
  ]);
  if (!u.rows.length) throw new ServiceError(404, 'not_found', 'There is no such person at your service.');
  const code = newEnrolmentCode();
  const codeId = uuidv7();
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_TTL_MS);
  await pool.query(
    'INSERT INTO enrolment_codes (id, organisation_id, user_id, code_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [codeId, who.organisationId, userId, hashSecret(normaliseCode(code)), expiresAt, now],
  );
  return { codeId, code, expiresAt: expiresAt.toISOString() };
}

/** Revoke or wipe a laptop of the manager's own organisation; a rotation falls due if it held the current key. */
export async function deviceAction(
  pool: Pool,
  who: DeviceIdentity,
  deviceId: string,
  action: 'revoke' | 'wipe',
  now: Date,
): Promise<void> {
  if (deviceId === who.deviceId)
    throw badRequest('This is the laptop you are using. Use another manager’s laptop to disconnect it.');
  await inTransaction(pool, async (client) => {
    const r = await client.query(
      "UPDATE devices SET status = $3, status_reason = 'manager', status_changed_at = $4 WHERE id = $1 AND organisation_id = $2 AND status = 'active'",
      [deviceId, who.organisationId, action === 'wipe' ? 'wipe' : 'revoked', now],
    );
    if (r.rowCount !== 1)
      throw new ServiceError(404, 'not_found', 'There is no such connected laptop at your service.');
    await markRotationDueIfHolder(client, deviceId);
  });
}
