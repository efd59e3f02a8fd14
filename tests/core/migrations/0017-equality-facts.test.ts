import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { m0017 } from '../../../electron/core/db/migrations/0017-equality-facts';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
const { before, through } = storeUpgrade(m0017);

describe('migration 0017 equality facts', () => {
  it('keeps every person and issue, with no ethnicity, disability status or closing day yet', () => {
    const db = stores.open(before);
    db.prepare("INSERT INTO people (id, first_name, disability) VALUES ('p1', 'Amira', 'Deaf; uses BSL')").run();
    db.prepare(
      "INSERT INTO referral_issues (id, referral_id, code, status, outcome) VALUES ('i1', 'r1', 'PLACEMENT', 'resolved', 'achieved')",
    ).run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(17);
    expect(db.prepare('SELECT first_name, disability, ethnicity, disability_status FROM people').get()).toEqual({
      first_name: 'Amira',
      disability: 'Deaf; uses BSL',
      ethnicity: null,
      disability_status: null,
    });
    expect(db.prepare('SELECT outcome, closed_on FROM referral_issues').get()).toEqual({
      outcome: 'achieved',
      closed_on: null,
    });
    db.prepare("UPDATE people SET ethnicity = 'BAFR', disability_status = 'yes' WHERE id = 'p1'").run();
    expect(db.prepare('SELECT ethnicity, disability_status FROM people').get()).toEqual({
      ethnicity: 'BAFR',
      disability_status: 'yes',
    });
  });
});
