import { getCaseSummary } from '../caseload/case-summary';
import { renderPdf } from '../pdf';
import type { AgreementMethod } from '../../../shared/domain/meetings';
import type { CoreContext } from '../ipc/handler-types';
import { meetingRow } from './meetings-service';
import { parseSections } from './rows';
import { statementDocument, statementFileName, type TiptapNode } from './statement-document';
import { requireAgreed } from './statements-service';

/** The agreed words as a TipTap document, refusing (with words for the advocate) if not agreed. */
export function agreedStatementDocument(
  ctx: CoreContext,
  id: string,
): { doc: TiptapNode; fileName: string; caseId: string } {
  const db = ctx.db();
  const { row, version } = requireAgreed(db, id);
  const meeting = meetingRow(db, row.meeting_id);
  const summary = getCaseSummary(db, row.case_id);
  const doc = statementDocument({
    name: summary?.person.preferredName || null,
    meetingType: meeting.meeting_type,
    typeOther: meeting.type_other,
    meetingDate: meeting.meeting_date,
    presenter: version.presenter,
    sections: parseSections(version.sections),
    agreedOn: row.agreed_on!,
    agreedHow: row.agreed_how as AgreementMethod,
  });
  return { doc, fileName: statementFileName(meeting.meeting_date), caseId: row.case_id };
}

/** The agreed statement as PDF bytes (base64 for IPC); the renderer saves it where the advocate chooses. */
export async function exportStatementPdf(
  ctx: CoreContext,
  id: string,
): Promise<{ caseId: string; fileName: string; base64: string }> {
  const { doc, fileName, caseId } = agreedStatementDocument(ctx, id);
  const bytes = await renderPdf(doc, {
    title: 'My views',
    subject: 'A young person’s views for a meeting, in their own words',
    author: 'Heard',
    createdAt: ctx.now(),
  });
  return { caseId, fileName, base64: Buffer.from(bytes).toString('base64') };
}
