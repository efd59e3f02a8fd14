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
import { changes, notAudited, reads } from './audit-spec';
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
    { audit: reads('the case', { input: 'caseId' }) },
  ),

  'fieldwork.contacts.list': method(byCase, z.array(contactSchema), {
    audit: reads("the case's contacts", { input: 'caseId' }),
  }),
  'fieldwork.contacts.save': method(
    z.object({ caseId: caseIdSchema, id: id.optional(), contact: contactInputSchema }).strict(),
    contactSchema,
    { audit: changes('a contact', { input: 'caseId' }) },
  ),
  'fieldwork.contacts.remove': method(byId, removed, { audit: changes('a contact', { record: 'id' }) }),

  'fieldwork.notes.list': method(byCase, z.array(noteSummarySchema), {
    audit: reads("the case's notes", { input: 'caseId' }),
  }),
  'fieldwork.notes.create': method(
    z
      .object({
        caseId: caseIdSchema,
        contactId: id.nullable().default(null),
        title: z.string().trim().max(300).default(''),
      })
      .strict(),
    noteSchema,
    { audit: changes('a note', { input: 'caseId' }) },
  ),
  'fieldwork.notes.get': method(byId, noteSchema, { audit: reads('a note', { record: 'id' }) }),
  /** Autosave: stores the note and keeps this as a new version (nothing happens if it is unchanged). */
  'fieldwork.notes.save': method(
    z
      .object({
        id,
        title: z.string().trim().max(300),
        body: richDocSchema,
        reason: z.enum(['autosave', 'blur', 'lock', 'leave']).default('autosave'),
      })
      .strict(),
    z.object({ savedAt: z.string(), version: z.number().int().nullable() }),
    { audit: changes('a note', { record: 'id' }) },
  ),
  'fieldwork.notes.versions': method(z.object({ noteId: id }).strict(), z.array(noteVersionSchema), {
    audit: reads("a note's versions", { record: 'noteId' }),
  }),
  'fieldwork.notes.version': method(
    z.object({ versionId: id }).strict(),
    noteVersionSchema.extend({ body: richNodeSchema }),
    { audit: reads('an earlier version of a note', { record: 'versionId' }) },
  ),
  /** Makes an earlier version the current text; the text it replaces stays as a version too. */
  'fieldwork.notes.restore': method(z.object({ versionId: id }).strict(), noteSchema, {
    audit: changes('a note, back to an earlier version', { record: 'versionId' }),
  }),
  'fieldwork.notes.remove': method(byId, removed, { audit: changes('a note', { record: 'id' }) }),
  'fieldwork.notes.search': method(
    z
      .object({
        query: z.string().trim().min(1, 'Type something to search for.').max(200),
        caseId: caseIdSchema.optional(),
        limit: z.number().int().min(1).max(100).default(30),
      })
      .strict(),
    z.array(searchHitSchema),
    { audit: reads("the case's notes (a search)", { input: 'caseId' }) },
  ),

  'fieldwork.wishes.list': method(byCase, z.array(wishesSchema), {
    audit: reads("the case's wishes and feelings", { input: 'caseId' }),
  }),
  'fieldwork.wishes.save': method(
    z.object({ caseId: caseIdSchema, id: id.optional(), entry: wishesInputSchema }).strict(),
    wishesSchema,
    { audit: changes('a wishes and feelings entry', { input: 'caseId' }) },
  ),
  'fieldwork.wishes.remove': method(byId, removed, { audit: changes('a wishes and feelings entry', { record: 'id' }) }),

  'fieldwork.observations.list': method(byCase, z.array(observationSchema), {
    audit: reads("the case's observations", { input: 'caseId' }),
  }),
  'fieldwork.observations.save': method(
    z.object({ caseId: caseIdSchema, id: id.optional(), entry: observationInputSchema }).strict(),
    observationSchema,
    { audit: changes('an observation', { input: 'caseId' }) },
  ),
  'fieldwork.observations.remove': method(byId, removed, { audit: changes('an observation', { record: 'id' }) }),

  'fieldwork.actions.list': method(byCase, z.array(actionSchema), {
    audit: reads("the case's actions", { input: 'caseId' }),
  }),
  'fieldwork.actions.save': method(
    z
      .object({ caseId: caseIdSchema, id: id.optional(), action: actionInputSchema, reason: correctionReasonSchema })
      .strict(),
    actionSchema,
    { audit: changes('an action', { input: 'caseId' }) },
  ),
  'fieldwork.actions.setDone': method(z.object({ id, done: z.boolean() }).strict(), actionSchema, {
    audit: changes('an action', { record: 'id' }),
  }),
  'fieldwork.actions.remove': method(z.object({ id, reason: correctionReasonSchema }).strict(), removed, {
    audit: changes('an action', { record: 'id' }),
  }),
  /** For the Today screen: open actions overdue or due within `withinDays`, across all cases. */
  'fieldwork.actions.due': method(
    z.object({ withinDays: z.number().int().min(0).max(90).default(7) }).strict(),
    z.array(dueActionSchema),
    { audit: notAudited('a list across the caseload; opening any one case is recorded') },
  ),

  ...fieldworkSafeguardingMethods,
};
