import { getCaseSummary } from '../caseload/case-summary';
import { AppError } from '../../../shared/ipc/errors';
import type { AgreementMethod } from '../../../shared/domain/meetings';
import type { CoreContext } from '../ipc/handler-types';
import { meetingRow } from './meetings-service';
import { parseSections } from './rows';
import { statementDocument, statementFileName, type TiptapNode } from './statement-document';
import { requireAgreed } from './statements-service';

/** The agreed words as a TipTap document, refusing (with words for the advocate) if not agreed. */
export function agreedStatementDocument(ctx: CoreContext, id: string): { doc: TiptapNode; fileName: string } {
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
  return { doc, fileName: statementFileName(meeting.meeting_date) };
}

export async function exportStatementPdf(ctx: CoreContext, id: string): Promise<{ fileName: string; base64: string }> {
  const { fileName } = agreedStatementDocument(ctx, id);
  void fileName;
  throw new AppError('internal', 'Exporting to PDF is not available in this version of Heard yet.');
}
