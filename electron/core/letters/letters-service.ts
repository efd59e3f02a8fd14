import { todayIso } from '../../../shared/domain/dates';
import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import { displayName } from '../../../shared/domain/caseload';
import type { DocJson, Letter, LetterSummary, UnsentLetter, sendMethods } from '../../../shared/ipc/letters';
import { fillMergeFields, getLetterTemplate } from '../../../shared/templates';
import { getCaseSummary } from '../caseload/case-summary';
import type { Db } from '../db/database';
import type { CoreContext } from '../ipc/handler-types';
import { renderPdfWithReport } from '../pdf';
import { complaintsForCase, getComplaint } from './complaints-service';
import { pdfLetterhead, readLetterhead } from './letterhead-store';
import { mergeValuesFor } from './merge-values';

interface LetterRow {
  id: string;
  case_id: string;
  template_id: string | null;
  complaint_id: string | null;
  title: string;
  recipient: string | null;
  body: string;
  sent_on: string | null;
  sent_method: string | null;
  created_at: string | null;
  updated_at: string | null;
}

type SendMethod = (typeof sendMethods)[number];

function toLetter(r: LetterRow): Letter {
  return {
    id: r.id,
    caseId: r.case_id,
    templateId: r.template_id,
    complaintId: r.complaint_id,
    title: r.title,
    recipient: r.recipient,
    body: JSON.parse(r.body) as DocJson,
    sentOn: r.sent_on,
    sentMethod: r.sent_method as SendMethod | null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function row(db: Db, id: string): LetterRow {
  const r = db.prepare('SELECT * FROM letters WHERE id = ? AND deleted_at IS NULL').get(id) as LetterRow | undefined;
  if (!r) throw new AppError('not_found', 'That letter could not be found. It may have been deleted.');
  return r;
}

export function getLetter(db: Db, id: string): Letter {
  return toLetter(row(db, id));
}

export function lettersForCase(db: Db, caseId: string): LetterSummary[] {
  const rows = db.prepare('SELECT * FROM letters WHERE case_id = ? AND deleted_at IS NULL ORDER BY created_at DESC').all(caseId) as LetterRow[];
  return rows.map((r) => {
    const { body: _body, ...rest } = toLetter(r);
    return rest;
  });
}

type LetterContent = Pick<Letter, 'caseId' | 'templateId' | 'complaintId' | 'title' | 'recipient' | 'body'>;

/** Letters written but not yet recorded as sent, across every case on this device, oldest first. */
export function unsentLetters(db: Db): UnsentLetter[] {
  const rows = db
    .prepare(
      `SELECT l.*, r.reference AS case_reference, p.preferred_name, p.first_name, p.last_name
         FROM letters l
         LEFT JOIN referrals r ON r.id = l.case_id AND r.deleted_at IS NULL
         LEFT JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL
        WHERE l.deleted_at IS NULL AND l.sent_on IS NULL
        ORDER BY l.created_at`,
    )
    .all() as (LetterRow & { case_reference: string | null; preferred_name: string | null; first_name: string | null; last_name: string | null })[];
  return rows.map((r) => {
    const { body: _body, ...rest } = toLetter(r);
    return {
      ...rest,
      caseLabel: r.case_reference ? { name: displayName({ preferredName: r.preferred_name, firstName: r.first_name, lastName: r.last_name }), reference: r.case_reference } : null,
    };
  });
}

/** A template filled in with the case's details (and the complaint's dates), not yet saved. */
export function draftLetter(ctx: CoreContext, caseId: string, templateId: string, complaintId: string | null): LetterContent {
  const template = getLetterTemplate(templateId);
  if (!template) throw new AppError('not_found', 'That letter template does not exist.');
  const db = ctx.db();
  const summary = getCaseSummary(db, caseId);
  if (!summary) throw new AppError('not_found', 'That case could not be found. It may have been closed and removed.');
  const today = todayIso(ctx.now());
  const open = complaintsForCase(db, caseId, today);
  const complaint = complaintId ? getComplaint(db, complaintId, today) : (open.find((c) => c.outcome === null) ?? open[0] ?? null);
  const { doc } = fillMergeFields(template.body, mergeValuesFor(summary, readLetterhead(ctx.dataDir), complaint, today));
  return { caseId, templateId, complaintId: complaint?.id ?? null, title: template.title, recipient: template.recipient, body: doc };
}

/** A new letter from a template, saved on the case for editing. */
export function createLetter(ctx: CoreContext, caseId: string, templateId: string, complaintId: string | null): Letter {
  const draft = draftLetter(ctx, caseId, templateId, complaintId);
  const id = uuidv7();
  const now = ctx.now().toISOString();
  ctx.write((w) =>
    w.upsert('letter', id, caseId, {
      case_id: caseId,
      template_id: templateId,
      complaint_id: draft.complaintId,
      title: draft.title,
      recipient: draft.recipient,
      body: draft.body as unknown as Record<string, unknown>,
      created_at: now,
      updated_at: now,
    }),
  );
  ctx.emit({ type: 'changed', entity: 'letter' });
  return getLetter(ctx.db(), id);
}

export function saveLetter(ctx: CoreContext, id: string, patch: { title?: string | undefined; recipient?: string | null | undefined; body?: DocJson | undefined }): Letter {
  const r = row(ctx.db(), id);
  ctx.write((w) =>
    w.upsert('letter', id, r.case_id, {
      title: patch.title,
      recipient: patch.recipient,
      body: patch.body as Record<string, unknown> | undefined,
      updated_at: ctx.now().toISOString(),
    }),
  );
  ctx.emit({ type: 'changed', entity: 'letter' });
  return getLetter(ctx.db(), id);
}

export function markSent(ctx: CoreContext, id: string, sentOn: string | null, method: SendMethod | null): Letter {
  const r = row(ctx.db(), id);
  if (sentOn && sentOn > todayIso(ctx.now())) {
    const msg = 'The date sent cannot be in the future.';
    throw new AppError('invalid_input', msg, { fields: { sentOn: msg } });
  }
  if (sentOn && !method) {
    const msg = 'Say how the letter was sent.';
    throw new AppError('invalid_input', msg, { fields: { sentMethod: msg } });
  }
  ctx.write((w) => w.upsert('letter', id, r.case_id, { sent_on: sentOn, sent_method: sentOn ? method : null, updated_at: ctx.now().toISOString() }));
  ctx.emit({ type: 'changed', entity: 'letter' });
  return getLetter(ctx.db(), id);
}

export function removeLetter(ctx: CoreContext, id: string): boolean {
  const r = ctx.db().prepare('SELECT case_id FROM letters WHERE id = ? AND deleted_at IS NULL').get(id) as { case_id: string } | undefined;
  if (!r) return false;
  ctx.write((w) => w.remove('letter', id, r.case_id));
  ctx.emit({ type: 'changed', entity: 'letter' });
  return true;
}

/**
 * The letter as a PDF. The file name carries the case reference, never the young person's name,
 * because it will be seen in folders and email attachments outside the encrypted store.
 */
export async function letterPdf(ctx: CoreContext, id: string): Promise<{ fileName: string; bytes: Uint8Array; pages: number }> {
  return renderLetterPdf(ctx, getLetter(ctx.db(), id));
}

export async function renderLetterPdf(ctx: CoreContext, letter: LetterContent): Promise<{ fileName: string; bytes: Uint8Array; pages: number }> {
  const summary = getCaseSummary(ctx.db(), letter.caseId);
  const letterhead = readLetterhead(ctx.dataDir);
  const head = pdfLetterhead(letterhead);
  const advocate = summary?.advocate?.name;
  const { bytes, pages } = await renderPdfWithReport(letter.body, {
    title: letter.title,
    ...(advocate ? { author: advocate } : {}),
    subject: letter.recipient ? `Letter to ${letter.recipient}` : 'Letter',
    ...(head ? { letterhead: head } : {}),
    ...(advocate ? { signature: { name: advocate, role: 'Independent advocate', ...(letterhead.name ? { organisation: letterhead.name } : {}) } } : {}),
    createdAt: ctx.now(),
  });
  const reference = (summary?.reference ?? 'case').replace(/[^\w-]+/g, '-');
  const fileName = `${letter.templateId ?? 'letter'}-${reference}-${todayIso(ctx.now())}.pdf`;
  return { fileName, bytes, pages };
}
