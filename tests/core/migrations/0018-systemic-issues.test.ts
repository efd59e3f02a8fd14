import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { m0018 } from '../../../electron/core/db/migrations/0018-systemic-issues';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
const { before, through } = storeUpgrade(m0018);

describe('migration 0018 systemic issues', () => {
  it('adds an empty log that needs an area, an issue and a date, and keeps existing contacts', () => {
    const db = stores.open(before);
    db.prepare(
      "INSERT INTO contacts (id, case_id, type, occurred_at) VALUES ('k1', 'c1', 'visit', '2026-05-01T10:00')",
    ).run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    expect(db.prepare('SELECT count(*) FROM systemic_issues').pluck().get()).toBe(0);
    expect(db.prepare('SELECT id FROM contacts').pluck().all()).toEqual(['k1']);
    expect(() =>
      db
        .prepare(
          "INSERT INTO systemic_issues (id, case_id, area, raised_on) VALUES ('s1', 'c1', 'wider_community', '2026-05-01')",
        )
        .run(),
    ).toThrow(/NOT NULL/);
    db.prepare(
      "INSERT INTO systemic_issues (id, case_id, area, issue, raised_on) VALUES ('s1', 'c1', 'wider_community', 'No UASC school places', '2026-05-01')",
    ).run();
    expect(db.prepare('SELECT detail, deleted_at FROM systemic_issues').get()).toEqual({
      detail: '',
      deleted_at: null,
    });
  });
});
