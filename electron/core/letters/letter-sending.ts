import { todayIso } from '../../../shared/domain/dates';
import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import type { DocJson, Letter, sendMethods } from '../../../shared/ipc/letters';
import { findPlaceholders, getLetterTemplate } from '../../../shared/templates';
import { getCaseSummary } from '../caseload/case-summary';
import type { CoreContext } from '../ipc/handler-types';
import { getComplaint, writeComplaint } from './complaints-service';
import { assertDraft, getLetter, letterRow, type LetterRow } from './letter-rows';
import { assertPlaceholdersDecided } from './letters-service';
import { letterDate } from './merge-values';

/*
 * What happens to a letter once it is written: recorded as sent (and then locked), corrected by a
 * new version, or, while still a draft, deleted and brought back.
 */

type SendMethod = (typeof sendMethods)[number];

/**
 * The complaint stage a letter starts, recorded as the letter is sent, when the advocate did not
 * record it first: received the day it was sent (the advocate can change the date if the post took
 * longer), escalated from the stage the letter was written about.
 */
function recordStartedStage(
  ctx: CoreContext,
  r: LetterRow,
  sentOn: string,
  write: (id: string, fields: Parameters<typeof writeComplaint>[4]) => void,
): string | null {
  const stage = r.template_id ? getLetterTemplate(r.template_id)?.startsStage : null;
  if (!stage) return r.complaint_id;
  const today = todayIso(ctx.now());
  const linked = r.complaint_id ? getComplaint(ctx.db(), r.complaint_id, today) : null;
  if (linked && linked.stage === stage) return linked.id;
  const issues = getCaseSummary(ctx.db(), r.case_id)?.issues.filter((i) => i.status === 'open') ?? [];
  const summary =
    linked?.summary ??
    (issues
      .map((i) => i.description?.trim())
      .filter(Boolean)
      .join('; ') ||
      null);
  const id = uuidv7();
  write(id, {
    caseId: r.case_id,
    stage,
    summary: summary ? summary.slice(0, 2000) : null,
    councilReference: linked?.councilReference ?? null,
    receivedOn: sentOn,
    acknowledgedOn: null,
    extendedTo: null,
    extensionReason: null,
    responseReceivedOn: null,
    outcome: null,
    panelHeldOn: null,
    panelReportOn: null,
    escalatedFrom: linked?.id ?? null,
  });
  return id;
}

/** Records the letter as sent and locks it; a complaint letter's stage is recorded with it. */
export function markSent(
  ctx: CoreContext,
  id: string,
  sentOn: string,
  method: SendMethod,
  leave: readonly string[],
): Letter {
  const r = letterRow(ctx.db(), id);
  assertDraft(r);
  if (sentOn > todayIso(ctx.now())) {
    const msg = 'The date sent cannot be in the future.';
    throw new AppError('invalid_input', msg, { fields: { sentOn: msg } });
  }
  const body = JSON.parse(r.body) as DocJson;
  assertPlaceholdersDecided(body, leave);
  const present = findPlaceholders(body);
  const kept = present.filter((p) => leave.includes(p));
  let complaintCreated = false;
  ctx.write((w) => {
    const complaintId = recordStartedStage(ctx, r, sentOn, (newId, fields) => {
      writeComplaint(ctx, w, newId, true, fields);
      complaintCreated = true;
    });
    w.upsert('letter', id, r.case_id, {
      sent_on: sentOn,
      sent_method: method,
      placeholders_left: kept,
      complaint_id: complaintId,
      updated_at: ctx.now().toISOString(),
    });
  });
  if (complaintCreated) ctx.emit({ type: 'changed', entity: 'complaint' });
  ctx.emit({ type: 'changed', entity: 'letter' });
  return getLetter(ctx.db(), id);
}

/** Puts a paragraph saying what the correction changes under the letter's heading (or at the top). */
function withCorrectionNote(body: DocJson, note: string): DocJson {
  const content = [...(body.content ?? [])];
  const paragraph: DocJson = {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Correction: ', marks: [{ type: 'bold' }] },
      { type: 'text', text: note },
    ],
  };
  const heading = content.findIndex((n) => n.type === 'heading');
  content.splice(heading + 1, 0, paragraph);
  return { ...body, content };
}

/** A new version of a sent letter, to be edited and sent in its place; it says what it changes. */
export function correctLetter(ctx: CoreContext, id: string, changeNote: string): Letter {
  const db = ctx.db();
  const r = letterRow(db, id);
  if (!r.sent_on)
    throw new AppError(
      'conflict',
      'This letter has not been sent yet, so it can still be edited: there is nothing to correct.',
    );
  const pending = db
    .prepare('SELECT version FROM letters WHERE version_of = ? AND deleted_at IS NULL AND sent_on IS NULL')
    .pluck()
    .get(id) as number | undefined;
  if (pending !== undefined)
    throw new AppError(
      'conflict',
      `A correction of this letter (version ${pending}) is already being written. Open it from the case's letters.`,
    );
  const newId = uuidv7();
  const now = ctx.now().toISOString();
  const version = (r.version ?? 1) + 1;
  const note = `this letter replaces our letter of ${letterDate(r.sent_on)}. ${changeNote.trim().replace(/([^.!?])$/, '$1.')}`;
  ctx.write((w) =>
    w.upsert('letter', newId, r.case_id, {
      case_id: r.case_id,
      template_id: r.template_id,
      complaint_id: r.complaint_id,
      title: r.title,
      recipient: r.recipient,
      body: withCorrectionNote(JSON.parse(r.body) as DocJson, note) as unknown as Record<string, unknown>,
      version,
      version_of: id,
      change_note: changeNote.trim(),
      created_at: now,
      updated_at: now,
    }),
  );
  ctx.emit({ type: 'changed', entity: 'letter' });
  return getLetter(db, newId);
}

/** Deletes a draft (it can be brought back); a sent letter is kept as the record of what was sent. */
export function removeLetter(ctx: CoreContext, id: string): boolean {
  const r = ctx.db().prepare('SELECT * FROM letters WHERE id = ? AND deleted_at IS NULL').get(id) as
    LetterRow | undefined;
  if (!r) return false;
  if (r.sent_on)
    throw new AppError('conflict', 'A sent letter is kept as the record of what was sent, so it cannot be deleted.');
  ctx.write((w) => w.remove('letter', id, r.case_id));
  ctx.emit({ type: 'changed', entity: 'letter' });
  return true;
}

/** Undoes the deletion of a draft. */
export function restoreLetter(ctx: CoreContext, id: string): Letter {
  const r = letterRow(ctx.db(), id, { deleted: true });
  ctx.write((w) => w.upsert('letter', id, r.case_id, { deleted_at: null, updated_at: ctx.now().toISOString() }));
  ctx.emit({ type: 'changed', entity: 'letter' });
  return getLetter(ctx.db(), id);
}
