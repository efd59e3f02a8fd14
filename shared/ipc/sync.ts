import { z } from 'zod';
import { changes, notAudited, recordsItself } from './audit-spec';
import { method } from './define';

export const syncStatusSchema = z.object({
  connected: z.boolean(),
  serviceUrl: z.string().nullable(),
  userName: z.string().nullable(),
  organisationName: z.string().nullable(),
  role: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
  /** Changes made here that the service has not yet acknowledged. */
  waiting: z.number().int(),
  conflicts: z.number().int(),
  lastError: z.string().nullable(),
  /**
   * 'notice': the last sync worked and `lastError` says what became of changes the service did
   * not take (some will not be sent again); 'failed': it did not work, and what waits will be sent later.
   */
  lastErrorKind: z.enum(['failed', 'notice']).nullable(),
  /** This computer's clock minus the service's at the last sync; null before the first. */
  clockOffsetMs: z.number().nullable(),
  /**
   * On a manager's laptop: the last conversion of the service's records from before encryption
   * (sealed here, plain copies removed from the service). Absent where none has run.
   */
  conversion: z
    .object({
      converted: z.number().int(),
      removed: z.number().int(),
      remaining: z.number().int(),
      done: z.boolean(),
      at: z.string(),
    })
    .nullable()
    .optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncConflictSchema = z.object({
  id: z.string(),
  entity: z.string(),
  entityId: z.string(),
  caseId: z.string().nullable(),
  field: z.string(),
  reason: z.string(),
  mine: z.boolean(),
  editValue: z.unknown(),
  keptValue: z.unknown(),
  editAuthor: z.string().nullable(),
  keptAuthor: z.string().nullable(),
  editHlc: z.string().nullable(),
  keptHlc: z.string().nullable(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

export const syncNoticeSchema = z
  .object({ kind: z.enum(['revoked', 'wiped']), message: z.string(), at: z.string() })
  .nullable();

export const syncMethods = {
  'sync.status': method(z.object({}).strict(), syncStatusSchema, {
    audit: notAudited('the state of the connection; nothing about a child'),
  }),
  'sync.connect': method(
    z
      .object({
        serviceUrl: z.string().trim().min(1, 'Enter the service address.').max(2048),
        code: z.string().trim().min(8, 'Enter the enrolment code from your manager.').max(100),
      })
      .strict(),
    syncStatusSchema,
    { audit: notAudited('enrols this computer with the service; nothing about a child') },
  ),
  'sync.now': method(
    z.object({}).strict(),
    z.object({
      pushed: z.number().int(),
      pulled: z.number().int(),
      conflicts: z.number().int(),
      purged: z.number().int(),
    }),
    { audit: recordsItself('each sync run records itself, with its counts') },
  ),
  'sync.conflicts': method(z.object({}).strict(), z.array(syncConflictSchema), {
    audit: notAudited('the list of conflicts across the caseload; resolving one is recorded'),
  }),
  'sync.resolve': method(
    z
      .object({
        id: z.string().min(1).max(64),
        choice: z.enum(['kept', 'edit', 'merged']),
        merged: z.string().max(1_000_000).optional(),
      })
      .strict(),
    z.object({ ok: z.literal(true) }),
    { audit: changes('a record in conflict', { record: 'id' }) },
  ),
  /** Why this computer's records were removed (revoked or wiped by the service), readable while locked. */
  'sync.notice': method(z.object({}).strict(), syncNoticeSchema, {
    needsUnlock: false,
    audit: notAudited('a message from the service to this computer'),
  }),
  'sync.dismissNotice': method(z.object({}).strict(), z.object({ ok: z.literal(true) }), {
    needsUnlock: false,
    audit: notAudited('a message from the service to this computer'),
  }),
};
