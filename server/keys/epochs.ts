import type { Pool, PoolClient } from 'pg';
import type {
  CreateEpochRequest,
  DeviceWrap,
  RosterRequest,
  UploadPublicKeyRequest,
} from '../../shared/sync/keys-protocol';
import type { DeviceIdentity } from '../auth/authenticate';
import { inOrgTransaction, inTransaction } from '../db/tx';
import { ServiceError, badRequest } from '../errors';
import { holdsCurrentEpoch, notKeyHolderMessage } from './rotation-due';

const conflict = (message: string) => new ServiceError(409, 'conflict', message);

/** A laptop's public key is set once; the same key again is a retry, a different one is refused. */
export async function uploadPublicKey(
  pool: Pool,
  who: DeviceIdentity,
  req: UploadPublicKeyRequest,
  now: Date,
): Promise<void> {
  await inTransaction(pool, async (client) => {
    const r = await client.query(
      `INSERT INTO device_public_keys (device_id, organisation_id, public_key, enrolment_tag, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (device_id) DO NOTHING`,
      [who.deviceId, who.organisationId, req.publicKey, req.enrolmentTag ?? null, now],
    );
    if (r.rowCount === 1) return;
    const held = await client.query<{ public_key: string }>(
      'SELECT public_key FROM device_public_keys WHERE device_id = $1',
      [who.deviceId],
    );
    if (held.rows[0]?.public_key !== req.publicKey)
      throw conflict('This computer has already sent a different key. Ask your manager to connect it again.');
  });
}

/**
 * Checks wraps name epochs the organisation has and active laptops of the organisation with a
 * public key. One word for every failure, so a manager learns nothing of another organisation.
 */
async function checkWraps(client: PoolClient, organisationId: string, wraps: DeviceWrap[]): Promise<void> {
  const ids = [...new Set(wraps.map((w) => w.deviceId))];
  const ok = await client.query<{ id: string }>(
    `SELECT d.id FROM devices d JOIN device_public_keys k ON k.device_id = d.id
      WHERE d.id = ANY($1::uuid[]) AND d.organisation_id = $2 AND d.status = 'active'`,
    [ids, organisationId],
  );
  if (ok.rows.length !== ids.length)
    throw badRequest(
      'A key was wrapped for a laptop that is not an active laptop of this organisation. Nothing was changed.',
    );
  const epochs = [...new Set(wraps.map((w) => w.epoch))];
  const known = await client.query(
    'SELECT epoch FROM key_epochs WHERE organisation_id = $1 AND epoch = ANY($2::int[])',
    [organisationId, epochs],
  );
  if (known.rows.length !== epochs.length)
    throw badRequest('A key was wrapped for an epoch this organisation does not have. Nothing was changed.');
}

async function insertWraps(client: PoolClient, who: DeviceIdentity, wraps: DeviceWrap[], now: Date): Promise<void> {
  for (const w of wraps) {
    // A wrap already there (another manager's laptop was first) is kept as it is.
    await client.query(
      `INSERT INTO wrapped_keys (organisation_id, epoch, device_id, wrapped, proof, wrapped_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING`,
      [who.organisationId, w.epoch, w.deviceId, w.wrapped, w.proof, who.deviceId, now],
    );
  }
}

/** A manager's laptop makes the first epoch, or the next one on rotation. */
export async function createEpoch(pool: Pool, who: DeviceIdentity, req: CreateEpochRequest, now: Date): Promise<void> {
  await inOrgTransaction(pool, who.organisationId, async (client) => {
    const org = who.organisationId;
    const cur = await client.query<{ epoch: number | null }>(
      'SELECT max(epoch) AS epoch FROM key_epochs WHERE organisation_id = $1',
      [org],
    );
    const next = (cur.rows[0]?.epoch ?? 0) + 1;
    if (req.epoch !== next)
      throw conflict('Another manager’s laptop has just made a new key. Heard will carry on with that one.');
    // The first epoch is made by whichever manager's laptop comes first (docs/e2e.md); every later
    // one only by a laptop holding the one before.
    if (next > 1 && !(await holdsCurrentEpoch(client, org, who.deviceId)))
      throw new ServiceError(403, 'forbidden', notKeyHolderMessage);
    if (req.wraps.some((w) => w.epoch !== req.epoch))
      throw badRequest('Every key must be for the new epoch. Nothing was changed.');
    if (!req.wraps.some((w) => w.deviceId === who.deviceId))
      throw badRequest('The new key must also be wrapped for the laptop that made it. Nothing was changed.');
    if (req.recoveryPublicKey) {
      if (req.epoch !== 1) throw badRequest('The recovery key is set with the first key only. Nothing was changed.');
      await client.query(
        'INSERT INTO recovery_keys (organisation_id, public_key, created_by, created_at) VALUES ($1, $2, $3, $4)',
        [org, req.recoveryPublicKey, who.deviceId, now],
      );
    }
    const recovery = await client.query('SELECT 1 FROM recovery_keys WHERE organisation_id = $1', [org]);
    if (recovery.rows.length && !req.recoveryWrap)
      throw badRequest('The new key must also be wrapped for the recovery key. Nothing was changed.');
    await client.query(
      'INSERT INTO key_epochs (organisation_id, epoch, created_by, created_at) VALUES ($1, $2, $3, $4)',
      [org, req.epoch, who.deviceId, now],
    );
    await checkWraps(client, org, req.wraps);
    await insertWraps(client, who, req.wraps, now);
    if (req.recoveryWrap)
      await client.query('INSERT INTO recovery_wraps (organisation_id, epoch, wrapped) VALUES ($1, $2, $3)', [
        org,
        req.epoch,
        req.recoveryWrap,
      ]);
    await client.query('UPDATE organisations SET key_rotation_due = false WHERE id = $1', [org]);
  });
}

/**
 * Only a laptop holding an epoch may wrap it for another, so a manager's sign-in without the key
 * cannot put junk first and block a waiting laptop. Wraps to oneself are how a laptop recovering
 * with the recovery key becomes a holder: allowed only while no other manager's laptop holds the
 * current epoch (every one is lost), so they cannot be used to pass as a holder beside them.
 */
async function checkSender(client: PoolClient, who: DeviceIdentity, wraps: DeviceWrap[]): Promise<void> {
  const org = who.organisationId;
  const held = await client.query<{ epoch: number }>(
    'SELECT epoch FROM wrapped_keys WHERE organisation_id = $1 AND device_id = $2',
    [org, who.deviceId],
  );
  const mine = new Set(held.rows.map((r) => r.epoch));
  if (wraps.some((w) => w.deviceId !== who.deviceId && !mine.has(w.epoch)))
    throw new ServiceError(
      403,
      'forbidden',
      'Only a laptop that holds a key can give it to another. Nothing was changed.',
    );
  if (!wraps.some((w) => w.deviceId === who.deviceId && !mine.has(w.epoch))) return;
  const others = await client.query(
    `SELECT 1 FROM wrapped_keys w JOIN devices d ON d.id = w.device_id JOIN users u ON u.id = d.user_id
      WHERE w.organisation_id = $1 AND w.device_id <> $2 AND d.status = 'active' AND u.active AND u.role = 'manager'
        AND w.epoch = (SELECT max(epoch) FROM key_epochs e WHERE e.organisation_id = $1)`,
    [org, who.deviceId],
  );
  if (others.rows.length)
    throw new ServiceError(
      403,
      'forbidden',
      'Another manager’s laptop still holds your organisation’s key. Ask that manager to give the key to this laptop or, if that laptop is lost, to have it disconnected first. Nothing was changed.',
    );
}

/** A manager's laptop gives existing epochs to a laptop it has admitted, or to itself on recovery. */
export async function addWraps(pool: Pool, who: DeviceIdentity, wraps: DeviceWrap[], now: Date): Promise<void> {
  await inOrgTransaction(pool, who.organisationId, async (client) => {
    await checkSender(client, who, wraps);
    await checkWraps(client, who.organisationId, wraps);
    await insertWraps(client, who, wraps, now);
  });
}

export async function putRoster(pool: Pool, who: DeviceIdentity, req: RosterRequest, now: Date): Promise<void> {
  await inOrgTransaction(pool, who.organisationId, async (client) => {
    const known = await client.query('SELECT 1 FROM key_epochs WHERE organisation_id = $1 AND epoch = $2', [
      who.organisationId,
      req.epoch,
    ]);
    if (!known.rows.length)
      throw badRequest('The roster names an epoch this organisation does not have. Nothing was changed.');
    // One step at a time: a version far ahead would refuse every other manager's next share.
    const cur = await client.query<{ version: string }>(
      'SELECT version FROM key_rosters WHERE organisation_id = $1 FOR UPDATE',
      [who.organisationId],
    );
    if (req.version !== Number(cur.rows[0]?.version ?? 0) + 1)
      throw conflict('The list of laptops on the service has changed. Heard will merge it and try again.');
    const r = await client.query(
      `INSERT INTO key_rosters (organisation_id, epoch, version, sealed, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organisation_id) DO UPDATE SET epoch = $2, version = $3, sealed = $4, updated_by = $5, updated_at = $6
        WHERE key_rosters.version < $3`,
      [who.organisationId, req.epoch, req.version, req.sealed, who.deviceId, now],
    );
    if (r.rowCount !== 1)
      throw conflict('A newer list of laptops is already on the service. Heard will merge it and try again.');
  });
}
