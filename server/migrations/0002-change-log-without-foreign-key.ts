import type { ServerMigration } from '../db/server-migration';

/**
 * The change log's rows are written only by the service, for the organisation of the device
 * that signed in, so the foreign key to `organisations` guarded nothing a request could reach;
 * checking it row by row cost about a quarter of the time of writing a pushed batch (measured
 * with `npm run bench -- sync`). The organisation row is still locked by every push, which
 * updates its `last_seq`.
 */
export const s0002: ServerMigration = {
  version: 2,
  name: '0002-change-log-without-foreign-key',
  sql: `ALTER TABLE changes DROP CONSTRAINT changes_organisation_id_fkey;`,
};
