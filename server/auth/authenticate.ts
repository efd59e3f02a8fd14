import type { Pool } from 'pg';
import type { Role } from '../../shared/sync/protocol';
import { ServiceError, unauthorised } from '../errors';
import { hashSecret, secretMatches } from './secrets';

export interface DeviceIdentity {
  deviceId: string;
  userId: string;
  organisationId: string;
  role: Role;
}

/** What a revoked or wiped device is told, so the desktop can say why it deleted its records. */
export function deviceStatusError(status: string, reason: string | null): ServiceError | null {
  if (status === 'revoked') {
    const why = reason === 'token_reused' ? ' because its sign-in was used from somewhere else' : '';
    return new ServiceError(
      401,
      'device_revoked',
      `Your service has disconnected this computer${why}. Its records must be removed from it.`,
    );
  }
  if (status === 'wipe' || status === 'wiped')
    return new ServiceError(403, 'device_wipe', 'Your service has asked for the records on this computer to be wiped.');
  return null;
}

/** Checks a bearer access token; refuses expired tokens and devices that are no longer active. */
export async function authenticate(pool: Pool, header: string | undefined, now: Date): Promise<DeviceIdentity> {
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header ?? '');
  if (!m) throw unauthorised();
  const token = m[1]!;
  const r = await pool.query<{
    token_hash: Buffer;
    expires_at: Date;
    device_id: string;
    user_id: string;
    organisation_id: string;
    status: string;
    status_reason: string | null;
    role: Role;
    active: boolean;
  }>(
    `SELECT t.token_hash, t.expires_at, d.id AS device_id, d.user_id, d.organisation_id, d.status, d.status_reason, u.role, u.active
       FROM access_tokens t JOIN devices d ON d.id = t.device_id JOIN users u ON u.id = d.user_id
      WHERE t.token_hash = $1`,
    [hashSecret(token)],
  );
  const row = r.rows[0];
  if (!row || !secretMatches(token, row.token_hash)) throw unauthorised();
  const statusError = deviceStatusError(row.status, row.status_reason);
  if (statusError) throw statusError;
  if (!row.active)
    throw new ServiceError(
      401,
      'device_revoked',
      'Your account with the service has been closed. The records on this computer must be removed.',
    );
  if (row.expires_at.getTime() <= now.getTime())
    throw new ServiceError(401, 'unauthorised', 'The sign-in has expired; Heard will renew it.');
  return { deviceId: row.device_id, userId: row.user_id, organisationId: row.organisation_id, role: row.role };
}
