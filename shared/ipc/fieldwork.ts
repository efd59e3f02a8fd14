import { z } from 'zod';
import {
  actionInputSchema,
  actionSchema,
  caseIdSchema,
  contactInputSchema,
  contactSchema,
  dueActionSchema,
  noteSchema,
  noteSummarySchema,
  noteVersionSchema,
  observationInputSchema,
  observationSchema,
  richDocSchema,
  richNodeSchema,
  searchHitSchema,
  wishesInputSchema,
  wishesSchema,
} from '../domain/fieldwork';
import { correctionReasonSchema } from '../domain/corrections';
import { method } from './define';
import { fieldworkSafeguardingMethods } from './fieldwork-safeguarding';

const id = z.string().min(1).max(100);
const byCase = z.object({ caseId: caseIdSchema }).strict();
const byId = z.object({ id }).strict();
const removed = z.object({ removed: z.boolean() });

/** Contacts, notes (with versions and search), wishes and feelings, observations and actions. */
export const fieldworkMethods = {
  'fieldwork.caseInfo': method(
    byCase,
    z.object({
      /** Non-instructed cases use observations instead of wishes and feelings. */
      advocacyType: z.enum(['instructed', 'non_instructed']),
      issues: z.array(z.object({ id, label: z.string() })),
    }),
  ),

  'fieldwork.contacts.list': method(byCase, z.array(contactSchema)),
  'fieldwork.contacts.save': method(z.object({ caseId: caseIdSchema, id: id.optional(), contact: contactInputSchema }).strict(), contactSchema),
  'fieldwork.contacts.remove': method(byId, removed),

  'fieldwork.notes.list': method(byCase, z.array(noteSummarySchema)),
  'fieldwork.notes.create': method(
    z.object({ caseId: caseIdSchema, contactId: id.nullable().default(null), title: z.string().trim().max(300).default('') }).strict(),
    noteSchema,
  ),
  'fieldwork.notes.get': method(byId, noteSchema),
  /** Autosave: stores the note and keeps this as a new version (nothing happens if it is unchanged). */
  'fieldwork.notes.save': method(
    z.object({ id, title: z.string().trim().max(300), body: richDocSchema, reason: z.enum(['autosave', 'blur', 'lock', 'leave']).default('autosave') }).strict(),
    z.object({ savedAt: z.string(), version: z.number().int().nullable() }),
  ),
  'fieldwork.notes.versions': method(z.object({ noteId: id }).strict(), z.array(noteVersionSchema)),
  'fieldwork.notes.version': method(z.object({ versionId: id }).strict(), noteVersionSchema.extend({ body: richNodeSchema })),
  /** Makes an earlier version the current text; the text it replaces stays as a version too. */
  'fieldwork.notes.restore': method(z.object({ versionId: id }).strict(), noteSchema),
  'fieldwork.notes.remove': method(byId, removed),
  'fieldwork.notes.search': method(
    z.object({ query: z.string().trim().min(1, 'Type something to search for.').max(200), caseId: caseIdSchema.optional(), limit: z.number().int().min(1).max(100).default(30) }).strict(),
    z.array(searchHitSchema),
  ),

  'fieldwork.wishes.list': method(byCase, z.array(wishesSchema)),
  'fieldwork.wishes.save': method(z.object({ caseId: caseIdSchema, id: id.optional(), entry: wishesInputSchema }).strict(), wishesSchema),
  'fieldwork.wishes.remove': method(byId, removed),

  'fieldwork.observations.list': method(byCase, z.array(observationSchema)),
  'fieldwork.observations.save': method(z.object({ caseId: caseIdSchema, id: id.optional(), entry: observationInputSchema }).strict(), observationSchema),
  'fieldwork.observations.remove': method(byId, removed),

  'fieldwork.actions.list': method(byCase, z.array(actionSchema)),
  'fieldwork.actions.save': method(z.object({ caseId: caseIdSchema, id: id.optional(), action: actionInputSchema, reason: correctionReasonSchema }).strict(), actionSchema),
  'fieldwork.actions.setDone': method(z.object({ id, done: z.boolean() }).strict(), actionSchema),
  'fieldwork.actions.remove': method(z.object({ id, reason: correctionReasonSchema }).strict(), removed),
  /** For the Today screen: open actions overdue or due within `withinDays`, across all cases. */
  'fieldwork.actions.due': method(z.object({ withinDays: z.number().int().min(0).max(90).default(7) }).strict(), z.array(dueActionSchema)),

  ...fieldworkSafeguardingMethods,
};
