import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted, type Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations/index';

let dir: string;
let db: Db;

afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 0018 systemic issues', () => {
  it('adds an empty log that needs an area, an issue and a date, and keeps existing contacts', () => {
    dir = mkdtempSync(join(tmpdir(), 'heard-m0018-'));
    db = openEncrypted(join(dir, 'test.db'), randomBytes(32));
    migrate(db, migrations.filter((m) => m.version < 18));
    db.prepare("INSERT INTO contacts (id, case_id, type, occurred_at) VALUES ('k1', 'c1', 'visit', '2026-05-01T10:00')").run();
    migrate(db, migrations);
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    expect(db.prepare('SELECT count(*) FROM systemic_issues').pluck().get()).toBe(0);
    expect(db.prepare('SELECT id FROM contacts').pluck().all()).toEqual(['k1']);
    expect(() => db.prepare("INSERT INTO systemic_issues (id, case_id, area, raised_on) VALUES ('s1', 'c1', 'wider_community', '2026-05-01')").run()).toThrow(/NOT NULL/);
    db.prepare("INSERT INTO systemic_issues (id, case_id, area, issue, raised_on) VALUES ('s1', 'c1', 'wider_community', 'No UASC school places', '2026-05-01')").run();
    expect(db.prepare('SELECT detail, deleted_at FROM systemic_issues').get()).toEqual({ detail: '', deleted_at: null });
  });
});
