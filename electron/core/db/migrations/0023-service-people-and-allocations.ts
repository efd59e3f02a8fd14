import type { Migration } from '../migration';

/**
 * The service's people become the list of advocates, and a manager's allocation becomes the
 * service's (shared/sync/team-protocol.ts).
 *
 * - `advocates.service_status`: 'active' or 'inactive' for a person the service sent (their record
 *   id is their id on the service); null for one typed by hand on this computer. The hand-typed
 *   ones are kept, with every case allocated to them: a laptop with no service still allocates
 *   to them, and a connected one shows their names on the cases they hold until a manager
 *   allocates those cases again to someone on the service.
 * - `case_allocations`: the organisation record a manager's laptop writes to allocate a case
 *   (record id = the case id), synced to managers' laptops only.
 */
export const m0023: Migration = {
  version: 23,
  name: '0023-service-people-and-allocations',
  up(db) {
    db.exec(`
      ALTER TABLE advocates ADD COLUMN service_status TEXT CHECK (service_status IN ('active', 'inactive'));
      CREATE TABLE case_allocations (
        id TEXT PRIMARY KEY,
        user_id TEXT,
        deleted_at TEXT
      ) STRICT;
    `);
  },
};
