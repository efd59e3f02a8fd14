import type { Pool, PoolClient } from 'pg';

/**
 * A laptop that held the organisation's current epoch has left (revoked, wiped, or its sign-in
 * copied): the next manager's laptop to sync makes a new epoch (docs/e2e.md, Rotation). Called
 * with the device's new status already written, by the managers' endpoint and the admin CLI alike.
 */
export async function markRotationDueIfHolder(q: Pool | PoolClient, deviceId: string): Promise<void> {
  await q.query(
    `UPDATE organisations o SET key_rotation_due = true
       FROM devices d
      WHERE d.id = $1 AND o.id = d.organisation_id
        AND EXISTS (SELECT 1 FROM wrapped_keys w
                     WHERE w.organisation_id = o.id AND w.device_id = d.id
                       AND w.epoch = (SELECT max(epoch) FROM key_epochs e WHERE e.organisation_id = o.id))`,
    [deviceId],
  );
}

/**
 * Whether this laptop holds a wrap for the organisation's newest epoch: only such a laptop (a key
 * holder a manager admitted) may make the next epoch or publish the intake key, so a manager's
 * sign-in alone, without the key, cannot capture the public forms or block key management.
 */
export async function holdsCurrentEpoch(
  q: Pool | PoolClient,
  organisationId: string,
  deviceId: string,
): Promise<boolean> {
  const r = await q.query(
    `SELECT 1 FROM wrapped_keys w
      WHERE w.organisation_id = $1 AND w.device_id = $2
        AND w.epoch = (SELECT max(epoch) FROM key_epochs e WHERE e.organisation_id = $1)`,
    [organisationId, deviceId],
  );
  return r.rows.length > 0;
}

export const notKeyHolderMessage =
  'Only a manager’s laptop that already holds your organisation’s current key can do this. Nothing was changed.';
