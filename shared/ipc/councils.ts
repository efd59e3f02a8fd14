import { z } from 'zod';
import { changes, notAudited } from './audit-spec';
import { method } from './define';

const id = z.string().min(1).max(100);

/** A council as the caseload filter offers it: the stored code and the name shown. */
export const councilOptionSchema = z.object({ code: z.string(), name: z.string() });

/** A record whose council was typed before councils were chosen from a list, and did not name exactly one. */
export const unmatchedCouncilSchema = z.object({
  personId: z.string(),
  caseId: z.string(),
  reference: z.string(),
  displayName: z.string(),
  /** What was typed, shown so the advocate can tell which council was meant. */
  typed: z.string(),
  /** Councils it may have meant, for the advocate to choose from; never chosen for them. */
  suggestions: z.array(z.string()),
});
export type UnmatchedCouncil = z.infer<typeof unmatchedCouncilSchema>;

export const councilMethods = {
  'caseload.councils.unmatched': method(z.object({}).strict(), z.array(unmatchedCouncilSchema), {
    audit: notAudited(
      'a list, like the caseload list, of councils typed by hand that name no one council; choosing one is recorded',
    ),
  }),
  'caseload.councils.choose': method(
    z.object({ personId: id, caseId: id, code: z.string().min(1).max(20, 'Choose a council from the list.') }).strict(),
    z.object({ code: z.string(), name: z.string() }),
    { audit: changes("the young person's council", { input: 'caseId' }) },
  ),
};
