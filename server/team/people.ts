import type { Pool } from 'pg';
import { uuidv7 } from '../../shared/domain/ids';
import type { AddPersonRequest, ServicePerson } from '../../shared/sync/team-protocol';
import type { DeviceIdentity } from '../auth/authenticate';
import { inOrgTransaction } from '../db/tx';
import { ServiceError } from '../errors';
import { markRotationDueIfHolder } from '../keys/rotation-due';
import { writeRosterRecord } from './roster';

/**
 * The service's people, for the managers' People screen. Every function here is for a manager's
 * (or admin's) device only: the organisation comes from the device's token, never from the
 * request, so a device sees and changes only its own organisation's people.
 */
export function requireManager(who: DeviceIdentity): void {
  if (who.role === 'advocate')
    throw new ServiceError(403, 'forbidden', "Only a manager can see or change the service's people and allocations.");
}

interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: ServicePerson['role'];
  active: boolean;
  created_at: Date;
  deactivated_at: Date | null;
}

const toPerson = (r: PersonRow): ServicePerson => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  active: r.active,
  addedAt: r.created_at.toISOString(),
  deactivatedAt: r.deactivated_at?.toISOString() ?? null,
});

const COLUMNS = 'id, name, email, role, active, created_at, deactivated_at';

export async function listPeople(pool: Pool, who: DeviceIdentity): Promise<ServicePerson[]> {
  requireManager(who);
  const r = await pool.query<PersonRow>(
    `SELECT ${COLUMNS} FROM users WHERE organisation_id = $1 ORDER BY active DESC, lower(name), id`,
    [who.organisationId],
  );
  return r.rows.map(toPerson);
}

/** Adds an advocate or manager; their name reaches every laptop's list of advocates at its next sync. */
export async function addPerson(
  pool: Pool,
  who: DeviceIdentity,
  req: AddPersonRequest,
  now: Date,
): Promise<ServicePerson> {
  requireManager(who);
  const email = req.email.trim().toLowerCase();
  return inOrgTransaction(pool, who.organisationId, async (client) => {
    const taken = await client.query('SELECT 1 FROM users WHERE organisation_id = $1 AND email = $2', [
      who.organisationId,
      email,
    ]);
    if (taken.rowCount)
      throw new ServiceError(
        409,
        'conflict',
        'Someone in your service already has that email address. Use another, or find them in the list.',
      );
    const id = uuidv7(now.getTime());
    const r = await client.query<PersonRow>(
      `INSERT INTO users (id, organisation_id, name, email, role, created_at, added_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [id, who.organisationId, req.name, email, req.role, now, who.userId],
    );
    await writeRosterRecord(client, who.organisationId, { id, name: req.name, role: req.role, active: true });
    await client.query(
      "INSERT INTO audit (organisation_id, user_id, device_id, action, status, detail) VALUES ($1, $2, $3, 'team: add person', 200, $4)",
      [who.organisationId, who.userId, who.deviceId, `added ${req.role} ${id}`],
    );
    return toPerson(r.rows[0]!);
  });
}

/**
 * Closes a person's account. Their laptops are refused from then on (and told to remove the
 * records they hold); their cases stay allocated to them until a manager reallocates them, so
 * the Team screen can show what needs a new advocate. A manager cannot close their own account.
 */
export async function deactivatePerson(
  pool: Pool,
  who: DeviceIdentity,
  userId: string,
  now: Date,
): Promise<ServicePerson> {
  requireManager(who);
  if (userId === who.userId)
    throw new ServiceError(409, 'conflict', 'You cannot close your own account. Ask another manager to do it.');
  return inOrgTransaction(pool, who.organisationId, async (client) => {
    const r = await client.query<PersonRow>(
      `UPDATE users SET active = false, deactivated_at = coalesce(deactivated_at, $3)
        WHERE id = $1 AND organisation_id = $2 AND role IN ('advocate', 'manager') RETURNING ${COLUMNS}`,
      [userId, who.organisationId, now],
    );
    const row = r.rows[0];
    // The same answer for someone in another organisation as for no one, so ids cannot be probed.
    if (!row) throw new ServiceError(404, 'not_found', 'That person could not be found in your service.');
    await writeRosterRecord(client, who.organisationId, { id: row.id, name: row.name, role: row.role, active: false });
    // Their laptops keep the key they were given: a new one is made, as when a laptop is revoked.
    const laptops = await client.query<{ id: string }>(
      'SELECT id FROM devices WHERE user_id = $1 AND organisation_id = $2',
      [row.id, who.organisationId],
    );
    for (const d of laptops.rows) await markRotationDueIfHolder(client, d.id);
    await client.query(
      "INSERT INTO audit (organisation_id, user_id, device_id, action, status, detail) VALUES ($1, $2, $3, 'team: deactivate person', 200, $4)",
      [who.organisationId, who.userId, who.deviceId, `deactivated ${row.role} ${row.id}`],
    );
    return toPerson(row);
  });
}
