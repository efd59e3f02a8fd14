import type { Db } from '../db/database';

/** One epoch of the organisation's data key (docs/e2e.md, Keys). */
export interface OrgKey {
  epoch: number;
  key: Buffer;
}

/** The newest epoch this laptop holds: new values are sealed under it. Null before any key arrives. */
export function currentOrgKey(db: Db): OrgKey | null {
  const row = db.prepare('SELECT epoch, key FROM org_keys ORDER BY epoch DESC LIMIT 1').get() as OrgKey | undefined;
  return row ?? null;
}

/** An older epoch's key, to open values written under it; null when this laptop was never given it. */
export function orgKeyFor(db: Db, epoch: number): Buffer | null {
  const row = db.prepare('SELECT key FROM org_keys WHERE epoch = ?').get(epoch) as { key: Buffer } | undefined;
  return row?.key ?? null;
}

/** Every epoch held, oldest first. */
export function allOrgKeys(db: Db): OrgKey[] {
  return db.prepare('SELECT epoch, key FROM org_keys ORDER BY epoch').all() as OrgKey[];
}

/** Keeps an epoch's key. An epoch, once held, never changes: a different key for it is refused. */
export function saveOrgKey(db: Db, k: OrgKey, now: Date): void {
  const held = orgKeyFor(db, k.epoch);
  if (held) {
    if (!held.equals(k.key)) throw new Error(`A different key for epoch ${k.epoch} was offered; the one held is kept.`);
    return;
  }
  db.prepare('INSERT INTO org_keys (epoch, key, received_at) VALUES (?, ?, ?)').run(k.epoch, k.key, now.toISOString());
}
