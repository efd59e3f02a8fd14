import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { m0020 } from '../../../electron/core/db/migrations/0020-enrolment-secrets';
import { issuedSecret, markSecretUsed, saveIssuedSecret } from '../../../electron/core/e2e/local-state';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
const { before, through } = storeUpgrade(m0020);

describe('migration 0020 enrolment secrets', () => {
  it('adds an empty table to an existing store, and each secret admits one laptop once', () => {
    const db = stores.open(before);
    db.prepare("INSERT INTO meta (key, value) VALUES ('kept', 'yes')").run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'kept'").pluck().get()).toBe('yes');
    expect(issuedSecret(db, 'code-1')).toBeNull();
    saveIssuedSecret(
      db,
      {
        codeId: 'code-1',
        userId: 'u1',
        userName: 'Ann',
        secret: 'ABCD-EFGH-JKMN-PQRS',
        expiresAt: '2026-12-07T10:00:00.000Z',
      },
      new Date(),
    );
    expect(issuedSecret(db, 'code-1')).toMatchObject({ user_id: 'u1', used_by: null });
    expect(markSecretUsed(db, 'code-1', 'laptop-a', new Date())).toBe(true);
    expect(markSecretUsed(db, 'code-1', 'laptop-b', new Date())).toBe(false);
    expect(issuedSecret(db, 'code-1')!.used_by).toBe('laptop-a');
  });
});
