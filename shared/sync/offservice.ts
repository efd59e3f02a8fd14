import { z } from 'zod';
import { envelopeSchema, type Envelope } from './envelope';
import { PROTOCOL_VERSION, nameSchema, recordIdSchema, uuidSchema } from './protocol';

/*
 * The two requests that moved content work off the service (server/README.md, What the service
 * sees): a manager's laptop asking the service to erase cases it found due, and the conversion of
 * a service that still holds values from before encryption. Neither carries a readable value.
 */
const version = z.literal(PROTOCOL_VERSION);
/** A sealed value (docs/e2e.md): the service checks its shape and epoch, and cannot open it. */
export const sealedValueSchema = envelopeSchema;
export type SealedValue = Envelope;

export const MAX_ERASE_CASES = 500;

export const eraseRequestSchema = z.strictObject({
  v: version,
  caseIds: z.array(recordIdSchema).min(1).max(MAX_ERASE_CASES),
  /**
   * Records of an erased case that another case still needs (a young person with a case that
   * stays): moved to that case instead of erased. The laptop decides, as it holds the records.
   */
  keep: z
    .array(z.strictObject({ entity: nameSchema, entityId: recordIdSchema, toCase: recordIdSchema }))
    .max(MAX_ERASE_CASES)
    .default([]),
});
export type EraseRequest = z.infer<typeof eraseRequestSchema>;

export const eraseResponseSchema = z.object({
  v: version,
  erased: z.number().int().min(0),
  /** Named cases the service had already erased (a retry after a lost answer). */
  alreadyErased: z.number().int().min(0),
  rowsRemoved: z.number().int().min(0),
});
export type EraseResponse = z.infer<typeof eraseResponseSchema>;

export const conversionStatusSchema = z.object({
  v: version,
  /** The organisation has a key and the service may still hold values from before it. */
  due: z.boolean(),
  converted: z.number().int().min(0),
  removed: z.number().int().min(0),
});
export type ConversionStatus = z.infer<typeof conversionStatusSchema>;

export const MAX_CONVERSION_PAGE = 1000;

const fieldKey = z.strictObject({ entity: nameSchema, entityId: recordIdSchema, field: nameSchema });

export const pendingRequestSchema = z.strictObject({
  v: version,
  /** Where the last page ended: fields are listed first, in key order, then conflicts by id. */
  afterField: fieldKey.nullable(),
  afterConflict: uuidSchema.nullable(),
  limit: z.number().int().min(1).max(MAX_CONVERSION_PAGE),
});
export type PendingRequest = z.infer<typeof pendingRequestSchema>;

/**
 * A value the service still holds in the clear, named by its place only. `mutationId` is the
 * mutation that wrote it, when the service knows it, for the sealed value's associated data.
 */
export const pendingItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('field'),
    entity: z.string(),
    entityId: z.string(),
    field: z.string(),
    caseId: z.string().nullable(),
    version: z.number().int(),
    mutationId: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('conflict'),
    conflictId: z.string(),
    side: z.enum(['edit', 'kept']),
    entity: z.string(),
    entityId: z.string(),
    field: z.string(),
    caseId: z.string().nullable(),
    version: z.number().int(),
    mutationId: z.string().nullable(),
  }),
]);
export type PendingItem = z.infer<typeof pendingItemSchema>;

export const pendingResponseSchema = z.object({
  v: version,
  items: z.array(pendingItemSchema),
  next: z.object({ afterField: fieldKey.nullable(), afterConflict: z.string().nullable() }).nullable(),
  /**
   * Plain values left on the service (fields and conflict sides), for progress: counted on the
   * first page only (counting means reading every field), absent on the others.
   */
  remaining: z.number().int().min(0).optional(),
});
export type PendingResponse = z.infer<typeof pendingResponseSchema>;

export const resealRequestSchema = z.strictObject({
  v: version,
  fields: z
    .array(
      z.strictObject({
        entity: nameSchema,
        entityId: recordIdSchema,
        field: nameSchema,
        caseId: recordIdSchema.nullable(),
        version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
        value: sealedValueSchema,
      }),
    )
    .max(MAX_CONVERSION_PAGE),
  conflicts: z
    .array(z.strictObject({ conflictId: uuidSchema, side: z.enum(['edit', 'kept']), value: sealedValueSchema }))
    .max(MAX_CONVERSION_PAGE),
});
export type ResealRequest = z.infer<typeof resealRequestSchema>;

export const resealResponseSchema = z.object({
  v: version,
  converted: z.number().int().min(0),
  /** Values that had changed meanwhile (a newer version, already sealed): left as they are. */
  skipped: z.number().int().min(0),
});
export type ResealResponse = z.infer<typeof resealResponseSchema>;

export const finishRequestSchema = z.strictObject({ v: version });

export const finishResponseSchema = z.object({
  v: version,
  /** Totals over every run of the conversion, so an interrupted one reports the whole. */
  converted: z.number().int().min(0),
  removed: z.number().int().min(0),
  /** Current values still in the clear (no laptop sealed them yet); the conversion is not done. */
  remaining: z.number().int().min(0),
  done: z.boolean(),
});
export type FinishResponse = z.infer<typeof finishResponseSchema>;

export const statusRequestSchema = z.strictObject({ v: version });
