import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { m0021 } from '../../../electron/core/db/migrations/0021-laptop-roster';
import {
  admittedKey,
  mergeRoster,
  openRoster,
  rosterEntries,
  sealRoster,
  type RosterEntry,
} from '../../../electron/core/e2e/roster';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
const { before, through } = storeUpgrade(m0021);
const entry = (deviceId: string, fill: number, removedAt: string | null = null): RosterEntry => ({
  deviceId,
  publicKey: Buffer.alloc(32, fill).toString('base64url'),
  userId: 'u',
  admittedBy: 'm',
  how: 'code',
  admittedAt: '2026-12-06T10:00:00.000Z',
  removedAt,
});

describe('migration 0021 laptop roster', () => {
  it('adds an empty roster; an admitted key is never replaced and a removal never undone', () => {
    const db = stores.open(before);
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(21);
    expect(rosterEntries(db)).toEqual([]);
    expect(mergeRoster(db, [entry('a', 1)])).toBe(true);
    expect(mergeRoster(db, [entry('a', 2)])).toBe(false);
    expect(admittedKey(db, 'a')).toEqual({ publicKey: Buffer.alloc(32, 1).toString('base64url'), removed: false });
    expect(mergeRoster(db, [entry('a', 1, '2026-12-06T11:00:00.000Z')])).toBe(true);
    expect(mergeRoster(db, [entry('a', 1)])).toBe(false);
    expect(admittedKey(db, 'a')!.removed).toBe(true);
    expect(() =>
      db
        .prepare(
          "INSERT INTO e2e_roster (device_id, public_key, user_id, admitted_by, how, admitted_at) VALUES ('b', x'00', 'u', 'm', 'code', 'now')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('a sealed roster opens only under its key, organisation, epoch and version', () => {
    const key = Buffer.alloc(32, 9);
    const sealed = sealRoster([entry('a', 1)], 'org', 2, key, 5);
    expect(openRoster(sealed, 'org', 2, key, 5)).toEqual([entry('a', 1)]);
    expect(openRoster(sealed, 'org', 2, key, 4)).toBeNull();
    expect(openRoster(sealed, 'org', 1, key, 5)).toBeNull();
    expect(openRoster(sealed, 'other', 2, key, 5)).toBeNull();
    expect(openRoster(sealed, 'org', 2, Buffer.alloc(32, 8), 5)).toBeNull();
    expect(JSON.stringify(sealed)).not.toContain(Buffer.alloc(32, 1).toString('base64url'));
  });
});
