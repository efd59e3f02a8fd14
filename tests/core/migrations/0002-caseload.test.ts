import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { m0001 } from '../../../electron/core/db/migrations/0001-initial';
import { m0002 } from '../../../electron/core/db/migrations/0002-caseload';
import { migrationStores } from '../../helpers/migrations';

const stores = migrationStores();
let db: Db;

const search = (q: string) =>
  db
    .prepare(
      'SELECT k.referral_id FROM caseload_fts f JOIN caseload_search_keys k ON k.k = f.rowid WHERE caseload_fts MATCH ?',
    )
    .pluck()
    .all(q);

describe('migration 0002 caseload', () => {
  it('upgrades a version 1 store and keeps its rows', () => {
    db = stores.open();
    migrate(db, [m0001]);
    db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', 'd1')").run();
    migrate(db, [m0001, m0002]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get()).toBe('d1');
    for (const t of ['people', 'referrals', 'referral_issues', 'advocates']) {
      const cols = db.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all();
      expect(cols).toContain('deleted_at');
    }
  });

  it('refuses two referrals with the same reference', () => {
    db = stores.open();
    migrate(db, [m0001, m0002]);
    db.prepare("INSERT INTO referrals (id, reference) VALUES ('a', 'R-1')").run();
    expect(() => db.prepare("INSERT INTO referrals (id, reference) VALUES ('b', 'R-1')").run()).toThrow();
  });

  it('keeps the search index in step with names, issue words and deletes', () => {
    db = stores.open();
    migrate(db, [m0001, m0002]);
    // Out of order on purpose, as sync may deliver them: issue, then referral, then person.
    db.prepare(
      "INSERT INTO referral_issues (id, referral_id, code, description) VALUES ('i1', 'r1', 'PLACEMENT', 'I want to live nearer my brother')",
    ).run();
    db.prepare("INSERT INTO referrals (id, reference, person_id) VALUES ('r1', 'HRD-0001', 'p1')").run();
    db.prepare("INSERT INTO people (id, first_name, last_name) VALUES ('p1', 'Amira', 'Haddad')").run();
    expect(search('brother')).toEqual(['r1']);
    expect(search('amira')).toEqual(['r1']);
    expect(search('"HRD"*')).toEqual(['r1']);
    db.prepare("UPDATE people SET preferred_name = 'Mira' WHERE id = 'p1'").run();
    expect(search('mira')).toEqual(['r1']);
    db.prepare("UPDATE referral_issues SET description = 'school transport' WHERE id = 'i1'").run();
    expect(search('brother')).toEqual([]);
    expect(search('transport')).toEqual(['r1']);
    db.prepare("UPDATE referrals SET deleted_at = '2026-01-01' WHERE id = 'r1'").run();
    expect(search('transport')).toEqual([]);
  });
});
