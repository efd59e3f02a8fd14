import type { ServerMigration } from '../db/server-migration';

/**
 * The service's people become the laptops' list of advocates. From now on the service writes an
 * `advocate` organisation record (record id = the user's id; name, role and service_status) into
 * the change log whenever a person is added, changed or deactivated (server/team/roster.ts);
 * this writes one for every advocate and manager already here, so laptops already connected
 * receive the whole list at their next pull. A person who already has a record is left alone.
 */
export const s0016: ServerMigration = {
  version: 16,
  name: '0016-roster-in-change-log',
  sql: `
    WITH u AS (
      SELECT u.organisation_id, u.id::text AS entity_id, f.field, f.value,
             row_number() OVER (PARTITION BY u.organisation_id ORDER BY u.created_at, u.id, f.field) AS n
        FROM users u
        CROSS JOIN LATERAL (VALUES ('name', to_jsonb(u.name)), ('role', to_jsonb(u.role)),
                                   ('service_status', to_jsonb(CASE WHEN u.active THEN 'active' ELSE 'inactive' END))) AS f(field, value)
       WHERE u.role IN ('advocate', 'manager')
         AND NOT EXISTS (SELECT 1 FROM field_state s WHERE s.organisation_id = u.organisation_id AND s.entity = 'advocate' AND s.entity_id = u.id::text)
    ),
    counts AS (SELECT organisation_id, count(*) AS n FROM u GROUP BY organisation_id),
    bumped AS (
      UPDATE organisations o SET last_seq = o.last_seq + c.n FROM counts c WHERE o.id = c.organisation_id
      RETURNING o.id, o.last_seq - c.n AS base
    ),
    logged AS (
      INSERT INTO changes (organisation_id, seq, kind, entity, entity_id, case_id, field, value, version)
      SELECT u.organisation_id, b.base + u.n, 'change', 'advocate', u.entity_id, NULL, u.field, u.value, 1 FROM u JOIN bumped b ON b.id = u.organisation_id
    )
    INSERT INTO field_state (organisation_id, entity, entity_id, field, case_id, value, version, seq)
    SELECT u.organisation_id, 'advocate', u.entity_id, u.field, NULL, u.value, 1, b.base + u.n FROM u JOIN bumped b ON b.id = u.organisation_id;
  `,
};
