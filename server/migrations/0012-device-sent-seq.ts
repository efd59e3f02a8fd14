import type { ServerMigration } from '../db/server-migration';

/**
 * The furthest cursor the service has handed each device. What a device reports as applied is
 * held to it, so no device can claim to have applied what it was never sent; and an
 * administrator can see a device that was sent far more than it says it applied (a laptop that
 * reports nothing applied holds every purge back). Existing devices start from what they last
 * reported, so no report already made is lowered. Also an index for counting the edits a former
 * holder's device has left for a case's holder.
 */
export const s0012: ServerMigration = {
  version: 12,
  name: '0012-device-sent-seq',
  sql: `
    ALTER TABLE devices ADD COLUMN sent_seq bigint NOT NULL DEFAULT 0;
    UPDATE devices SET sent_seq = synced_seq;
    -- How many edits a former holder's device left for a case's holder today (access.ts,
    -- formerHolderBudget): without it, every such edit would read the organisation's conflicts.
    CREATE INDEX conflicts_kept_by_device ON conflicts (edit_device, created_at) WHERE reason = 'not_allocated';
  `,
};
