import type { ServerMigration } from '../db/server-migration';

/**
 * The seq each device has applied up to (the `after` of its latest pull: a device stores its
 * cursor with the changes it applied, so it asks only for what follows). A deleted record's
 * contents may be purged only once every active device is past its deletion (docs/architecture.md, Sync: allocation and purges).
 */
export const s0004: ServerMigration = {
  version: 4,
  name: '0004-device-synced-seq',
  sql: `ALTER TABLE devices ADD COLUMN synced_seq bigint NOT NULL DEFAULT 0;`,
};
