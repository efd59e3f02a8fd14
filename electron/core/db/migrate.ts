import { AppError } from '../../../shared/ipc/errors';
import type { Db } from './database';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations/index';

export function latestVersion(migrations: readonly Migration[] = allMigrations): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Runs every pending migration in one transaction and records the result in `user_version`.
 * A database written by a newer Heard is left exactly as it is.
 */
export function migrate(db: Db, migrations: readonly Migration[] = allMigrations): { from: number; to: number } {
  checkOrder(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = latestVersion(migrations);
  if (from > to) {
    throw new AppError(
      'database_newer',
      'These records were saved by a newer version of Heard. Please update Heard to open them. Nothing has been changed.',
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${to}`);
  }).immediate();
  return { from, to };
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const before = migrations[i - 1];
    if (before && m.version <= before.version) throw new Error(`Migration ${m.name} must come after ${before.name}.`);
    if (!m.name.startsWith(String(m.version).padStart(4, '0')))
      throw new Error(`Migration ${m.name} does not match its version ${m.version}.`);
  });
}
