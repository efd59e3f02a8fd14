import type { ServerMigration } from '../db/server-migration';

/**
 * How far each device's clock is from the service's, as it said when it last pulled, so the
 * device list can flag a clock more than a day off (a wrong clock never blocks sync: ordering is the service's sequence).
 */
export const s0003: ServerMigration = {
  version: 3,
  name: '0003-device-clock',
  sql: `ALTER TABLE devices ADD COLUMN clock_offset_ms bigint, ADD COLUMN clock_checked_at timestamptz;`,
};
