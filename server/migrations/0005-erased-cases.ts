import type { ServerMigration } from '../db/server-migration';

/**
 * Cases erased at the end of their retention period. Only the id and when: enough to refuse an
 * edit that arrives later from a laptop that was offline, so the case is not brought back.
 */
export const s0005: ServerMigration = {
  version: 5,
  name: '0005-erased-cases',
  sql: `
    CREATE TABLE erased_cases (
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      case_id text NOT NULL,
      erased_at timestamptz NOT NULL,
      rule text NOT NULL,
      PRIMARY KEY (organisation_id, case_id)
    );
  `,
};
