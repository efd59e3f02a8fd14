import { stageLabels } from '../../../shared/domain/complaint-deadlines';
import { formatUkDate } from '../../../shared/domain/dates';
import type { LetterheadSettings, Complaint } from '../../../shared/ipc/letters';
import { issueLabels } from '../../../shared/domain/code-labels';
import type { MergeValues } from '../../../shared/templates';
import type { CaseSummary } from '../caseload/case-summary';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-02" -> "2 March 2026", the way dates are written at the top of a letter. */
export function letterDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}`;
}

const uk = (iso: string | null | undefined): string | null => (iso ? formatUkDate(iso) : null);

/** The values a template's merge fields take for one case (and, when given, one complaint). */
export function mergeValuesFor(summary: CaseSummary, letterhead: LetterheadSettings, complaint: Complaint | null, today: string): MergeValues {
  const response = complaint?.deadlines.find((d) => d.key === 'response' || d.key === 'panel');
  const openIssues = summary.issues.map((i) => i.description?.trim() || issueLabels[i.code]);
  return {
    'youngPerson.name': summary.person.preferredName,
    'youngPerson.fullName': summary.person.legalName || null,
    'youngPerson.dateOfBirth': uk(summary.person.dateOfBirth),
    localAuthority: summary.person.localAuthority,
    'advocate.name': summary.advocate?.name ?? null,
    'service.name': letterhead.name || null,
    'service.address': letterhead.address || null,
    'case.reference': summary.reference,
    today: letterDate(today),
    issues: openIssues.length ? openIssues.join('; ') : null,
    'complaint.stage': complaint ? stageLabels[complaint.stage] : null,
    'complaint.received': uk(complaint?.receivedOn),
    'complaint.responseDue': uk(complaint?.nextDue ?? response?.due ?? null),
    'complaint.responseReceived': uk(complaint?.responseReceivedOn),
    'complaint.councilReference': complaint?.councilReference ?? null,
  };
}
