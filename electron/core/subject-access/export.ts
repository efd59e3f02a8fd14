import { todayIso } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/errors';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../ipc/handler-types';
import { renderPdfWithReport } from '../pdf';
import { bundleDocument } from './bundle-document';
import { gatherSubjectAccess, personIdFor } from './gather';

export interface SubjectAccessExport {
  cases: number;
  records: number;
  json: { fileName: string; text: string };
  pdf: { fileName: string; base64: string; pages: number };
}

/**
 * Builds both files in memory and hands them to the caller (the renderer saves them where the
 * advocate chooses, after warning that they leave the encrypted store). The export is recorded
 * in the trail of every case it covers.
 */
export async function exportSubjectAccess(
  ctx: CoreContext,
  ref: { personId?: string | undefined; caseId?: string | undefined },
): Promise<SubjectAccessExport> {
  const db = ctx.db();
  const personId = personIdFor(db, ref);
  if (!personId) throw new AppError('not_found', 'Heard holds no person with those details on this computer.');
  const now = ctx.now();
  const data = gatherSubjectAccess(db, personId);
  const records = data.cases.reduce((n, c) => n + Object.values(c.records).reduce((m, rows) => m + rows.length, 0), 0);
  const stem = `subject-access-${todayIso(now)}`;
  const json = JSON.stringify(
    { format: 'heard-subject-access', version: 1, generatedAt: now.toISOString(), ...data },
    null,
    2,
  );
  const pdf = await renderPdfWithReport(bundleDocument(data, now), {
    title: 'Information held about you',
    subject: 'Subject access request',
    author: 'Heard',
    createdAt: now,
  });
  appendAudit(
    db,
    ctx.deviceId(),
    now,
    data.cases.length > 0
      ? data.cases.map((c) => ({
          action: 'subject-access-export' as const,
          method: 'subjectAccess.export',
          caseId: c.caseId,
        }))
      : [{ action: 'subject-access-export', method: 'subjectAccess.export' }],
  );
  return {
    cases: data.cases.length,
    records,
    json: { fileName: `${stem}.json`, text: json },
    pdf: { fileName: `${stem}.pdf`, base64: Buffer.from(pdf.bytes).toString('base64'), pages: pdf.pages },
  };
}
