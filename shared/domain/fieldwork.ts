import { z } from 'zod';

/**
 * Field work: contacts with the young person, notes of what was said, wishes and feelings (or,
 * for a child who cannot instruct, observations), actions and safeguarding records.
 */

export const contactTypes = ['visit', 'phone', 'video', 'text', 'email', 'meeting'] as const;
export type ContactType = (typeof contactTypes)[number];
export const contactTypeLabels: Record<ContactType, string> = {
  visit: 'Visit',
  phone: 'Phone call',
  video: 'Video call',
  text: 'Text message',
  email: 'Email',
  meeting: 'Meeting',
};

export const actionOwners = ['advocate', 'social_worker', 'iro', 'carer', 'other'] as const;
export type ActionOwner = (typeof actionOwners)[number];
export const actionOwnerLabels: Record<ActionOwner, string> = {
  advocate: 'Advocate',
  social_worker: 'Social worker',
  iro: 'IRO',
  carer: 'Carer',
  other: 'Someone else',
};

export const rightsUpheldAnswers = ['yes', 'partly', 'no', 'not_sure'] as const;
export type RightsUpheld = (typeof rightsUpheldAnswers)[number];
export const rightsUpheldLabels: Record<RightsUpheld, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  not_sure: 'Not sure yet',
};

/**
 * The mark for the young person's own words. The PDF engine quotes text carrying a mark of this
 * name, so the name is part of the document format: do not rename it.
 */
export const YOUNG_PERSON_WORDS_MARK = 'youngPersonWords';

/** A ProseMirror/TipTap node as stored: JSON, checked only for shape at the edge. */
export interface RichNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: RichNode[];
}

export const richNodeSchema: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(60),
    text: z.string().optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    marks: z
      .array(z.object({ type: z.string().min(1).max(60), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
    content: z.array(richNodeSchema).optional(),
  }),
);

export const richDocSchema = richNodeSchema.refine((n) => n.type === 'doc', {
  message: 'A note must be a whole document.',
});

export const emptyDoc = (): RichNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock', 'horizontalRule']);

/** The note's words without formatting: blocks on their own lines. Used for search and previews. */
export function plainTextOf(node: RichNode): string {
  const out: string[] = [];
  const walk = (n: RichNode): void => {
    if (n.type === 'text' && n.text) out.push(n.text);
    else if (n.type === 'hardBreak') out.push('\n');
    for (const c of n.content ?? []) walk(c);
    if (BLOCKS.has(n.type)) out.push('\n');
  };
  walk(node);
  return out
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Everything in the note marked as the young person's own words, in order. */
export function youngPersonWordsOf(node: RichNode): string[] {
  const quotes: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim()) quotes.push(current.trim());
    current = '';
  };
  const walk = (n: RichNode): void => {
    if (n.type === 'text') {
      if (n.marks?.some((m) => m.type === YOUNG_PERSON_WORDS_MARK)) current += n.text ?? '';
      else flush();
      return;
    }
    for (const c of n.content ?? []) walk(c);
    if (BLOCKS.has(n.type)) flush();
  };
  walk(node);
  flush();
  return quotes;
}

// ---- record shapes shared by the IPC contract and the screens ----

const text = (max: number) => z.string().trim().max(max, `Please keep this under ${max} characters.`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as dd/mm/yyyy.');
/** Local date and time as typed on the device: "2026-03-04T14:30". */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter a date and a time.');
const idSchema = z.string().min(1).max(100);
export const caseIdSchema = idSchema;

export const contactInputSchema = z
  .object({
    type: z.enum(contactTypes),
    occurredAt: localDateTime,
    location: text(300).default(''),
    durationMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .nullable()
      .default(null),
    travelMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .nullable()
      .default(null),
    miles: z.number().min(0).max(2000).nullable().default(null),
    present: z.array(text(200).min(1)).max(30).default([]),
  })
  .strict();
export type ContactInput = z.input<typeof contactInputSchema>;

export const contactSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  type: z.enum(contactTypes),
  occurredAt: z.string(),
  location: z.string(),
  durationMinutes: z.number().nullable(),
  travelMinutes: z.number().nullable(),
  miles: z.number().nullable(),
  present: z.array(z.string()),
  noteCount: z.number().int(),
});
export type Contact = z.infer<typeof contactSchema>;

export const noteSummarySchema = z.object({
  id: idSchema,
  caseId: idSchema,
  contactId: z.string().nullable(),
  title: z.string(),
  preview: z.string(),
  updatedAt: z.string(),
  versionCount: z.number().int(),
});
export type NoteSummary = z.infer<typeof noteSummarySchema>;

export const noteSchema = noteSummarySchema
  .omit({ preview: true })
  .extend({ body: richNodeSchema, createdAt: z.string() });
export type Note = z.infer<typeof noteSchema>;

export const noteVersionSchema = z.object({
  id: idSchema,
  number: z.number().int(),
  title: z.string(),
  savedAt: z.string(),
  reason: z.string(),
});
export type NoteVersion = z.infer<typeof noteVersionSchema>;

export const searchHitSchema = z.object({
  noteId: idSchema,
  caseId: idSchema,
  title: z.string(),
  /** Plain text with matches wrapped in U+E000 … U+E001 (private-use marks that cannot be typed), shown highlighted. */
  snippet: z.string(),
  updatedAt: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
export const HIT_OPEN = '\uE000';
export const HIT_CLOSE = '\uE001';

export const wishesInputSchema = z
  .object({
    recordedOn: isoDate,
    goingWell: text(10_000).default(''),
    worries: text(10_000).default(''),
    wantToHappen: text(10_000).default(''),
    issueIds: z.array(idSchema).max(50).default([]),
  })
  .strict()
  .refine((w) => w.goingWell || w.worries || w.wantToHappen, {
    message: 'Write something in at least one of the three boxes.',
    path: ['goingWell'],
  });
export type WishesInput = z.input<typeof wishesInputSchema>;
export const wishesSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  recordedOn: z.string(),
  goingWell: z.string(),
  worries: z.string(),
  wantToHappen: z.string(),
  issueIds: z.array(z.string()),
});
export type Wishes = z.infer<typeof wishesSchema>;

export const observationInputSchema = z
  .object({
    observedOn: isoDate,
    communication: text(10_000).default(''),
    likes: text(10_000).default(''),
    dislikes: text(10_000).default(''),
    knowsThemWell: text(10_000).default(''),
    rightsUpheld: z.enum(rightsUpheldAnswers),
    rightsNotes: text(10_000).default(''),
    issueIds: z.array(idSchema).max(50).default([]),
  })
  .strict();
export type ObservationInput = z.input<typeof observationInputSchema>;
export const observationSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  observedOn: z.string(),
  communication: z.string(),
  likes: z.string(),
  dislikes: z.string(),
  knowsThemWell: z.string(),
  rightsUpheld: z.enum(rightsUpheldAnswers),
  rightsNotes: z.string(),
  issueIds: z.array(z.string()),
});
export type Observation = z.infer<typeof observationSchema>;

export const actionInputSchema = z
  .object({
    owner: z.enum(actionOwners),
    ownerName: text(200).default(''),
    description: text(2000).min(1, 'Say what needs doing.'),
    dueOn: isoDate,
  })
  .strict();
export type ActionInput = z.input<typeof actionInputSchema>;
export const actionSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  owner: z.enum(actionOwners),
  ownerName: z.string(),
  description: z.string(),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  /** Cancelled, with its reason, when the case closed; kept so it never silently disappears. */
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Why it carries on after the case closed. */
  carriedReason: z.string().nullable(),
});
export type Action = z.infer<typeof actionSchema>;
export const dueActionSchema = actionSchema.extend({ caseLabel: z.string(), overdue: z.boolean() });
export type DueAction = z.infer<typeof dueActionSchema>;
