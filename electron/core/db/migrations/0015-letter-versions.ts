import type { Migration } from '../migration';

/**
 * Letters that cannot change once sent. A correction is a new letter that points back at the one
 * it corrects (`version_of`, `version`) and says what changed (`change_note`). When a letter is
 * recorded as sent, the [placeholders] the advocate chose to leave in it are kept with it
 * (`placeholders_left`, a JSON array), so exporting it again asks nothing twice.
 */
export const m0015: Migration = {
  version: 15,
  name: '0015-letter-versions',
  up(db) {
    db.exec(`
      ALTER TABLE letters ADD COLUMN version INTEGER;
      ALTER TABLE letters ADD COLUMN version_of TEXT;
      ALTER TABLE letters ADD COLUMN change_note TEXT;
      ALTER TABLE letters ADD COLUMN placeholders_left TEXT;
      CREATE INDEX letters_by_complaint ON letters (complaint_id) WHERE deleted_at IS NULL AND complaint_id IS NOT NULL;
      CREATE INDEX letters_by_version_of ON letters (version_of) WHERE version_of IS NOT NULL;
    `);
  },
};
