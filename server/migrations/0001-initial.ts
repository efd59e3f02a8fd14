import type { ServerMigration } from '../db/server-migration';

/**
 * The service's store: who may sync (organisations, users, devices, codes and tokens, kept only
 * as hashes), the ordered change log, each field's current value and version, conflicts with both
 * sides, case allocations, and an audit trail of every request.
 */
export const s0001: ServerMigration = {
  version: 1,
  name: '0001-initial',
  sql: `
    CREATE TABLE organisations (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      -- Last sequence number handed out; only changed under the organisation's advisory lock.
      last_seq bigint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      name text NOT NULL,
      email text NOT NULL,
      role text NOT NULL CHECK (role IN ('advocate', 'manager', 'admin')),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, email)
    );

    CREATE TABLE devices (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      user_id uuid NOT NULL REFERENCES users (id),
      name text NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'wipe', 'wiped')),
      status_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      status_changed_at timestamptz,
      last_seen_at timestamptz
    );

    CREATE TABLE enrolment_codes (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      user_id uuid NOT NULL REFERENCES users (id),
      code_hash bytea NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      device_id uuid REFERENCES devices (id),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY,
      device_id uuid NOT NULL REFERENCES devices (id),
      token_hash bytea NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      -- The token issued in exchange for this one, and whether it was cancelled by a retry.
      replaced_by uuid,
      revoked_at timestamptz
    );

    CREATE TABLE access_tokens (
      token_hash bytea PRIMARY KEY,
      device_id uuid NOT NULL REFERENCES devices (id),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX access_tokens_by_device ON access_tokens (device_id);

    -- The log every device pulls from, in seq order. One row per mutation (applied, no-op,
    -- superseded or conflict), per allocation and per conflict resolution.
    CREATE TABLE changes (
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      seq bigint NOT NULL,
      kind text NOT NULL,
      entity text,
      entity_id text,
      case_id text,
      field text,
      value jsonb,
      version bigint,
      user_id uuid,
      device_id uuid,
      hlc text,
      mutation_id uuid UNIQUE,
      conflict_id uuid,
      from_user uuid,
      to_user uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organisation_id, seq)
    );

    CREATE TABLE field_state (
      organisation_id uuid NOT NULL,
      entity text NOT NULL,
      entity_id text NOT NULL,
      field text NOT NULL,
      case_id text,
      value jsonb NOT NULL,
      version bigint NOT NULL,
      user_id uuid,
      device_id uuid,
      hlc text,
      seq bigint NOT NULL,
      PRIMARY KEY (organisation_id, entity, entity_id, field)
    );
    CREATE INDEX field_state_by_case ON field_state (organisation_id, case_id);

    CREATE TABLE conflicts (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      entity text NOT NULL,
      entity_id text NOT NULL,
      case_id text,
      field text NOT NULL,
      reason text NOT NULL,
      edit_mutation_id uuid NOT NULL UNIQUE,
      edit_value jsonb NOT NULL,
      edit_user uuid,
      edit_device uuid,
      edit_hlc text,
      kept_value jsonb NOT NULL,
      kept_version bigint NOT NULL,
      kept_user uuid,
      kept_device uuid,
      kept_hlc text,
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolved_by uuid,
      resolution text
    );
    CREATE INDEX conflicts_open ON conflicts (organisation_id, case_id) WHERE resolved_at IS NULL;

    CREATE TABLE allocations (
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      case_id text NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id),
      allocated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organisation_id, case_id)
    );
    CREATE INDEX allocations_by_user ON allocations (organisation_id, user_id);

    CREATE TABLE audit (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      organisation_id uuid,
      user_id uuid,
      device_id uuid,
      action text NOT NULL,
      case_id text,
      status integer,
      detail text
    );
    CREATE INDEX audit_by_case ON audit (organisation_id, case_id, at);
  `,
};
