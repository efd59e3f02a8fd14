import type { ServerMigration } from '../db/server-migration';

/**
 * When a person's account was closed, for the managers' People screen, and who added each person
 * (a manager's user id; null for the admin command line and for people added before this).
 * A closed account is never deleted: its name stays on the cases and audit rows it touched.
 */
export const s0015: ServerMigration = {
  version: 15,
  name: '0015-people-deactivation',
  sql: `
    ALTER TABLE users ADD COLUMN deactivated_at timestamptz;
    ALTER TABLE users ADD COLUMN added_by uuid REFERENCES users (id);
    UPDATE users SET deactivated_at = now() WHERE NOT active;
  `,
};
