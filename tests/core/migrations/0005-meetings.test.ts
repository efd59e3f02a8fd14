import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { m0001 } from '../../../electron/core/db/migrations/0001-initial';
import { m0005 } from '../../../electron/core/db/migrations/0005-meetings';
import { meetingsEntities } from '../../../electron/core/meetings/entities';
import { migrationStores } from '../../helpers/migrations';

const stores = migrationStores();
let db: Db;

describe('migration 0005 meetings', () => {
  it('upgrades an earlier store, keeps its rows, and gives every synced table a tombstone and no foreign keys', () => {
    db = stores.open();
    migrate(db, [m0001]);
    db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', 'd1')").run();
    migrate(db, [m0001, m0005]);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get()).toBe('d1');
    for (const spec of Object.values(meetingsEntities)) {
      const cols = db.prepare(`SELECT name FROM pragma_table_info('${spec.table}')`).pluck().all() as string[];
      expect(cols).toContain('deleted_at');
      for (const f of spec.fields) expect(cols, `${spec.table}.${f}`).toContain(f);
      expect(db.prepare(`SELECT COUNT(*) FROM pragma_foreign_key_list('${spec.table}')`).pluck().get()).toBe(0);
    }
  });

  it('accepts a statement version whose statement has not arrived yet (sync order)', () => {
    db = stores.open();
    migrate(db, [m0001, m0005]);
    db.prepare(
      "INSERT INTO meeting_statement_versions (id, case_id, statement_id, sections, saved_at, saved_in) VALUES ('v', 'c', 'missing', '[]', 'x', 'advocate')",
    ).run();
    expect(db.prepare('SELECT COUNT(*) FROM meeting_statement_versions').pluck().get()).toBe(1);
  });
});
