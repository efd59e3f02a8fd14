import { z } from 'zod';
import { feedbackAudiences } from '../intake/online-forms';
import { PROTOCOL_VERSION, recordIdSchema, uuidSchema } from './protocol';

/**
 * The service's end of the online forms (docs/e2e.md, Online forms): what a browser sends, what a
 * manager's laptop publishes and collects. Every body holds ciphertext, public keys and ids only.
 */
const version = z.literal(PROTOCOL_VERSION);
const b64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);

/** A referral or feedback answer is a few kilobytes; this leaves room and no more. */
export const MAX_SUBMISSION_BYTES = 48 * 1024;
export const MAX_CIPHERTEXT_CHARS = 40_000;

export const publicSubmissionSchema = z
  .object({
    v: version,
    epoch: z.number().int().min(1),
    /** HPKE encapsulated key (32 bytes for X25519). */
    enc: b64url(43, 43),
    ct: b64url(24, MAX_CIPHERTEXT_CHARS),
    /** The honeypot: hidden from people, so anything in it came from a program filling every box. */
    website: z.string().max(500).default(''),
  })
  .strict();
export type PublicSubmission = z.infer<typeof publicSubmissionSchema>;
export const publicSubmissionResponseSchema = z.object({ v: version, reference: z.string() });

export const intakeKeyRequestSchema = z
  .object({ v: version, epoch: z.number().int().min(1), publicKey: b64url(43, 43) })
  .strict();

/** The intake key the public pages are serving now (the newest published), for a manager's laptop to check. */
export const intakeServedKeyRequestSchema = z.object({ v: version }).strict();
export const intakeServedKeyResponseSchema = z.object({
  v: version,
  key: z.object({ epoch: z.number().int().min(1), publicKey: z.string() }).nullable(),
});

export const intakePullRequestSchema = z
  .object({ v: version, limit: z.number().int().min(1).max(200).optional() })
  .strict();
export const submissionSchema = z.object({
  id: uuidSchema,
  kind: z.enum(['referral', 'feedback']),
  reference: z.string(),
  epoch: z.number().int(),
  enc: z.string(),
  ct: z.string(),
  receivedAt: z.string(),
  link: z.object({ id: uuidSchema, caseId: z.string(), audience: z.enum(feedbackAudiences) }).nullable(),
});
export type Submission = z.infer<typeof submissionSchema>;
export const intakePullResponseSchema = z.object({
  v: version,
  submissions: z.array(submissionSchema),
  more: z.boolean(),
});

export const intakeAckRequestSchema = z.object({ v: version, ids: z.array(uuidSchema).min(1).max(200) }).strict();
export const intakeAckResponseSchema = z.object({ v: version, deleted: z.number().int() });

export const feedbackLinkRequestSchema = z
  .object({ v: version, caseId: recordIdSchema, audience: z.enum(feedbackAudiences) })
  .strict();
export const feedbackLinkResponseSchema = z.object({
  v: version,
  linkId: uuidSchema,
  token: z.string(),
  expiresAt: z.string(),
});
