import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { m0019 } from '../../../electron/core/db/migrations/0019-organisation-keys';
import { currentOrgKey, orgKeyFor, saveOrgKey } from '../../../electron/core/e2e/keyring';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
const { before, through } = storeUpgrade(m0019);

describe('migration 0019 organisation keys', () => {
  it('adds empty key tables to an existing store and keeps each epoch as first given', () => {
    const db = stores.open(before);
    db.prepare("INSERT INTO meta (key, value) VALUES ('kept', 'yes')").run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(19);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'kept'").pluck().get()).toBe('yes');
    expect(currentOrgKey(db)).toBeNull();
    const one = Buffer.alloc(32, 1);
    const two = Buffer.alloc(32, 2);
    saveOrgKey(db, { epoch: 1, key: one }, new Date());
    saveOrgKey(db, { epoch: 2, key: two }, new Date());
    expect(currentOrgKey(db)).toEqual({ epoch: 2, key: two });
    expect(orgKeyFor(db, 1)).toEqual(one);
    expect(() => saveOrgKey(db, { epoch: 1, key: two }, new Date())).toThrow(/different key/);
    expect(() => db.prepare("INSERT INTO org_keys (epoch, key, received_at) VALUES (3, x'00', 'now')").run()).toThrow(
      /CHECK/,
    );
  });
});
