import { z } from 'zod';
import { retentionBases } from '../domain/retention';
import { notAudited, recordsItself } from './audit-spec';
import { method } from './define';

export const retentionPolicySchema = z
  .object({
    basis: z.enum(retentionBases).describe('Keep closed cases'),
    years: z
      .number()
      .int()
      .min(0, 'Years cannot be negative.')
      .max(75, 'That is longer than any policy allows.')
      .describe('Years'),
  })
  .strict();

export const retentionDueRowSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  closureDate: z.string(),
  dueOn: z.string(),
  ruleUsed: z.enum(['closure', 'age25']),
});
export type RetentionDueRow = z.infer<typeof retentionDueRowSchema>;

/** Retention: the service's policy, the closed cases it makes due, and deleting them for good. */
export const retentionMethods = {
  'retention.policy.get': method(z.object({}).strict(), retentionPolicySchema, {
    audit: notAudited('the retention rule; nothing about a child'),
  }),
  'retention.policy.set': method(retentionPolicySchema, retentionPolicySchema, {
    audit: notAudited('the retention rule; nothing about a child'),
  }),
  'retention.due': method(
    z.object({}).strict(),
    z.object({ rows: z.array(retentionDueRowSchema), today: z.string() }),
    { audit: notAudited('the list of cases due for erasure; each erasure is recorded') },
  ),
  'retention.erase': method(
    z
      .object({
        caseIds: z.array(z.string().min(1).max(200)).min(1, 'Choose at least one case.').max(500),
        /** The advocate or manager typed the number of cases to confirm; a slip of the mouse cannot erase records. */
        confirmCount: z.number().int().positive(),
      })
      .strict(),
    z.object({ erased: z.number().int().nonnegative(), rowsRemoved: z.number().int().nonnegative() }),
    { audit: recordsItself('writes one "deleted at the end of its retention period" entry per case') },
  ),
};
