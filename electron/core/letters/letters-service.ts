import { todayIso } from '../../../shared/domain/dates';
import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import type { Complaint, DocJson, Letter } from '../../../shared/ipc/letters';
import {
  fillMergeFields,
  fillPlaceholders,
  findPlaceholders,
  getLetterTemplate,
  undecidedPlaceholders,
  type LetterTemplate,
} from '../../../shared/templates';
import { getCaseSummary } from '../caseload/case-summary';
import type { CoreContext } from '../ipc/handler-types';
import { renderPdfWithReport } from '../pdf';
import { complaintChain, complaintsForCase, getComplaint } from './complaints-service';
import { councilFor } from './council-addresses';
import { assertDraft, getLetter, letterRow, toLetter } from './letter-rows';
import { pdfLetterhead, readLetterhead } from './letterhead-store';
import { mergeValuesFor } from './merge-values';

export { getLetter, lettersForCase, unsentLetters } from './letter-rows';

export type LetterContent = Pick<Letter, 'caseId' | 'templateId' | 'complaintId' | 'title' | 'recipient' | 'body'>;

/**
 * The complaint whose facts a letter states. A letter asking for the next stage talks about the
 * stage before it ("you received the Stage 1 complaint on..."), even when the advocate has already
 * recorded the new stage and writes the letter from it.
 */
function factsComplaint(
  ctx: CoreContext,
  template: LetterTemplate,
  complaint: Complaint | null,
  today: string,
): Complaint | null {
  if (!complaint || !template.startsStage || template.startsStage === 'stage1') return complaint;
  if (complaint.stage !== template.startsStage || !complaint.escalatedFrom) return complaint;
  try {
    return getComplaint(ctx.db(), complaint.escalatedFrom, today);
  } catch {
    return complaint;
  }
}

/** A template filled in with the case's details (and the complaint's dates), not yet saved. */
export function draftLetter(
  ctx: CoreContext,
  caseId: string,
  templateId: string,
  complaintId: string | null,
  ownWords: string | null = null,
): LetterContent {
  const template = getLetterTemplate(templateId);
  if (!template) throw new AppError('not_found', 'That letter template does not exist.');
  const db = ctx.db();
  const summary = getCaseSummary(db, caseId);
  if (!summary) throw new AppError('not_found', 'That case could not be found. It may have been closed and removed.');
  const today = todayIso(ctx.now());
  const open = complaintsForCase(db, caseId, today);
  const complaint = complaintId
    ? getComplaint(db, complaintId, today)
    : (open.find((c) => c.outcome === null) ?? open[0] ?? null);
  if (complaint && complaint.caseId !== caseId)
    throw new AppError('invalid_input', 'That complaint belongs to a different case.');
  const facts = factsComplaint(ctx, template, complaint, today);
  const { doc } = fillMergeFields(
    template.body,
    mergeValuesFor({
      summary,
      letterhead: readLetterhead(ctx.dataDir),
      council: councilFor(ctx.dataDir, summary.person.localAuthority),
      complaint: facts,
      chain: facts ? complaintChain(db, facts, today) : [],
      ownWords,
      today,
    }),
  );
  return {
    caseId,
    templateId,
    complaintId: complaint?.id ?? null,
    title: template.title,
    recipient: template.recipient,
    body: doc,
  };
}

/** A new letter from a template, saved on the case for editing. */
export function createLetter(
  ctx: CoreContext,
  input: { caseId: string; templateId: string; complaintId: string | null; ownWords: string | null },
): Letter {
  const draft = draftLetter(ctx, input.caseId, input.templateId, input.complaintId, input.ownWords);
  const id = uuidv7();
  const now = ctx.now().toISOString();
  ctx.write((w) =>
    w.upsert('letter', id, input.caseId, {
      case_id: input.caseId,
      template_id: input.templateId,
      complaint_id: draft.complaintId,
      title: draft.title,
      recipient: draft.recipient,
      body: draft.body as unknown as Record<string, unknown>,
      version: 1,
      created_at: now,
      updated_at: now,
    }),
  );
  ctx.emit({ type: 'changed', entity: 'letter' });
  return getLetter(ctx.db(), id);
}

export function saveLetter(
  ctx: CoreContext,
  id: string,
  patch: { title?: string | undefined; recipient?: string | null | undefined; body?: DocJson | undefined },
): Letter {
  const r = letterRow(ctx.db(), id);
  assertDraft(r);
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

/** The [placeholders] still in the letter, and those the advocate chose to leave when it was sent. */
export function letterPlaceholders(ctx: CoreContext, id: string): { placeholders: string[]; left: string[] } {
  const letter = getLetter(ctx.db(), id);
  return { placeholders: findPlaceholders(letter.body), left: letter.placeholdersLeft };
}

/** Puts the advocate's words in place of placeholders, everywhere each appears in the letter. */
export function fillLetterPlaceholders(ctx: CoreContext, id: string, fills: Record<string, string>): Letter {
  const r = letterRow(ctx.db(), id);
  assertDraft(r);
  const letter = toLetter(ctx.db(), r);
  const unknown = Object.keys(fills).filter((p) => !findPlaceholders(letter.body).includes(p));
  if (unknown.length > 0)
    throw new AppError('invalid_input', 'The letter has changed since its placeholders were listed. Check them again.');
  return saveLetter(ctx, id, { body: fillPlaceholders(letter.body, fills) });
}

/** Refuses while a placeholder is still in the letter that the advocate has not chosen to leave. */
export function assertPlaceholdersDecided(body: DocJson, leave: readonly string[]): void {
  const undecided = undecidedPlaceholders(body, leave);
  if (undecided.length === 0) return;
  const n = undecided.length;
  throw new AppError(
    'invalid_input',
    `This letter still has ${n} placeholder${n === 1 ? '' : 's'} in [square brackets]. Fill ${n === 1 ? 'it' : 'each one'}, or choose to leave ${n === 1 ? 'it' : 'them'} as written.`,
    { fields: { placeholders: String(n) } },
  );
}

/**
 * The letter as a PDF, once every placeholder is filled or deliberately left. The file name carries
 * the case reference, never the young person's name: it will be seen in folders and email attachments.
 */
export async function letterPdf(
  ctx: CoreContext,
  id: string,
  leave: readonly string[],
): Promise<{ fileName: string; bytes: Uint8Array; pages: number }> {
  const letter = getLetter(ctx.db(), id);
  assertPlaceholdersDecided(letter.body, [...leave, ...letter.placeholdersLeft]);
  return renderLetterPdf(ctx, letter);
}

export async function renderLetterPdf(
  ctx: CoreContext,
  letter: LetterContent,
): Promise<{ fileName: string; bytes: Uint8Array; pages: number }> {
  const summary = getCaseSummary(ctx.db(), letter.caseId);
  const letterhead = readLetterhead(ctx.dataDir);
  const head = pdfLetterhead(letterhead);
  const advocate = summary?.advocate?.name;
  const { bytes, pages } = await renderPdfWithReport(letter.body, {
    title: letter.title,
    ...(advocate ? { author: advocate } : {}),
    subject: letter.recipient ? `Letter to ${letter.recipient}` : 'Letter',
    ...(head ? { letterhead: head } : {}),
    ...(advocate
      ? {
          signature: {
            name: advocate,
            role: 'Independent advocate',
            ...(letterhead.name ? { organisation: letterhead.name } : {}),
          },
        }
      : {}),
    createdAt: ctx.now(),
  });
  const reference = (summary?.reference ?? 'case').replace(/[^\w-]+/g, '-');
  const fileName = `${letter.templateId ?? 'letter'}-${reference}-${todayIso(ctx.now())}.pdf`;
  return { fileName, bytes, pages };
}
