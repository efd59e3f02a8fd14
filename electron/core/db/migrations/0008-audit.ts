import type { Migration } from '../migration';

/**
 * The audit trail: who opened, changed, exported, printed, sent or synced a case on this device,
 * and failed unlocks. Append-only and hash-chained (see core/audit/hash-chain.ts). It holds
 * method names, case ids, device ids and times only: never a record's contents.
 *
 * The triggers stop ordinary code (including generic "delete everything about this case" code)
 * from rewriting history; anyone who bypasses them breaks the chain, which `audit-check` reports.
 */
export const m0008: Migration = {
  version: 8,
  name: '0008-audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        device_id TEXT NOT NULL,
        action TEXT NOT NULL,
        method TEXT,
        case_id TEXT,
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;

      CREATE INDEX audit_log_by_case ON audit_log (case_id, seq) WHERE case_id IS NOT NULL;

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END;

      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END;
    `);
  },
};
