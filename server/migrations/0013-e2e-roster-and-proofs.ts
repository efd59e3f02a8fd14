import type { ServerMigration } from '../db/server-migration';

/**
 * What 0008 lacked (docs/e2e.md, Admitting a laptop):
 * - wrapped_keys.proof: a MAC the wrapping manager's laptop adds, under the enrolment secret or the
 *   previous epoch's key, so a laptop takes a key only from someone who holds one already, never
 *   from the service.
 * - key_rosters: the organisation's roster of admitted laptops, sealed under its data key on a
 *   manager's laptop. The service keeps it opaque; `version` only grows, so an older copy is
 *   never put back over a newer one.
 */
export const s0013: ServerMigration = {
  version: 13,
  name: '0013-e2e-roster-and-proofs',
  sql: `
    ALTER TABLE wrapped_keys ADD COLUMN proof text NOT NULL DEFAULT '';
    CREATE TABLE key_rosters (
      organisation_id uuid PRIMARY KEY REFERENCES organisations (id),
      epoch integer NOT NULL,
      version bigint NOT NULL CHECK (version >= 1),
      sealed text NOT NULL,
      updated_by uuid NOT NULL REFERENCES devices (id),
      updated_at timestamptz NOT NULL,
      FOREIGN KEY (organisation_id, epoch) REFERENCES key_epochs (organisation_id, epoch)
    );
  `,
};
