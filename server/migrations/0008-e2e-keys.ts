import type { ServerMigration } from '../db/server-migration';

/**
 * What the service keeps of end-to-end encryption (docs/e2e.md): public keys and wrapped keys,
 * never a key that opens anything. An organisation with a row in `key_epochs` has encryption on,
 * and from then on the service accepts no plain value but `deleted_at`.
 * - device_public_keys: each laptop's X25519 public key, set once; `enrolment_tag` is the HMAC a
 *   laptop enrolled with a manager-issued code sends, which only that manager's laptop can check.
 * - wrapped_keys: an epoch's data key wrapped (HPKE) to one laptop's public key, by a manager's laptop.
 * - recovery_keys / recovery_wraps: the printed recovery key's public half, and each epoch wrapped to it.
 * - key_rotation_due: set when a laptop that held the current epoch is revoked or wiped.
 */
export const s0008: ServerMigration = {
  version: 8,
  name: '0008-e2e-keys',
  sql: `
    CREATE TABLE device_public_keys (
      device_id uuid PRIMARY KEY REFERENCES devices (id),
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      public_key text NOT NULL,
      enrolment_tag text,
      created_at timestamptz NOT NULL
    );
    CREATE TABLE key_epochs (
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      epoch integer NOT NULL CHECK (epoch >= 1),
      created_by uuid NOT NULL REFERENCES devices (id),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (organisation_id, epoch)
    );
    CREATE TABLE wrapped_keys (
      organisation_id uuid NOT NULL,
      epoch integer NOT NULL,
      device_id uuid NOT NULL REFERENCES devices (id),
      wrapped text NOT NULL,
      wrapped_by uuid NOT NULL REFERENCES devices (id),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (organisation_id, epoch, device_id),
      FOREIGN KEY (organisation_id, epoch) REFERENCES key_epochs (organisation_id, epoch)
    );
    CREATE TABLE recovery_keys (
      organisation_id uuid PRIMARY KEY REFERENCES organisations (id),
      public_key text NOT NULL,
      created_by uuid NOT NULL REFERENCES devices (id),
      created_at timestamptz NOT NULL
    );
    CREATE TABLE recovery_wraps (
      organisation_id uuid NOT NULL,
      epoch integer NOT NULL,
      wrapped text NOT NULL,
      PRIMARY KEY (organisation_id, epoch),
      FOREIGN KEY (organisation_id, epoch) REFERENCES key_epochs (organisation_id, epoch)
    );
    ALTER TABLE organisations ADD COLUMN key_rotation_due boolean NOT NULL DEFAULT false;
  `,
};
