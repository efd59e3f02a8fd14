import { z } from 'zod';

/**
 * A correction to a detail already saved: what each field was and became, who changed it, when,
 * and why if they said. Kept for the case's history; safeguarding records have their own
 * amendments and are never corrected this way.
 */
export const correctedEntities = ['person', 'referral', 'referral_issue', 'case_action', 'meeting'] as const;
export type CorrectedEntity = (typeof correctedEntities)[number];

export const correctionKinds = ['changed', 'removed'] as const;

/** A value as it was stored: text, a number, yes/no, a list (status tags), or nothing. */
export const storedValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown()),
]);
export type StoredValue = z.infer<typeof storedValueSchema>;

export const fieldChangeSchema = z.object({ field: z.string(), before: storedValueSchema, after: storedValueSchema });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const correctionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  entity: z.enum(correctedEntities),
  recordId: z.string(),
  kind: z.enum(correctionKinds),
  correctedAt: z.string(),
  correctedBy: z.string().nullable(),
  correctedByName: z.string().nullable(),
  reason: z.string().nullable(),
  changes: z.array(fieldChangeSchema),
});
export type Correction = z.infer<typeof correctionSchema>;

/** Why a detail was changed: optional, but kept with the change when given. */
export const correctionReasonSchema = z.string().trim().max(2000).optional();
