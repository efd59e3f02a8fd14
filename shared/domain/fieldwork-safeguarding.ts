import { z } from 'zod';

/**
 * A safeguarding record: when the advocate shared information without the young person's consent
 * because someone was at risk. It is never deleted; a change is an amendment with a reason, and
 * every amendment is kept.
 */

export const safeguardingStatuses = ['open', 'closed'] as const;
export type SafeguardingStatus = (typeof safeguardingStatuses)[number];

const text = (max: number) => z.string().trim().max(max, `Please keep this under ${max} characters.`);
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter a date and a time.');

export const personToldSchema = z
  .object({
    name: text(200).min(1, 'Give the name of the person told.'),
    role: text(200).min(1, 'Give their role (for example, social worker or duty team).'),
    toldAt: localDateTime,
  })
  .strict();
export type PersonTold = z.infer<typeof personToldSchema>;

export const safeguardingInputSchema = z
  .object({
    disclosedAt: localDateTime,
    disclosure: text(20_000).min(1, "Write down what was disclosed, in the young person's words."),
    decision: text(10_000).min(1, 'Record the decision you made.'),
    reason: text(10_000).min(1, 'Record the reason for the decision.'),
    told: z.array(personToldSchema).max(30).default([]),
    outcome: text(10_000).default(''),
    status: z.enum(safeguardingStatuses).default('open'),
  })
  .strict();
export type SafeguardingInput = z.input<typeof safeguardingInputSchema>;

/** The fields an amendment may change. */
export const safeguardingFields = [
  'disclosedAt',
  'disclosure',
  'decision',
  'reason',
  'told',
  'outcome',
  'status',
] as const;
export type SafeguardingField = (typeof safeguardingFields)[number];
export const safeguardingFieldLabels: Record<SafeguardingField, string> = {
  disclosedAt: 'When it was disclosed',
  disclosure: 'What was disclosed',
  decision: 'Decision',
  reason: 'Reason for the decision',
  told: 'Who was told',
  outcome: 'Outcome',
  status: 'Status',
};

export const safeguardingRecordSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  disclosedAt: z.string(),
  disclosure: z.string(),
  decision: z.string(),
  reason: z.string(),
  told: z.array(personToldSchema),
  outcome: z.string(),
  status: z.enum(safeguardingStatuses),
  recordedAt: z.string(),
  amendmentCount: z.number().int(),
});
export type SafeguardingRecord = z.infer<typeof safeguardingRecordSchema>;

export const amendmentSchema = z.object({
  id: z.string(),
  amendedAt: z.string(),
  reason: z.string(),
  /** Each changed field with its value before and after, as stored (JSON for "told"). */
  changes: z.array(z.object({ field: z.enum(safeguardingFields), before: z.unknown(), after: z.unknown() })),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export const safeguardingFlagSchema = z.object({
  caseId: z.string(),
  records: z.number().int(),
  open: z.number().int(),
  latestDisclosedAt: z.string().nullable(),
});
export type SafeguardingFlagInfo = z.infer<typeof safeguardingFlagSchema>;
