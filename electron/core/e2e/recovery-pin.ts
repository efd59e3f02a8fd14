import type { Db } from '../db/database';

/**
 * The organisation's recovery public key as this manager's laptop knows it (docs/e2e.md, Recovery):
 * kept when it made the recovery key, recovered with it, or read from the sealed roster another
 * manager's laptop shared. Never replaced once kept, so a service that names a key of its own
 * cannot have the next epoch wrapped to it.
 */
const PINNED = 'e2e_recovery_public_key';

export function pinnedRecoveryKey(db: Db): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(PINNED) as string | undefined) ?? null;
}

export function pinRecoveryKey(db: Db, publicKey: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(PINNED, publicKey);
}

/** Whether the service names a recovery key other than the one this laptop keeps. */
export function recoveryKeyDiffers(db: Db, servicePublicKey: string | null): boolean {
  const pinned = pinnedRecoveryKey(db);
  return pinned !== null && servicePublicKey !== pinned;
}

export const recoveryKeyDiffersMessage =
  'Your service names a different recovery key from the one made when your organisation’s key was made. ' +
  'Heard will not make a new key until this is sorted out, so nobody else can read your records: contact your service’s administrator.';
