import type { Migration } from '../migration';

/**
 * Deleted records the service has purged but this computer had to keep for a while: an edit of
 * its own was still on the way, or a person had a conflict about the record to decide. Sync
 * removes each one once both are settled, so the words do not stay on the laptop for good.
 */
export const m0010: Migration = {
  version: 10,
  name: '0010-sync-pending-tombstones',
  up(db) {
    db.exec(`
      CREATE TABLE sync_pending_tombstones (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
