import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { m0001 } from '../../../electron/core/db/migrations/0001-initial';
import { migrations } from '../../../electron/core/db/migrations/index';
import { migrationStores } from '../../helpers/migrations';

const stores = migrationStores();
const freshDb = () => stores.open();

describe('migration 0001-initial', () => {
  it('creates the draft, outbox and field-version tables and records version 1', () => {
    const db = freshDb();
    migrate(db, [m0001]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['meta', 'drafts', 'outbox', 'field_versions']));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('outbox mutation ids are unique, so a replayed change cannot be queued twice', () => {
    const db = freshDb();
    migrate(db, [m0001]);
    const insert = db.prepare(
      "INSERT INTO outbox (mutation_id, entity, entity_id, field, value, base_version, hlc, created_at) VALUES ('m1', 'e', 'i', 'f', '1', 0, 'h', 'now')",
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('the migration runner', () => {
  it('runs every pending migration once, and again does nothing', () => {
    const db = freshDb();
    const first = migrate(db);
    expect(first.from).toBe(0);
    expect(first.to).toBe(migrations[migrations.length - 1]!.version);
    expect(migrate(db)).toEqual({ from: first.to, to: first.to });
    db.close();
  });

  it('rolls back all pending migrations together when one fails', () => {
    const db = freshDb();
    const broken = {
      version: 2,
      name: '0002-broken',
      up: () => {
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [m0001, broken])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'drafts'").pluck().get()).toBe(0);
    db.close();
  });

  it('every migration file is listed in order with a name that matches its number', () => {
    migrations.forEach((m, i) => {
      expect(m.name.startsWith(String(m.version).padStart(4, '0'))).toBe(true);
      if (i > 0) expect(m.version).toBeGreaterThan(migrations[i - 1]!.version);
    });
  });
});
