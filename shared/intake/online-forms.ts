import { z } from 'zod';
import { respondentRoles, smileyAnswers } from '../reports/feedback';

/**
 * What the public forms on the service ask, as the browser encrypts it (docs/e2e.md, Online forms).
 * The service never sees these words: the laptop checks them against these schemas only after
 * opening the ciphertext, because whoever filled in the form may be anyone at all.
 */

/** Who is making the referral, in the words the page offers. */
export const referrerRoles = ['young_person', 'social_worker', 'foster_carer', 'carer', 'parent', 'other'] as const;
export type ReferrerRole = (typeof referrerRoles)[number];

/** The young person's situation as a referrer would put it. */
export const situations = [
  'in_care',
  'care_leaver',
  'child_protection',
  'child_in_need',
  'homeless',
  'not_sure',
] as const;
export type Situation = (typeof situations)[number];

const text = (max: number) => z.string().trim().max(max).default('');
/** A real calendar day (2012-02-30 is refused), or nothing. */
const realDay = (s: string): boolean =>
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const isoDateOrEmpty = z
  .union([
    z.literal(''),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine(realDay),
  ])
  .default('');

export const onlineReferralSchema = z
  .object({
    form: z.literal('referral'),
    firstName: text(200),
    lastName: text(200),
    preferredName: text(200),
    dateOfBirth: isoDateOrEmpty,
    localAuthority: text(200),
    situation: z.enum(situations).default('not_sure'),
    communication: text(2000),
    interpreterLanguage: text(100),
    request: z.string().trim().min(1).max(5000),
    urgent: z.enum(['yes', 'no']).default('no'),
    urgentWhy: text(2000),
    knowsAboutReferral: z.enum(['yes', 'no', 'not_sure']).default('not_sure'),
    referrerRole: z.enum(referrerRoles),
    referrerName: text(200),
    referrerContact: text(300),
    contactYoungPerson: text(1000),
  })
  .strict()
  .refine((r) => r.firstName !== '' || r.preferredName !== '', { message: 'A name for the young person is needed.' });
export type OnlineReferral = z.output<typeof onlineReferralSchema>;

/** Who a feedback link is for; the young person's form has the faces, the others the professionals' questions. */
export const feedbackAudiences = ['young_person', 'parent', 'carer', 'professional'] as const;
export type FeedbackAudience = (typeof feedbackAudiences)[number];

const smiley = z.enum(smileyAnswers).nullable().default(null);
export const onlineFeedbackSchema = z
  .object({
    form: z.literal('feedback'),
    listenedTo: smiley,
    thingsChanged: smiley,
    useAgain: smiley,
    voiceHeard: smiley,
    keptInformed: smiley,
    recommend: smiley,
    respondentRole: z.enum(respondentRoles).nullable().default(null),
    comment: text(5000),
    mayQuote: z.boolean().default(false),
  })
  .strict();
export type OnlineFeedback = z.output<typeof onlineFeedbackSchema>;

/** Feedback links stay usable this long. */
export const FEEDBACK_LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** The feedback link an answer was given through: which case it is for and whom it asked. */
export interface LinkBinding {
  id: string;
  caseId: string;
  audience: FeedbackAudience;
}

/**
 * HPKE `info` and associated data for a submission. `info` names the organisation and the kind,
 * and a feedback answer's associated data names its link, the link's case and audience, so a
 * ciphertext the service moves to another organisation, form, link or case does not open.
 */
export const intakeInfo = (organisationId: string, kind: 'referral' | 'feedback'): string =>
  `heard/intake/v1|${organisationId}|${kind}`;
export const intakeAad = (link: LinkBinding | null): string =>
  link ? `link|${link.id}|case|${link.caseId}|${link.audience}` : 'referral';
/** HKDF `info` for the intake key pair's seed (salt: the organisation id). */
export const INTAKE_SEED_INFO = 'heard/intake';
