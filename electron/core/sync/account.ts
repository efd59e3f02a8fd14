import type { Db } from '../db/database';
import type { EnrolResponse, TokenResponse } from '../../../shared/sync/protocol';

export interface Account {
  service_url: string;
  device_id: string;
  user_id: string;
  organisation_id: string;
  role: string;
  user_name: string;
  organisation_name: string;
  refresh_token: string;
  access_token: string | null;
  access_expires_at: string | null;
  cursor: number;
  head: number;
  enrolled_at: string;
  last_synced_at: string | null;
  last_error: string | null;
  /** This computer's clock minus the service's at the last pull; null before the first. */
  clock_offset_ms: number | null;
}

export function readAccount(db: Db): Account | null {
  return (db.prepare('SELECT * FROM sync_account WHERE id = 1').get() as Account | undefined) ?? null;
}

export function saveEnrolment(db: Db, url: string, e: EnrolResponse, now: Date): void {
  db.prepare(
    `INSERT INTO sync_account (id, service_url, device_id, user_id, organisation_id, role, user_name, organisation_name, refresh_token, access_token, access_expires_at, enrolled_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    url,
    e.deviceId,
    e.userId,
    e.organisationId,
    e.role,
    e.userName,
    e.organisationName,
    e.refreshToken,
    e.accessToken,
    e.accessExpiresAt,
    now.toISOString(),
  );
}

/** Saved before the new access token is used: losing the rotated refresh token would lock the device out. */
export function saveTokens(db: Db, t: TokenResponse): void {
  db.prepare('UPDATE sync_account SET refresh_token = ?, access_token = ?, access_expires_at = ?').run(
    t.refreshToken,
    t.accessToken,
    t.accessExpiresAt,
  );
}

export function recordResult(db: Db, at: string | null, error: string | null): void {
  if (at) db.prepare('UPDATE sync_account SET last_synced_at = ?, last_error = NULL').run(at);
  else db.prepare('UPDATE sync_account SET last_error = ?').run(error);
}

export function recordClockOffset(db: Db, offsetMs: number): void {
  db.prepare('UPDATE sync_account SET clock_offset_ms = ?').run(Math.round(offsetMs));
}

/** Only real HTTPS, or plain HTTP to this computer itself (for trials and tests). */
export function checkServiceUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null;
  if (url.username || url.password) return null;
  return url.origin;
}
