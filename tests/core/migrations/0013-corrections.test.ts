import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { m0013 } from '../../../electron/core/db/migrations/0013-corrections';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
const { before, through } = storeUpgrade(m0013);

describe('migration 0013 corrections', () => {
  it('keeps existing people, and a correction once written cannot be rewritten or tombstoned', () => {
    const db = stores.open(before);
    db.prepare("INSERT INTO people (id, first_name, gender) VALUES ('p1', 'Amira', 'male')").run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(db.prepare('SELECT first_name, gender FROM people').all()).toEqual([
      { first_name: 'Amira', gender: 'male' },
    ]);

    db.prepare(
      `INSERT INTO corrections (id, case_id, entity, record_id, corrected_at, corrected_by_name, reason, changes)
       VALUES ('c1', 'case1', 'person', 'p1', '2026-12-01T10:00:00Z', 'Sam', 'Typed in error', '[{"field":"gender","before":"male","after":"female"}]')`,
    ).run();
    expect(() => db.prepare("UPDATE corrections SET changes = '[]' WHERE id = 'c1'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare("UPDATE corrections SET reason = 'other' WHERE id = 'c1'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare("UPDATE corrections SET deleted_at = '2026-12-02' WHERE id = 'c1'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare("UPDATE corrections SET corrected_by_name = 'Someone else' WHERE id = 'c1'").run()).toThrow(
      /cannot be changed/,
    );
    // A field that arrives by sync after the rest may fill in what was empty.
    db.prepare(
      "INSERT INTO corrections (id, case_id, entity, record_id, corrected_at, changes) VALUES ('c2', 'case1', 'person', 'p1', '2026-12-01T11:00:00Z', '[]')",
    ).run();
    db.prepare("UPDATE corrections SET reason = 'Late words', corrected_by = 'adv-1' WHERE id = 'c2'").run();
    expect(db.prepare("SELECT reason, corrected_by FROM corrections WHERE id = 'c2'").get()).toEqual({
      reason: 'Late words',
      corrected_by: 'adv-1',
    });
    // The changes themselves must come with the first write.
    expect(() =>
      db
        .prepare(
          "INSERT INTO corrections (id, case_id, entity, record_id, corrected_at) VALUES ('c3', 'case1', 'person', 'p1', '2026-12-01T12:00:00Z')",
        )
        .run(),
    ).toThrow(/NOT NULL/);
    // Purging a case reallocated away, or erasing it at retention, removes rows outright.
    db.prepare("DELETE FROM corrections WHERE case_id = 'case1'").run();
    expect(db.prepare('SELECT count(*) FROM corrections').pluck().get()).toBe(0);
  });
});
