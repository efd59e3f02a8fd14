import { z } from 'zod';
import { MAX_SEALED_CHARS, claimsEnvelope, isEnvelope } from './envelope';
import { MAX_JSON_DEPTH, MAX_VALUE_BYTES, jsonProblem, storableText } from './safe-json';

/**
 * The wire format between a desktop and the central service (docs/architecture.md, Sync). Every request and
 * response carries `v`, the protocol version; the server refuses versions it does not speak.
 * Requests are strict (unknown keys are refused, so a forged or mistyped body changes nothing);
 * responses are read loosely by clients, so a newer server can add keys without breaking them.
 */
export const PROTOCOL_VERSION = 1;
export const MAX_PUSH_CHANGES = 1000;
export const MAX_PUSH_BYTES = 5 * 1024 * 1024;
export const MAX_PULL_PAGE = 2000;
/** Access tokens live at most this long; the refresh token is exchanged for a new one. */
export const ACCESS_TOKEN_TTL_MS = 15 * 60 * 1000;
export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;

const version = z.literal(PROTOCOL_VERSION);

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/**
 * A field value. Bodies are JSON-parsed before validation, so anything present is already JSON;
 * walking every value again (z.json) cost more than the rest of a 1,000-row page put together.
 */
const jsonValue = z.custom<Json>((v) => v !== undefined, { message: 'A value is required.' });

/** What a request's refusal says when a value cannot be stored; shown to the person as is. */
export const valueProblemMessages = {
  too_deep: `A change held a value nested more than ${MAX_JSON_DEPTH} levels deep, which the service does not accept.`,
  unstorable_text: 'A change held a character the service cannot store (such as a null character or half of an emoji).',
  too_large: `A change held a value larger than ${MAX_VALUE_BYTES / 1024} KB, which the service does not accept for one field. Shorten it or split it into several notes.`,
  bad_envelope: 'A change held a sealed value in a form the service does not accept.',
} as const;

/** A value a device sends: checked here, so nothing the database would refuse (and quote in its log) reaches it. */
const storedValue = jsonValue.superRefine((v, ctx) => {
  // A sealed value (docs/e2e.md) is checked whole: bounded base64url strings, nothing else.
  if (claimsEnvelope(v)) {
    const sealedTooLarge = typeof v.c === 'string' && v.c.length > MAX_SEALED_CHARS;
    const problem = sealedTooLarge ? 'too_large' : isEnvelope(v) ? null : 'bad_envelope';
    if (problem)
      ctx.addIssue({ code: 'custom', message: valueProblemMessages[problem], params: { valueProblem: problem } });
    return;
  }
  const problem = jsonProblem(v);
  if (problem)
    ctx.addIssue({ code: 'custom', message: valueProblemMessages[problem], params: { valueProblem: problem } });
});
const storableString = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine(storableText, {
      message: valueProblemMessages.unstorable_text,
      params: { valueProblem: 'unstorable_text' },
    });
/** Record and case ids are UUIDs in Heard, but any short id made of safe characters is accepted. */
export const recordIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/);
export const nameSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z_][a-z0-9_]*$/);
export const uuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const tokenSchema = z
  .string()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_.-]+$/);
const hlcSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[\x20-\x7e]+$/);

export const roleSchema = z.enum(['advocate', 'manager', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const enrolRequestSchema = z.strictObject({
  v: version,
  code: z.string().min(8).max(40),
  deviceName: storableString(100),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const tokensSchema = z.object({
  v: version,
  refreshToken: tokenSchema,
  accessToken: tokenSchema,
  accessExpiresAt: z.string(),
});

export const enrolResponseSchema = tokensSchema.extend({
  deviceId: uuidSchema,
  userId: uuidSchema,
  organisationId: uuidSchema,
  role: roleSchema,
  userName: z.string(),
  organisationName: z.string(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const tokenRequestSchema = z.strictObject({ v: version, refreshToken: tokenSchema });
export type TokenResponse = z.infer<typeof tokensSchema>;

/** One field of one record, as written on a device. */
export const outgoingChangeSchema = z.strictObject({
  mutationId: uuidSchema,
  entity: nameSchema,
  entityId: recordIdSchema,
  caseId: recordIdSchema.nullable(),
  field: nameSchema,
  value: storedValue,
  baseVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  hlc: hlcSchema,
});
export type OutgoingChange = z.infer<typeof outgoingChangeSchema>;

/** A person's decision on a conflict; travels in a push beside changes so every device hears it. */
export const resolutionSchema = z.strictObject({
  conflictId: uuidSchema,
  /** Which side the person chose; the chosen value itself travels as an ordinary change. */
  choice: z.enum(['kept', 'edit', 'merged']),
});
export type Resolution = z.infer<typeof resolutionSchema>;

export const pushRequestSchema = z.strictObject({
  v: version,
  changes: z.array(outgoingChangeSchema).max(MAX_PUSH_CHANGES),
  resolutions: z.array(resolutionSchema).max(MAX_PUSH_CHANGES).optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushOutcomeSchema = z.enum(['applied', 'noop', 'superseded', 'conflict', 'refused']);
export type PushOutcome = z.infer<typeof pushOutcomeSchema>;

/**
 * Why a change was refused. A refusal carries this code and nothing else, so a device learns
 * nothing about records it may not see:
 * - not_held: the change names a case this device's user does not hold (allocated to someone
 *   else, made by someone else, erased, or an id the service already knows), or a record the
 *   service already has under another case. The same code for all, so it hints at nothing.
 * - organisation_record: a record without a case that is not one of the organisation's own kinds
 *   (ORGANISATION_RECORD_KINDS), or one written from a device that is not a manager's.
 * - case_limit: this device has made as many new cases in the last hour as the service allows.
 *   Nothing is recorded: the laptop keeps the change and sends it again later.
 * - unknown_person: a manager's allocation named someone who is not an active advocate or
 *   manager of the organisation (shared/sync/team-protocol.ts).
 */
export const refusalReasonSchema = z.enum(['not_held', 'organisation_record', 'case_limit', 'unknown_person']);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

/** The records that belong to the organisation rather than to a case; only managers write them. */
export const ORGANISATION_RECORD_KINDS: readonly string[] = ['advocate', 'case_allocation'];

export const pushResponseSchema = z.object({
  v: version,
  results: z.array(
    z.object({
      mutationId: z.string(),
      outcome: pushOutcomeSchema,
      duplicate: z.boolean(),
      reason: z.string().optional(),
    }),
  ),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.strictObject({
  v: version,
  after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  limit: z.number().int().min(1).max(MAX_PULL_PAGE).optional(),
  /** The device's clock when it sent the request, so the service can flag a clock a day or more off. */
  sentAt: z.iso.datetime().optional(),
  /**
   * The cursor saved on the device with the changes it has applied. Not `after`: the next page is
   * asked for while the last one is still being applied. Purges wait for every device's.
   */
  applied: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const conflictReasonSchema = z.enum(['concurrent_edit', 'deleted', 'not_allocated', 'wrong_case']);
export type ConflictReason = z.infer<typeof conflictReasonSchema>;

const sideSchema = z.object({
  value: jsonValue,
  userId: z.string().nullable(),
  deviceId: z.string().nullable(),
  hlc: z.string().nullable(),
});

/**
 * Rows a device receives, in server order. `kind` says what to do:
 * - change: a field's new value at `version` (also used for a case's full state on allocation);
 * - noop / superseded: acknowledgement of this device's own mutation that changed nothing;
 *   `value`/`version` carry the server's current field so the device can converge;
 * - conflict: a mutation that lost; `value`/`version` are the kept (current) field, `conflict`
 *   holds both sides for a person to resolve;
 * - resolved: a person resolved conflict `conflict.id` elsewhere;
 * - allocated: the case is (again) this user's; its whole state follows as `change` rows;
 * - purge: the case was allocated to someone else; delete it here.
 * - erased: the service erased the case at the end of its retention period; erase it here too
 *   (every trace, as the desktop's own retention erasure does), whatever is waiting to be sent.
 * - purged: the service purged deleted record `entity`/`entityId` (every device had applied the
 *   deletion); `field` is deleted_at, with the deletion's value and version. Remove the record
 *   here too; while an edit to it is waiting to be sent or a conflict about it is open, keep it
 *   deleted and remove it once both are settled.
 * - refused: this device's own change was refused (see refusalReasonSchema); only `mutationId`,
 *   the record's name and `reason` are filled in. Remove it from the outbox.
 * - acked: this device's own change, whose value the service removed when it converted to
 *   sealed values (server/sync/convert-apply.ts): an acknowledgement only, no value to apply.
 * Kinds a client does not know are skipped (a newer server may send them).
 */
export const incomingChangeSchema = z.object({
  seq: z.number().int(),
  kind: z.string(),
  mutationId: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  caseId: z.string().nullable(),
  field: z.string().nullable(),
  value: jsonValue.optional(),
  version: z.number().int().nullable(),
  userId: z.string().nullable(),
  deviceId: z.string().nullable(),
  hlc: z.string().nullable(),
  /** On `refused` rows (this device's own change, not applied): the refusal reason code. */
  reason: z.string().optional(),
  /** On `resolved` rows: the conflict that was resolved. */
  conflictId: z.string().nullable().optional(),
  conflict: z
    .object({
      id: z.string(),
      reason: z.string(),
      /** The edit that was not applied. */
      edit: sideSchema,
      /** The value the service kept, at `version`. */
      kept: sideSchema.extend({
        version: z.number().int(),
        /** True when this device's user does not hold the case, so the kept value is withheld. */
        hidden: z.boolean().optional(),
      }),
    })
    .nullable()
    .optional(),
});
export type IncomingChange = z.infer<typeof incomingChangeSchema>;

export const pullResponseSchema = z.object({
  v: version,
  changes: z.array(incomingChangeSchema),
  cursor: z.number().int(),
  more: z.boolean(),
  /** The organisation's latest seq when the page was read, for progress bars. */
  head: z.number().int().optional(),
  /** The service's clock, so the device can tell its user when its own clock is far off. */
  serverTime: z.string().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Errors the service answers with; `device_revoked` and `device_wipe` make the desktop delete its data. */
export const syncErrorCodes = [
  'bad_request',
  'unsupported_version',
  'too_large',
  'unauthorised',
  'token_reused',
  'device_revoked',
  'device_wipe',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'internal',
  /** An online form for an organisation or link that does not exist. */
  'not_found',
  /** A feedback link already used or past its date. */
  'gone',
  /** A different intake key for an epoch that already has one. */
  'conflict',
] as const;
export const syncErrorSchema = z.object({
  v: version,
  /** `retryAfter`: on `rate_limited`, seconds to wait before asking again (also the Retry-After header). */
  error: z.object({ code: z.string(), message: z.string(), retryAfter: z.number().int().min(0).optional() }),
});
export type SyncErrorBody = z.infer<typeof syncErrorSchema>;
