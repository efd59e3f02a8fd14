import { z } from 'zod';

/**
 * Closing a case starts from its open work. Each piece is settled (done, closed, resolved),
 * carried past closure with a reason, or cancelled; nothing is dropped without a word.
 */
export const openWorkKinds = ['safeguarding', 'complaint', 'action', 'letter', 'meeting'] as const;
export type OpenWorkKind = (typeof openWorkKinds)[number];

export const closureDecisions = ['settle', 'carry', 'cancel'] as const;
export type ClosureDecision = (typeof closureDecisions)[number];

/** What each kind of open work allows; a safeguarding record can never be cancelled. */
export const decisionsFor: Record<OpenWorkKind, readonly ClosureDecision[]> = {
  safeguarding: ['settle', 'carry'],
  complaint: ['settle', 'carry', 'cancel'],
  action: ['settle', 'carry', 'cancel'],
  letter: ['carry', 'cancel'],
  meeting: ['carry', 'cancel'],
};

export const openWorkItemSchema = z.object({
  kind: z.enum(openWorkKinds),
  id: z.string(),
  /** What it is, in the advocate's own words where there are some (an action's description). */
  title: z.string(),
  /** Its date: the action's due date, the complaint's next deadline, the meeting's day… */
  date: z.string().nullable(),
  overdue: z.boolean(),
  decisions: z.array(z.enum(closureDecisions)),
});
export type OpenWorkItem = z.infer<typeof openWorkItemSchema>;

export const closureDecisionInputSchema = z
  .object({
    kind: z.enum(openWorkKinds),
    id: z.string().min(1).max(100),
    decision: z.enum(closureDecisions),
    reason: z.string().trim().max(2000).optional(),
  })
  .strict();
export type ClosureDecisionInput = z.infer<typeof closureDecisionInputSchema>;

/** As kept on the closed case: what each piece of open work was and what was decided. */
export const keptDecisionSchema = z.object({
  kind: z.enum(openWorkKinds),
  id: z.string(),
  title: z.string(),
  decision: z.enum(closureDecisions),
  reason: z.string().nullable(),
});
export type KeptDecision = z.infer<typeof keptDecisionSchema>;

/** What the young person was told as the case closed. */
export const closureToldSchema = z
  .object({
    /** How to complain about the advocacy service itself. */
    complainAboutService: z.boolean(),
    /** How to ask for a different advocate. */
    differentAdvocate: z.boolean(),
    /** How to come back to the service later. */
    comeBack: z.boolean(),
  })
  .strict();
export type ClosureTold = z.infer<typeof closureToldSchema>;
