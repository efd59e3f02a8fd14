import type { PoolClient } from 'pg';
import { ACCESS_TOKEN_TTL_MS } from '../../shared/sync/protocol';
import { uuidv7 } from '../../shared/domain/ids';
import { hashSecret, newSecret } from './secrets';

export interface IssuedTokens {
  refreshId: string;
  refreshToken: string;
  accessToken: string;
  accessExpiresAt: string;
}

/** A new refresh token (rotated on every use) and a short-lived access token for the device. */
export async function issueTokens(client: PoolClient, deviceId: string, now: Date): Promise<IssuedTokens> {
  const refreshToken = newSecret();
  const accessToken = newSecret();
  const expires = new Date(now.getTime() + ACCESS_TOKEN_TTL_MS);
  const refreshId = uuidv7();
  await client.query('INSERT INTO refresh_tokens (id, device_id, token_hash, created_at) VALUES ($1, $2, $3, $4)', [
    refreshId,
    deviceId,
    hashSecret(refreshToken),
    now,
  ]);
  await client.query('INSERT INTO access_tokens (token_hash, device_id, expires_at) VALUES ($1, $2, $3)', [
    hashSecret(accessToken),
    deviceId,
    expires,
  ]);
  // Expired access tokens are useless; clearing them here keeps the table small without a job.
  await client.query('DELETE FROM access_tokens WHERE device_id = $1 AND expires_at < $2', [deviceId, now]);
  return { refreshId, refreshToken, accessToken, accessExpiresAt: expires.toISOString() };
}

/** Ends every session of a device: used on revoke, wipe and refresh-token reuse. */
export async function dropDeviceTokens(client: PoolClient, deviceId: string): Promise<void> {
  await client.query('DELETE FROM access_tokens WHERE device_id = $1', [deviceId]);
  await client.query('UPDATE refresh_tokens SET used_at = coalesce(used_at, now()) WHERE device_id = $1', [deviceId]);
}
