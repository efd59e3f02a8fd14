import type { ServerMigration } from '../db/server-migration';

/**
 * Every case id the service has ever met, with the device that first pushed it. A case id is
 * given to a device only when it is new here, so this list is never shortened (an erased case
 * keeps its row beside `erased_cases`); it also counts how many new cases one device made in the
 * last hour. Cases already on the service are entered with no device.
 */
export const s0007: ServerMigration = {
  version: 7,
  name: '0007-case-origins',
  sql: `
    CREATE TABLE case_origins (
      organisation_id uuid NOT NULL,
      case_id text NOT NULL,
      device_id uuid,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (organisation_id, case_id)
    );
    CREATE INDEX case_origins_by_device ON case_origins (device_id, created_at) WHERE device_id IS NOT NULL;
    INSERT INTO case_origins (organisation_id, case_id, device_id, created_at)
      SELECT organisation_id, case_id, NULL::uuid, now() FROM field_state WHERE case_id IS NOT NULL
      UNION SELECT organisation_id, case_id, NULL::uuid, now() FROM allocations
      UNION SELECT organisation_id, case_id, NULL::uuid, now() FROM erased_cases;
  `,
};
