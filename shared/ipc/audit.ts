import { z } from 'zod';
import { notAudited } from './audit-spec';
import { method } from './define';

/** The audit trail on this device: who opened, changed, exported, printed, sent or synced what, and when. */
export const auditActionSchema = z.enum([
  'case-opened',
  'edited',
  /** A saved detail was corrected; the detail names the fields, never their values. */
  'corrected',
  'exported',
  'printed',
  'letter-sent',
  'synced',
  'unlocked',
  'unlock-failed',
  'retention-deleted',
  'backup-made',
  'restored',
  'subject-access-export',
  /** A referral or feedback form written from the service's online form at a manager's sync. */
  'received-online',
]);
export type AuditActionName = z.infer<typeof auditActionSchema>;

/** Each action in words, for entries that carry no more detail than the action itself. */
export const auditActionLabels: Record<AuditActionName, string> = {
  'case-opened': 'Opened the case',
  edited: 'Changed records',
  corrected: 'Corrected a saved detail',
  exported: 'Exported',
  printed: 'Printed',
  'letter-sent': 'Sent a letter',
  synced: 'Synced with the service',
  unlocked: 'Unlocked Heard',
  'unlock-failed': 'Wrong passphrase entered',
  'retention-deleted': 'Deleted at the end of its retention period',
  'backup-made': 'Made a backup',
  restored: 'Restored from a backup',
  'subject-access-export': 'Exported for a subject access request',
  'received-online': 'Received through the online form',
};

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  deviceId: z.string(),
  action: auditActionSchema,
  method: z.string().nullable(),
  caseId: z.string().nullable(),
  /** The case's reference (never a name), when the case is still held. */
  caseReference: z.string().nullable(),
  /** The advocate who was using Heard, by name, when known. */
  person: z.string().nullable(),
  /** What was done, to which record and which fields, in words. */
  description: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditCheckSchema = z.object({
  entries: z.number().int().nonnegative(),
  intact: z.boolean(),
  firstBreak: z.object({ seq: z.number().int(), kind: z.enum(['altered', 'unlinked', 'truncated']) }).nullable(),
});

export const auditMethods = {
  'audit.list': method(
    z
      .object({
        caseId: z.string().min(1).max(200).optional(),
        beforeSeq: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ entries: z.array(auditEntrySchema) }),
    { audit: notAudited('the audit trail itself') },
  ),
  'audit.check': method(z.object({}).strict(), auditCheckSchema, { audit: notAudited('the audit trail itself') }),
};
