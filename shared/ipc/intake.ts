import { z } from 'zod';
import { feedbackAudiences } from '../intake/online-forms';
import { changes, notAudited, reads, sends } from './audit-spec';
import { method } from './define';

const id = z.string().min(1).max(100);

export const onlineReferralInfoSchema = z.object({
  receivedOnline: z.boolean(),
  /** A young person already known who may be this referral's, while a manager has not decided. */
  match: z
    .object({
      personId: z.string(),
      displayName: z.string(),
      dateOfBirth: z.string().nullable(),
      references: z.array(z.string()),
    })
    .nullable(),
  decision: z.enum(['confirmed', 'dismissed']).nullable(),
});
export type OnlineReferralInfo = z.infer<typeof onlineReferralInfoSchema>;

export const feedbackLinkSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type FeedbackLink = z.infer<typeof feedbackLinkSchema>;

/**
 * Whether this laptop has opened the organisation's online referral page, and its address to share.
 * `wrong_key`: at its last sync the service's pages sealed to a key that is not the organisation's.
 */
export const intakeStatusSchema = z.object({
  state: z.enum(['not_connected', 'not_manager', 'waiting_for_key', 'wrong_key', 'open']),
  pageUrl: z.string().nullable(),
});
export type IntakeStatus = z.infer<typeof intakeStatusSchema>;

/** Online referrals and feedback links (docs/e2e.md, Online forms). */
export const intakeMethods = {
  'intake.status': method(z.object({}).strict(), intakeStatusSchema, {
    audit: notAudited("the address of the organisation's referral page; nothing about a child"),
  }),
  'intake.referralInfo': method(z.object({ caseId: id }).strict(), onlineReferralInfoSchema, {
    audit: reads('whether the referral came online, and who it may match', { input: 'caseId' }),
  }),
  'intake.decideMatch': method(
    z.object({ caseId: id, decision: z.enum(['confirmed', 'dismissed']) }).strict(),
    onlineReferralInfoSchema,
    {
      audit: changes("the online referral's possible match", { input: 'caseId' }),
    },
  ),
  'intake.feedbackLink': method(
    z.object({ caseId: id, audience: z.enum(feedbackAudiences) }).strict(),
    feedbackLinkSchema,
    {
      audit: sends('a one-time feedback link', { input: 'caseId' }),
    },
  ),
};
