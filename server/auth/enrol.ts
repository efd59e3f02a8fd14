import type { Pool } from 'pg';
import { uuidv7 } from '../../shared/domain/ids';
import {
  PROTOCOL_VERSION,
  type EnrolRequest,
  type EnrolResponse,
  type TokenResponse,
  type Role,
} from '../../shared/sync/protocol';
import { inTransaction } from '../db/tx';
import { ServiceError, unauthorised } from '../errors';
import { deviceStatusError } from './authenticate';
import { hashSecret, normaliseCode, secretMatches } from './secrets';
import { markRotationDueIfHolder } from '../keys/rotation-due';
import { dropDeviceTokens, issueTokens } from './tokens';

export interface AuthOutcome<T> {
  body: T;
  audit: { organisationId: string | null; userId: string | null; deviceId: string | null };
}

const badCode = () =>
  new ServiceError(
    401,
    'unauthorised',
    'That enrolment code is not valid. It may be mistyped, already used or more than 24 hours old. Ask your manager for a new one.',
  );

/** Exchanges a one-time enrolment code for a new device and its first tokens. */
export async function enrol(pool: Pool, req: EnrolRequest, now: Date): Promise<AuthOutcome<EnrolResponse>> {
  const code = normaliseCode(req.code);
  return inTransaction(pool, async (client) => {
    const r = await client.query<{
      id: string;
      code_hash: Buffer;
      expires_at: Date;
      used_at: Date | null;
      user_id: string;
      organisation_id: string;
      role: Role;
      user_name: string;
      org_name: string;
      active: boolean;
    }>(
      `SELECT c.id, c.code_hash, c.expires_at, c.used_at, c.user_id, c.organisation_id, u.role, u.name AS user_name, o.name AS org_name, u.active
         FROM enrolment_codes c JOIN users u ON u.id = c.user_id JOIN organisations o ON o.id = c.organisation_id
        WHERE c.code_hash = $1 FOR UPDATE OF c`,
      [hashSecret(code)],
    );
    const row = r.rows[0];
    if (!row || !secretMatches(code, row.code_hash) || row.used_at || row.expires_at <= now || !row.active)
      throw badCode();
    const deviceId = uuidv7();
    await client.query(
      'INSERT INTO devices (id, organisation_id, user_id, name, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)',
      [deviceId, row.organisation_id, row.user_id, req.deviceName, now],
    );
    await client.query('UPDATE enrolment_codes SET used_at = $2, device_id = $3 WHERE id = $1', [
      row.id,
      now,
      deviceId,
    ]);
    const { refreshId: _id, ...tokens } = await issueTokens(client, deviceId, now);
    return {
      body: {
        v: PROTOCOL_VERSION,
        ...tokens,
        deviceId,
        userId: row.user_id,
        organisationId: row.organisation_id,
        role: row.role,
        userName: row.user_name,
        organisationName: row.org_name,
      },
      audit: { organisationId: row.organisation_id, userId: row.user_id, deviceId },
    };
  });
}

interface RefreshRow {
  id: string;
  token_hash: Buffer;
  used_at: Date | null;
  replaced_by: string | null;
  device_id: string;
  user_id: string;
  organisation_id: string;
  status: string;
  status_reason: string | null;
  active: boolean;
}

/** How long a device may retry a refresh whose answer it never received. */
export const REFRESH_RETRY_MS = 2 * 60_000;

/**
 * Rotates the refresh token. Presenting one that was already exchanged means it was copied:
 * the device is revoked at once, so a stolen token is worth nothing to either holder.
 * One exception keeps a flaky connection from disconnecting an advocate: presented again within
 * two minutes, while the token it was exchanged for has never been used, it is a retry of a lost
 * answer. That successor is cancelled and a new pair issued; if the successor does turn up later,
 * it counts as reuse and the device is revoked then.
 */
export async function refresh(pool: Pool, refreshToken: string, now: Date): Promise<AuthOutcome<TokenResponse>> {
  let reused: AuthOutcome<null> | null = null;
  const out = await inTransaction(pool, async (client) => {
    const r = await client.query<RefreshRow>(
      `SELECT t.id, t.token_hash, t.used_at, t.replaced_by, d.id AS device_id, d.user_id, d.organisation_id, d.status, d.status_reason, u.active
         FROM refresh_tokens t JOIN devices d ON d.id = t.device_id JOIN users u ON u.id = d.user_id
        WHERE t.token_hash = $1 FOR UPDATE OF t, d`,
      [hashSecret(refreshToken)],
    );
    const row = r.rows[0];
    if (!row || !secretMatches(refreshToken, row.token_hash)) throw unauthorised();
    const audit = { organisationId: row.organisation_id, userId: row.user_id, deviceId: row.device_id };
    const statusError = deviceStatusError(row.status, row.status_reason);
    if (statusError) throw Object.assign(statusError, { audit });
    if (!row.active) throw Object.assign(deviceStatusError('revoked', null)!, { audit });
    if (row.used_at && row.replaced_by && now.getTime() - row.used_at.getTime() < REFRESH_RETRY_MS) {
      const cancelled = await client.query(
        'UPDATE refresh_tokens SET used_at = $2, revoked_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id',
        [row.replaced_by, now],
      );
      if (cancelled.rowCount === 1) {
        const { refreshId, ...tokens } = await issueTokens(client, row.device_id, now);
        await client.query('UPDATE refresh_tokens SET replaced_by = $2 WHERE id = $1', [row.id, refreshId]);
        return { body: { v: PROTOCOL_VERSION, ...tokens }, audit } satisfies AuthOutcome<TokenResponse>;
      }
    }
    if (row.used_at) {
      await client.query(
        "UPDATE devices SET status = 'revoked', status_reason = 'token_reused', status_changed_at = $2 WHERE id = $1",
        [row.device_id, now],
      );
      await dropDeviceTokens(client, row.device_id);
      // A copied sign-in may have come with the laptop's keys: the key it held is retired too.
      await markRotationDueIfHolder(client, row.device_id);
      reused = { body: null, audit };
      return null;
    }
    await client.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [row.device_id, now]);
    const { refreshId, ...tokens } = await issueTokens(client, row.device_id, now);
    await client.query('UPDATE refresh_tokens SET used_at = $2, replaced_by = $3 WHERE id = $1', [
      row.id,
      now,
      refreshId,
    ]);
    return { body: { v: PROTOCOL_VERSION, ...tokens }, audit } satisfies AuthOutcome<TokenResponse>;
  });
  if (!out) {
    // Committed above: the revocation must stick even though this request is refused.
    throw Object.assign(
      new ServiceError(
        401,
        'token_reused',
        'This sign-in was already used, so the service has disconnected this computer to be safe. Ask your manager to connect it again.',
      ),
      { audit: (reused as AuthOutcome<null> | null)?.audit },
    );
  }
  return out;
}

/** A wiped device confirms it has deleted its records; its sign-in then ends for good. */
export async function confirmWiped(
  pool: Pool,
  refreshToken: string,
  now: Date,
): Promise<AuthOutcome<{ v: number; ok: true }>> {
  return inTransaction(pool, async (client) => {
    const r = await client.query<RefreshRow>(
      `SELECT t.id, t.token_hash, t.used_at, t.replaced_by, d.id AS device_id, d.user_id, d.organisation_id, d.status, d.status_reason, true AS active
         FROM refresh_tokens t JOIN devices d ON d.id = t.device_id WHERE t.token_hash = $1 FOR UPDATE OF d`,
      [hashSecret(refreshToken)],
    );
    const row = r.rows[0];
    if (!row || !secretMatches(refreshToken, row.token_hash) || (row.status !== 'wipe' && row.status !== 'wiped'))
      throw unauthorised();
    await client.query("UPDATE devices SET status = 'wiped', status_changed_at = $2 WHERE id = $1", [
      row.device_id,
      now,
    ]);
    await dropDeviceTokens(client, row.device_id);
    return {
      body: { v: PROTOCOL_VERSION, ok: true as const },
      audit: { organisationId: row.organisation_id, userId: row.user_id, deviceId: row.device_id },
    };
  });
}
