import { z } from 'zod';
import { complaintOutcomes, complaintStages, outcomeLabels, stageLabels } from '../complaint-deadlines';
import { defineRecord, field } from './define';

/*
 * Letters and complaint stages, each stored column written once (migrations 0004 and 0015). The
 * entity registry, and so the write path and sync, read their columns from here; the IPC schemas
 * in shared/ipc/letters.ts are checked against these field for field by
 * tests/core/records/definitions-agree.test.ts. `case_id` is the referral's id.
 */

const caseId = field.text('Case', { max: 100, system: true, required: true });

/** One stage of a complaint; escalating adds a row for the next stage that points back with `escalatedFrom`. */
export const complaintRecord = defineRecord('complaint', 'complaints', {
  caseId,
  stage: field.code(complaintStages, stageLabels, 'Stage', { required: true }),
  summary: field.longText('What the complaint is about', { max: 2000 }),
  councilReference: field.text("Council's reference", { max: 100 }),
  receivedOn: field.date('Date the council received it', { required: true }),
  acknowledgedOn: field.date('Date acknowledged'),
  extendedTo: field.integer('Extended to (working days)'),
  extensionReason: field.longText('Reason for the extension', { max: 1000 }),
  responseReceivedOn: field.date('Date the response arrived'),
  outcome: field.code(complaintOutcomes, outcomeLabels, 'Outcome'),
  panelHeldOn: field.date('Date the panel met'),
  panelReportOn: field.date("Date of the panel's report"),
  escalatedFrom: field.text('Escalated from', { max: 100, system: true }),
  createdAt: field.text('Added', { max: 40, system: true }),
});

/** A letter; once sent it is locked, and a correction is a new version pointing back with `versionOf`. */
export const letterRecord = defineRecord('letter', 'letters', {
  caseId,
  templateId: field.text('Template', { max: 100, system: true }),
  complaintId: field.text('Complaint stage', { max: 100, system: true }),
  title: field.text('Title', { max: 300, required: true }),
  recipient: field.longText('To', { max: 2000 }),
  // The letter's rich text is one field, like a note's.
  body: field.json(z.object({ type: z.string() }).passthrough(), 'Letter', {
    required: true,
    initial: { type: 'doc', content: [] },
  }),
  sentOn: field.date('Sent on'),
  // The ways of sending are listed with the IPC contract (shared/ipc/letters.ts, sendMethods).
  sentMethod: field.text('How it was sent', { max: 20 }),
  createdAt: field.text('Started', { max: 40, system: true }),
  updatedAt: field.text('Last saved', { max: 40, system: true }),
  version: field.integer('Version', { system: true }),
  versionOf: field.text('Corrects', { max: 100, system: true }),
  changeNote: field.longText('What the correction changed', { max: 1000 }),
  placeholdersLeft: field.json(z.array(z.string()), 'Placeholders left in', {
    required: true,
    initial: [],
    system: true,
  }),
});

export const lettersRecords = [complaintRecord, letterRecord] as const;
