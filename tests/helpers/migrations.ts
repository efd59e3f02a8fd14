import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openEncrypted, type Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import type { Migration } from '../../electron/core/db/migration';
import { migrations } from '../../electron/core/db/migrations/index';

/** The store migrations before `version`, and the same list with `migration` added: an upgrade from the version before. */
export function storeUpgrade(migration: Migration): { before: Migration[]; through: Migration[] } {
  const before = migrations.filter((m) => m.version < migration.version);
  return { before, through: [...before, migration] };
}

/**
 * Real encrypted store files for migration tests, each in its own temp folder, closed and removed
 * after every test. `open(upTo)` migrates a new store with the given migrations first.
 */
export function migrationStores(): { open(upTo?: readonly Migration[]): Db } {
  const made: { db: Db; dir: string }[] = [];
  afterEach(() => {
    for (const { db, dir } of made.splice(0)) {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return {
    open(upTo = []) {
      const dir = mkdtempSync(join(tmpdir(), 'heard-migration-'));
      const db = openEncrypted(join(dir, 'test.db'), randomBytes(32));
      made.push({ db, dir });
      if (upTo.length > 0) migrate(db, upTo);
      return db;
    },
  };
}
