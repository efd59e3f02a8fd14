import type { ServerMigration } from '../db/server-migration';

/**
 * The conversion of an organisation whose service held values from before encryption
 * (server/sync/convert.ts). Counts are kept across runs, so an interrupted conversion, run again,
 * still reports the whole; `plaintext_converted_at` set means no value from before is left and
 * laptops stop asking.
 */
export const s0009: ServerMigration = {
  version: 9,
  name: '0009-plaintext-conversion',
  sql: `
    ALTER TABLE organisations
      ADD COLUMN plaintext_converted_at timestamptz,
      ADD COLUMN plaintext_rows_converted bigint NOT NULL DEFAULT 0,
      ADD COLUMN plaintext_rows_removed bigint NOT NULL DEFAULT 0;
  `,
};
