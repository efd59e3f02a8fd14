import type { ServerMigration } from '../db/server-migration';

/**
 * Mutation ids are unique within an organisation, not across the service: with one index for
 * every organisation, a device could push another organisation's mutation id and learn from the
 * answer ("duplicate", or a refusal) that it exists. Each request now writes one audit row with
 * the number of cases it touched (a pull of a thousand cases wrote a thousand rows). The partial
 * index finds a case's allocation history without reading its whole log: who has held a case
 * decides whether a late edit to it is kept for its holder.
 */
export const s0006: ServerMigration = {
  version: 6,
  name: '0006-mutation-ids-per-organisation',
  sql: `
    ALTER TABLE changes DROP CONSTRAINT changes_mutation_id_key;
    CREATE UNIQUE INDEX changes_mutation_per_org ON changes (organisation_id, mutation_id);
    ALTER TABLE conflicts DROP CONSTRAINT conflicts_edit_mutation_id_key;
    CREATE UNIQUE INDEX conflicts_edit_mutation_per_org ON conflicts (organisation_id, edit_mutation_id);
    ALTER TABLE audit ADD COLUMN case_count integer;
    CREATE INDEX changes_allocations_by_case ON changes (organisation_id, case_id) WHERE kind = 'allocation';
  `,
};
