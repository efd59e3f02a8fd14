import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { systemicAreas } from '../domain/equality';
import { changes, notAudited, reads } from './audit-spec';
import { method } from './define';

const id = z.string().min(1).max(100);

/** One entry of the systemic issues log, as a form sends it. */
export const systemicIssueInputSchema = z
  .object({
    id: id.optional(),
    caseId: id,
    area: z.enum(systemicAreas).describe('Area'),
    // A short line that groups with other cases' wording; the rest goes in the detail.
    issue: z.string().trim().min(3).max(200).describe('Issue'),
    detail: z.string().trim().max(5000).default('').describe('Detail'),
    raisedOn: z.string().refine(isIsoDate, 'Enter a real date.').describe('Date'),
  })
  .strict();
export type SystemicIssueInput = z.output<typeof systemicIssueInputSchema>;

export const systemicIssueSchema = z.object({
  id,
  caseId: id,
  area: z.enum(systemicAreas),
  issue: z.string(),
  detail: z.string(),
  raisedOn: z.string(),
  createdAt: z.string().nullable(),
});
export type SystemicIssue = z.infer<typeof systemicIssueSchema>;

export const systemicIssuesMethods = {
  'systemicIssues.list': method(z.object({ caseId: id }).strict(), z.array(systemicIssueSchema), {
    audit: reads("the case's systemic issues", { input: 'caseId' }),
  }),
  'systemicIssues.suggestions': method(
    z.object({}).strict(),
    z.array(z.object({ area: z.enum(systemicAreas), issue: z.string() })),
    { audit: notAudited('suggested wording for systemic issues; nothing about a child') },
  ),
  'systemicIssues.save': method(systemicIssueInputSchema, systemicIssueSchema, {
    audit: changes('a systemic issue', { input: 'caseId' }),
  }),
  'systemicIssues.remove': method(z.object({ id }).strict(), z.object({ removed: z.boolean() }), {
    audit: changes('a systemic issue', { record: 'id' }),
  }),
};
