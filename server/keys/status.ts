import type { Pool } from 'pg';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { KeyStatus, KeyedDevice } from '../../shared/sync/keys-protocol';
import type { DeviceIdentity } from '../auth/authenticate';

export const isManager = (who: DeviceIdentity) => who.role !== 'advocate';

/**
 * What a laptop needs to know about keys at the start of a sync. A laptop is given only the keys
 * wrapped to itself; the rest (other laptops' public keys, the recovery wraps, the sealed roster)
 * only to a manager's laptop, and only of its own organisation.
 */
export async function keyStatus(pool: Pool, who: DeviceIdentity): Promise<KeyStatus> {
  const org = who.organisationId;
  const head = await pool.query<{ epoch: number | null; due: boolean; recovery: string | null; sent: boolean }>(
    `SELECT (SELECT max(epoch) FROM key_epochs WHERE organisation_id = $1) AS epoch, o.key_rotation_due AS due,
            (SELECT public_key FROM recovery_keys WHERE organisation_id = $1) AS recovery,
            EXISTS (SELECT 1 FROM device_public_keys WHERE device_id = $2) AS sent
       FROM organisations o WHERE o.id = $1`,
    [org, who.deviceId],
  );
  const h = head.rows[0]!;
  const mine = await pool.query<{ epoch: number; wrapped: string; proof: string; wrapped_by: string }>(
    'SELECT epoch, wrapped, proof, wrapped_by FROM wrapped_keys WHERE organisation_id = $1 AND device_id = $2 ORDER BY epoch',
    [org, who.deviceId],
  );
  const status: KeyStatus = {
    v: PROTOCOL_VERSION,
    currentEpoch: h.epoch,
    rotationDue: h.due,
    recoveryPublicKey: h.recovery,
    publicKeySent: h.sent,
    myWraps: mine.rows.map((r) => ({ epoch: r.epoch, wrapped: r.wrapped, proof: r.proof, wrappedBy: r.wrapped_by })),
  };
  if (!isManager(who)) return status;
  status.devices = await keyedDevices(pool, org);
  const rec = await pool.query<{ epoch: number; wrapped: string }>(
    'SELECT epoch, wrapped FROM recovery_wraps WHERE organisation_id = $1 ORDER BY epoch',
    [org],
  );
  status.recoveryWraps = rec.rows;
  const roster = await pool.query<{ epoch: number; version: string; sealed: string }>(
    'SELECT epoch, version, sealed FROM key_rosters WHERE organisation_id = $1',
    [org],
  );
  const r = roster.rows[0];
  status.roster = r ? { epoch: r.epoch, version: Number(r.version), sealed: r.sealed } : null;
  return status;
}

/** Active laptops of the organisation that have sent a public key, with the newest epoch each holds. */
export async function keyedDevices(pool: Pool, organisationId: string): Promise<KeyedDevice[]> {
  const r = await pool.query<KeyedDevice>(
    `SELECT d.id AS "deviceId", d.user_id AS "userId", u.name AS "userName", u.role, d.name AS "deviceName",
            k.public_key AS "publicKey", k.enrolment_tag AS "enrolmentTag",
            (SELECT c.id::text FROM enrolment_codes c WHERE c.device_id = d.id) AS "codeId",
            (SELECT max(w.epoch) FROM wrapped_keys w WHERE w.organisation_id = d.organisation_id AND w.device_id = d.id) AS "heldEpoch"
       FROM devices d JOIN users u ON u.id = d.user_id JOIN device_public_keys k ON k.device_id = d.id
      WHERE d.organisation_id = $1 AND d.status = 'active' AND u.active
      ORDER BY d.created_at`,
    [organisationId],
  );
  return r.rows;
}
