import { z } from 'zod';
import { caseIdSchema } from '../domain/fieldwork';
import {
  amendmentSchema,
  personToldSchema,
  safeguardingFlagSchema,
  safeguardingInputSchema,
  safeguardingRecordSchema,
  safeguardingStatuses,
} from '../domain/fieldwork-safeguarding';
import { changes, notAudited, reads } from './audit-spec';
import { method } from './define';

const id = z.string().min(1).max(100);

/** Safeguarding records. There is deliberately no remove method: they are never deleted. */
export const fieldworkSafeguardingMethods = {
  'fieldwork.safeguarding.list': method(
    z.object({ caseId: caseIdSchema }).strict(),
    z.array(safeguardingRecordSchema),
    { audit: reads("the case's safeguarding records", { input: 'caseId' }) },
  ),
  'fieldwork.safeguarding.create': method(
    z.object({ caseId: caseIdSchema, record: safeguardingInputSchema }).strict(),
    safeguardingRecordSchema,
    { audit: changes('a safeguarding record', { input: 'caseId' }) },
  ),
  'fieldwork.safeguarding.amend': method(
    z
      .object({
        id,
        reason: z.string().trim().min(1, 'Say why this record is being changed.').max(2000),
        changes: z
          .object({
            disclosedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter a date and a time.'),
            disclosure: z.string().trim().min(1).max(20_000),
            decision: z.string().trim().min(1).max(10_000),
            reason: z.string().trim().min(1).max(10_000),
            told: z.array(personToldSchema).max(30),
            outcome: z.string().trim().max(10_000),
            status: z.enum(safeguardingStatuses),
          })
          .partial()
          .strict(),
      })
      .strict(),
    safeguardingRecordSchema,
    { audit: changes('a safeguarding record', { record: 'id' }) },
  ),
  'fieldwork.safeguarding.history': method(z.object({ id }).strict(), z.array(amendmentSchema), {
    audit: reads("a safeguarding record's amendments", { record: 'id' }),
  }),
  /** For the caseload: which cases carry a safeguarding record (an empty list asks for every case). */
  'fieldwork.safeguarding.flags': method(
    z.object({ caseIds: z.array(caseIdSchema).max(5000).default([]) }).strict(),
    z.array(safeguardingFlagSchema),
    { audit: notAudited('whether cases in a list have a safeguarding flag; opening any one case is recorded') },
  ),
};
