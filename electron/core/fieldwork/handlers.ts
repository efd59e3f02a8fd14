import type { fieldworkMethods } from '../../../shared/ipc/fieldwork';
import type { HandlersFor } from '../ipc/handler-types';
import { dueActions, listActions, removeAction, saveAction, setActionDone } from './actions';
import { caseInfo } from './case-info';
import { listContacts, saveContact } from './contacts';
import { searchNotes } from './note-search';
import {
  createNote,
  getNote,
  getVersion,
  listNotes,
  listVersions,
  removeNote,
  restoreVersion,
  saveNote,
} from './notes';
import {
  amendSafeguarding,
  createSafeguarding,
  listSafeguarding,
  safeguardingFlags,
  safeguardingHistory,
} from './safeguarding';
import { listObservations, listWishes, removeRecord, saveObservation, saveWishes } from './wishes';

export const fieldworkHandlers: HandlersFor<keyof typeof fieldworkMethods> = {
  'fieldwork.caseInfo': (i, ctx) => caseInfo(ctx, i.caseId),

  'fieldwork.contacts.list': (i, ctx) => listContacts(ctx, i.caseId),
  'fieldwork.contacts.save': (i, ctx) => saveContact(ctx, i.caseId, i.id, i.contact),
  'fieldwork.contacts.remove': (i, ctx) => removeRecord(ctx, 'contact', 'contacts', i.id, 'contact'),

  'fieldwork.notes.list': (i, ctx) => listNotes(ctx, i.caseId),
  'fieldwork.notes.create': (i, ctx) => createNote(ctx, i.caseId, i.contactId, i.title),
  'fieldwork.notes.get': (i, ctx) => getNote(ctx, i.id),
  'fieldwork.notes.save': (i, ctx) => saveNote(ctx, i.id, i.title, i.body, i.reason),
  'fieldwork.notes.versions': (i, ctx) => listVersions(ctx, i.noteId),
  'fieldwork.notes.version': (i, ctx) => {
    const { noteId: _noteId, ...v } = getVersion(ctx, i.versionId);
    return v;
  },
  'fieldwork.notes.restore': (i, ctx) => restoreVersion(ctx, i.versionId),
  'fieldwork.notes.remove': (i, ctx) => removeNote(ctx, i.id),
  'fieldwork.notes.search': (i, ctx) => searchNotes(ctx, i.query, i.caseId, i.limit),

  'fieldwork.wishes.list': (i, ctx) => listWishes(ctx, i.caseId),
  'fieldwork.wishes.save': (i, ctx) => saveWishes(ctx, i.caseId, i.id, i.entry),
  'fieldwork.wishes.remove': (i, ctx) =>
    removeRecord(ctx, 'wishes_entry', 'wishes_entries', i.id, 'wishes and feelings entry'),

  'fieldwork.observations.list': (i, ctx) => listObservations(ctx, i.caseId),
  'fieldwork.observations.save': (i, ctx) => saveObservation(ctx, i.caseId, i.id, i.entry),
  'fieldwork.observations.remove': (i, ctx) => removeRecord(ctx, 'observation', 'observations', i.id, 'observation'),

  'fieldwork.actions.list': (i, ctx) => listActions(ctx, i.caseId),
  'fieldwork.actions.save': (i, ctx) => saveAction(ctx, i.caseId, i.id, i.action, i.reason),
  'fieldwork.actions.setDone': (i, ctx) => setActionDone(ctx, i.id, i.done),
  'fieldwork.actions.remove': (i, ctx) => removeAction(ctx, i.id, i.reason),
  'fieldwork.actions.due': (i, ctx) => dueActions(ctx, i.withinDays),

  'fieldwork.safeguarding.list': (i, ctx) => listSafeguarding(ctx, i.caseId),
  'fieldwork.safeguarding.create': (i, ctx) => createSafeguarding(ctx, i.caseId, i.record),
  'fieldwork.safeguarding.amend': (i, ctx) => amendSafeguarding(ctx, i.id, i.reason, i.changes),
  'fieldwork.safeguarding.history': (i, ctx) => safeguardingHistory(ctx, i.id),
  'fieldwork.safeguarding.flags': (i, ctx) => safeguardingFlags(ctx, i.caseIds),
};
