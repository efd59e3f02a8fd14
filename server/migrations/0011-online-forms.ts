import type { ServerMigration } from '../db/server-migration';

/**
 * Online referrals and feedback (docs/e2e.md, Online forms). The service keeps ciphertext only.
 * - intake_keys: the public half of each epoch's intake key, published by a manager's laptop.
 * - intake_submissions: a referral or feedback answer sealed in the browser (HPKE), kept until a
 *   manager's laptop has written it into its store and acknowledged it; `reference` is the number
 *   the referrer was given.
 * - intake_daily: submissions accepted per organisation per day, for the daily cap.
 * - feedback_links: one-time links; only the token's hash is kept. `used_at` is set once.
 */
export const s0011: ServerMigration = {
  version: 11,
  name: '0011-online-forms',
  sql: `
    CREATE TABLE intake_keys (
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      epoch integer NOT NULL CHECK (epoch >= 1),
      public_key text NOT NULL,
      published_by uuid NOT NULL REFERENCES devices (id),
      published_at timestamptz NOT NULL,
      PRIMARY KEY (organisation_id, epoch)
    );
    CREATE TABLE feedback_links (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      case_id text NOT NULL,
      audience text NOT NULL CHECK (audience IN ('young_person', 'parent', 'carer', 'professional')),
      token_hash bytea NOT NULL UNIQUE,
      created_by uuid NOT NULL REFERENCES devices (id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE TABLE intake_submissions (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      kind text NOT NULL CHECK (kind IN ('referral', 'feedback')),
      reference text NOT NULL,
      epoch integer NOT NULL,
      enc text NOT NULL,
      ciphertext text NOT NULL,
      link_id uuid REFERENCES feedback_links (id),
      received_at timestamptz NOT NULL
    );
    CREATE INDEX intake_submissions_by_org ON intake_submissions (organisation_id, received_at);
    CREATE TABLE intake_daily (
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      day date NOT NULL,
      accepted integer NOT NULL DEFAULT 0,
      PRIMARY KEY (organisation_id, day)
    );
  `,
};
