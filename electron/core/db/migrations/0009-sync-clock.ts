import type { Migration } from '../migration';

/**
 * How far this computer's clock was from the service's at the last sync (this computer minus
 * the service), so the Sync screen can flag a clock more than a day off (docs/architecture.md, Sync: clocks).
 */
export const m0009: Migration = {
  version: 9,
  name: '0009-sync-clock',
  up(db) {
    db.exec('ALTER TABLE sync_account ADD COLUMN clock_offset_ms INTEGER');
  },
};
