import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { publicKeyFromSeed } from './hpke-wrap';

/** This laptop's own key pair; `private_key` holds the seed the pair is derived from (hpke-wrap.ts). */
export interface DeviceKeys {
  publicKey: Buffer;
  seed: Buffer;
}

export async function newDeviceKeys(): Promise<DeviceKeys> {
  const seed = randomBytes(32);
  return { seed, publicKey: await publicKeyFromSeed(seed) };
}

export function deviceKeys(db: Db): DeviceKeys | null {
  const row = db.prepare('SELECT public_key, private_key FROM device_keypair WHERE id = 1').get() as
    { public_key: Buffer; private_key: Buffer } | undefined;
  return row ? { publicKey: row.public_key, seed: row.private_key } : null;
}

/** Made once; a pair already here is kept, as the service holds its public half. */
export function saveDeviceKeys(db: Db, keys: DeviceKeys, now: Date): void {
  db.prepare(
    'INSERT INTO device_keypair (id, public_key, private_key, created_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  ).run(keys.publicKey, keys.seed, now.toISOString());
}

/** A laptop connected before encryption has no pair yet: made at its next sync. */
export async function ensureDeviceKeys(db: Db, now: Date): Promise<DeviceKeys> {
  const held = deviceKeys(db);
  if (held) return held;
  saveDeviceKeys(db, await newDeviceKeys(), now);
  return deviceKeys(db)!;
}

const meta = {
  get: (db: Db, key: string) =>
    (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null,
  set: (db: Db, key: string, value: string) =>
    db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value),
  del: (db: Db, key: string) => db.prepare('DELETE FROM meta WHERE key = ?').run(key),
};

/** The secret part of the code this laptop was enrolled with, until a key it vouches for arrives. */
const PENDING_SECRET = 'e2e_enrolment_secret';
export const pendingSecret = (db: Db) => meta.get(db, PENDING_SECRET);
export const savePendingSecret = (db: Db, secret: string) => meta.set(db, PENDING_SECRET, secret);
export const clearPendingSecret = (db: Db) => meta.del(db, PENDING_SECRET);

/** The recovery key, kept only until the manager says it is printed (docs/e2e.md, Recovery). */
const RECOVERY_TO_PRINT = 'e2e_recovery_to_print';
export const recoveryToPrint = (db: Db) => meta.get(db, RECOVERY_TO_PRINT);
export const saveRecoveryToPrint = (db: Db, text: string) => meta.set(db, RECOVERY_TO_PRINT, text);
export const clearRecoveryToPrint = (db: Db) => meta.del(db, RECOVERY_TO_PRINT);

/** The newest version of the sealed roster this laptop has seen or written. */
const ROSTER_VERSION = 'e2e_roster_version';
export const rosterVersion = (db: Db) => Number(meta.get(db, ROSTER_VERSION) ?? 0);
export const saveRosterVersion = (db: Db, v: number) => meta.set(db, ROSTER_VERSION, String(v));

export interface IssuedSecret {
  code_id: string;
  user_id: string;
  user_name: string;
  secret: string;
  used_by: string | null;
}

export function saveIssuedSecret(
  db: Db,
  s: { codeId: string; userId: string; userName: string; secret: string; expiresAt: string },
  now: Date,
): void {
  db.prepare(
    'INSERT INTO e2e_enrolment_secrets (code_id, user_id, user_name, secret, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(s.codeId, s.userId, s.userName, s.secret, now.toISOString(), s.expiresAt);
}

export function issuedSecret(db: Db, codeId: string): IssuedSecret | null {
  return (
    (db
      .prepare('SELECT code_id, user_id, user_name, secret, used_by FROM e2e_enrolment_secrets WHERE code_id = ?')
      .get(codeId) as IssuedSecret | undefined) ?? null
  );
}

/** Each secret admits one laptop once. */
export function markSecretUsed(db: Db, codeId: string, deviceId: string, now: Date): boolean {
  return (
    db
      .prepare('UPDATE e2e_enrolment_secrets SET used_by = ?, used_at = ? WHERE code_id = ? AND used_by IS NULL')
      .run(deviceId, now.toISOString(), codeId).changes === 1
  );
}
