import { describe, expect, it } from 'vitest';
import { unmatchedCouncils } from '../../../electron/core/caseload/councils';
import type { Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { m0011 } from '../../../electron/core/db/migrations/0011-council-codes';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
const { before, through } = storeUpgrade(m0011);
let db: Db;

function storeAt10(): void {
  db = stores.open(before);
  db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', 'laptop-1')").run();
  const person = db.prepare('INSERT INTO people (id, first_name, local_authority) VALUES (?, ?, ?)');
  const referral = db.prepare(
    "INSERT INTO referrals (id, reference, person_id, created_at) VALUES (?, ?, ?, '2026-01-01T09:00:00Z')",
  );
  const typed: Array<[string, string | null]> = [
    ['p1', 'Lancashire County Council'],
    ['p2', 'lancs'],
    ['p3', 'E10000017'],
    ['p4', 'Lancshire'],
    ['p5', 'Cumbria'],
    ['p6', null],
    ['p7', '  Kensington & Chelsea  '],
  ];
  for (const [id, la] of typed) {
    person.run(id, `Name ${id}`, la);
    referral.run(`c-${id}`, `REF-${id}`, id);
  }
  // p1 came from the service at version 3: the change must be sent against that version.
  db.prepare(
    "INSERT INTO field_versions (entity, entity_id, field, version) VALUES ('person', 'p1', 'local_authority', 3)",
  ).run();
  db.prepare(
    "INSERT INTO sync_record_cases (entity, entity_id, case_id) VALUES ('person', 'p1', 'case-from-service')",
  ).run();
}

describe('migration 0011 council codes', () => {
  it('keeps a council typed so that it names one council as its ONS code, and sends the change like an edit', () => {
    storeAt10();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    const stored = Object.fromEntries(
      (
        db.prepare('SELECT id, local_authority FROM people ORDER BY id').all() as Array<{
          id: string;
          local_authority: string | null;
        }>
      ).map((r) => [r.id, r.local_authority]),
    );
    expect(stored).toEqual({
      p1: 'E10000017',
      p2: 'E10000017',
      p3: 'E10000017',
      p4: 'Lancshire',
      p5: 'Cumbria',
      p6: null,
      p7: 'E09000020',
    });

    const outbox = db
      .prepare('SELECT entity, entity_id, case_id, field, value, base_version, hlc FROM outbox ORDER BY entity_id')
      .all() as Array<Record<string, unknown>>;
    expect(outbox.map((o) => [o.entity_id, o.case_id, o.field, o.value, o.base_version])).toEqual([
      ['p1', 'case-from-service', 'local_authority', '"E10000017"', 3],
      ['p2', 'c-p2', 'local_authority', '"E10000017"', 0],
      ['p7', 'c-p7', 'local_authority', '"E09000020"', 0],
    ]);
    expect(outbox.every((o) => String(o.hlc).endsWith('-laptop-1'))).toBe(true);
  });

  it('leaves a misspelt council, or one that covers several, as typed and lists it for the advocate to choose', () => {
    storeAt10();
    migrate(db, through);
    expect(unmatchedCouncils(db).map((u) => [u.reference, u.typed, u.suggestions])).toEqual([
      ['REF-p4', 'Lancshire', ['E10000017']],
      ['REF-p5', 'Cumbria', ['E06000063', 'E06000064']],
    ]);
  });

  it('runs on a new store with nothing to change, and makes no device id it does not need', () => {
    db = stores.open(through);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM meta WHERE key = 'device_id'").pluck().get()).toBe(0);
  });
});
