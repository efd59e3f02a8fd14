import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/database';

/**
 * The roster of admitted laptops (docs/e2e.md, Rotation). Kept in each manager's store and shared
 * between managers' laptops sealed (AES-256-GCM) under a key derived from an epoch's data key, so
 * the service can neither read it nor add a laptop to it.
 */
const entrySchema = z.object({
  deviceId: z.string().min(1).max(64),
  publicKey: z.string().length(43),
  userId: z.string().min(1).max(64),
  admittedBy: z.string().min(1).max(64),
  how: z.enum(['code', 'fingerprint', 'founder', 'recovery']),
  admittedAt: z.string().max(40),
  removedAt: z.string().max(40).nullable(),
});
export type RosterEntry = z.infer<typeof entrySchema>;

interface Row {
  device_id: string;
  public_key: Buffer;
  user_id: string;
  admitted_by: string;
  how: RosterEntry['how'];
  admitted_at: string;
  removed_at: string | null;
}

export function rosterEntries(db: Db): RosterEntry[] {
  const rows = db.prepare('SELECT * FROM e2e_roster ORDER BY admitted_at, device_id').all() as Row[];
  return rows.map((r) => ({
    deviceId: r.device_id,
    publicKey: r.public_key.toString('base64url'),
    userId: r.user_id,
    admittedBy: r.admitted_by,
    how: r.how,
    admittedAt: r.admitted_at,
    removedAt: r.removed_at,
  }));
}

/** The public key this laptop admitted for a device, while it is still on the roster. */
export function admittedKey(db: Db, deviceId: string): { publicKey: string; removed: boolean } | null {
  const r = db.prepare('SELECT public_key, removed_at FROM e2e_roster WHERE device_id = ?').get(deviceId) as
    { public_key: Buffer; removed_at: string | null } | undefined;
  return r ? { publicKey: r.public_key.toString('base64url'), removed: r.removed_at !== null } : null;
}

/**
 * Set when this laptop's roster has changed since it last shared it, so a share the service
 * refused (another manager's was newer) is made again at the next sync, after merging theirs.
 */
const DIRTY = 'e2e_roster_unshared';
export const rosterUnshared = (db: Db) => db.prepare('SELECT 1 FROM meta WHERE key = ?').get(DIRTY) !== undefined;
export const markRosterShared = (db: Db) => db.prepare('DELETE FROM meta WHERE key = ?').run(DIRTY);
const markUnshared = (db: Db) =>
  db.prepare("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING").run(DIRTY);

/** Adds or takes off entries; an admitted key is never replaced, and a removal is never undone. Returns whether anything changed. */
export function mergeRoster(db: Db, entries: RosterEntry[]): boolean {
  const add = db.prepare(
    'INSERT INTO e2e_roster (device_id, public_key, user_id, admitted_by, how, admitted_at, removed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO NOTHING',
  );
  const remove = db.prepare('UPDATE e2e_roster SET removed_at = ? WHERE device_id = ? AND removed_at IS NULL');
  let changed = false;
  for (const e of entries) {
    const key = Buffer.from(e.publicKey, 'base64url');
    if (key.length !== 32) continue;
    changed =
      add.run(e.deviceId, key, e.userId, e.admittedBy, e.how, e.admittedAt, e.removedAt).changes === 1 || changed;
    if (e.removedAt) changed = remove.run(e.removedAt, e.deviceId).changes === 1 || changed;
  }
  if (changed) markUnshared(db);
  return changed;
}

export function removeFromRoster(db: Db, deviceId: string, now: Date): boolean {
  const changed =
    db
      .prepare('UPDATE e2e_roster SET removed_at = ? WHERE device_id = ? AND removed_at IS NULL')
      .run(now.toISOString(), deviceId).changes === 1;
  if (changed) markUnshared(db);
  return changed;
}

function rosterKey(key: Buffer, organisationId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.from(organisationId, 'utf8'), 'heard/roster', 32));
}

const aad = (organisationId: string, epoch: number, version: number) =>
  Buffer.from(JSON.stringify(['heard/roster/v1', organisationId, epoch, version]));

/**
 * The recovery public key travels with the entries, so a manager's laptop that did not make it
 * learns it from another manager's, never from the service (docs/e2e.md, Recovery).
 */
export function sealRoster(
  entries: RosterEntry[],
  organisationId: string,
  epoch: number,
  key: Buffer,
  version: number,
  recoveryPublicKey: string | null = null,
): string {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', rosterKey(key, organisationId), nonce);
  c.setAAD(aad(organisationId, epoch, version));
  const body = recoveryPublicKey ? { entries, recoveryPublicKey } : entries;
  const ct = Buffer.concat([c.update(JSON.stringify(body), 'utf8'), c.final()]);
  return Buffer.concat([nonce, ct, c.getAuthTag()]).toString('base64url');
}

// A roster shared before it carried the recovery key is a bare array of entries.
const wholeSchema = z.union([
  z.array(entrySchema).transform((entries) => ({ entries, recoveryPublicKey: null })),
  z.object({ entries: z.array(entrySchema), recoveryPublicKey: z.string().length(43) }),
]);

/** The entries and recovery public key, or null when the roster was altered, moved or sealed under another key. */
export function openRosterWhole(
  sealed: string,
  organisationId: string,
  epoch: number,
  key: Buffer,
  version: number,
): { entries: RosterEntry[]; recoveryPublicKey: string | null } | null {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 29) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', rosterKey(key, organisationId), bytes.subarray(0, 12));
    d.setAAD(aad(organisationId, epoch, version));
    d.setAuthTag(bytes.subarray(bytes.length - 16));
    const text = Buffer.concat([d.update(bytes.subarray(12, bytes.length - 16)), d.final()]).toString('utf8');
    const parsed = wholeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The entries, or null when the roster was altered, moved or sealed under another key. */
export function openRoster(
  sealed: string,
  organisationId: string,
  epoch: number,
  key: Buffer,
  version: number,
): RosterEntry[] | null {
  return openRosterWhole(sealed, organisationId, epoch, key, version)?.entries ?? null;
}
