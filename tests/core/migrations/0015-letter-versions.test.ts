import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { m0015 } from '../../../electron/core/db/migrations/0015-letter-versions';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
const { before, through } = storeUpgrade(m0015);

describe('migration 0015 letter versions', () => {
  it('keeps every letter as it was, as a first version with nothing left in it yet', () => {
    const db = stores.open(before);
    db.prepare(
      `INSERT INTO letters (id, case_id, template_id, complaint_id, title, body, sent_on, sent_method)
       VALUES ('l1', 'c1', 'stage1-complaint', 'k1', 'Stage 1 complaint', '{"type":"doc","content":[]}', '2026-03-02', 'email')`,
    ).run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(15);
    expect(
      db.prepare('SELECT id, title, sent_on, version, version_of, change_note, placeholders_left FROM letters').all(),
    ).toEqual([
      {
        id: 'l1',
        title: 'Stage 1 complaint',
        sent_on: '2026-03-02',
        version: null,
        version_of: null,
        change_note: null,
        placeholders_left: null,
      },
    ]);
    db.prepare(
      "INSERT INTO letters (id, case_id, title, body, version, version_of, change_note) VALUES ('l2', 'c1', 'Stage 1 complaint', '{}', 2, 'l1', 'Date of birth corrected')",
    ).run();
    expect(db.prepare("SELECT id FROM letters WHERE version_of = 'l1'").pluck().all()).toEqual(['l2']);
  });
});
