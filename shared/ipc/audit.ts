import { z } from 'zod';
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
]);
export type AuditActionName = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  deviceId: z.string(),
  action: auditActionSchema,
  method: z.string().nullable(),
  caseId: z.string().nullable(),
  /** The case's reference (never a name), when the case is still held. */
  caseReference: z.string().nullable(),
  detail: z.string().nullable(),
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
  ),
  'audit.check': method(z.object({}).strict(), auditCheckSchema),
};
