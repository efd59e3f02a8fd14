import { issueCodes } from '../domain/codes';
import { reportAgeBands } from './age';
import { questionLabels, respondentRoleLabels, smileyLabels, type AnswerSummary } from './feedback';
import {
  ageBandLabels,
  genderLabels,
  issueLabels,
  localAuthorityLabel,
  outcomeLabels,
  serviceUserTypeLabels,
  sourceLabels,
} from './labels';
import { percent } from './rounding';
import type { Period } from './period';
import type { QuarterlyReport } from './quarterly';
import type { ReportTable } from './tables';

/**
 * The report as one long table, which every spreadsheet opens and which keeps the same rows
 * every quarter: section, group (only for cross-tables), code, label, count, percent.
 * Percentages are of new referrals, except in "closed" (of cases closed) and "feedback" (of
 * answers to that question). Empty percent = no figure (nothing to divide by).
 */
export const CSV_HEADER = ['section', 'group', 'code', 'label', 'count', 'percent'] as const;

type Row = [section: string, group: string, code: string, label: string, count: number | null, percent: number | null];

export function reportToCsv(report: QuarterlyReport): string {
  const rows: Row[] = [];
  const n = report.newReferrals;
  const push = (
    section: string,
    counts: Record<string, number>,
    label: (code: string) => string,
    total: number | null = n,
  ): void => {
    for (const [code, count] of Object.entries(counts))
      rows.push([section, '', code, label(code), count, total === null ? null : percent(count, total)]);
  };
  rows.push(
    ['period', '', 'from', `First day: ${report.period.from}`, null, null],
    ['period', '', 'to', `Last day: ${report.period.to}`, null, null],
  );
  rows.push(['newReferrals', '', 'total', 'New referrals', n, null]);
  push(
    'byServiceUserType',
    report.byServiceUserType,
    (c) => serviceUserTypeLabels[c as keyof typeof serviceUserTypeLabels],
  );
  push('byAgeBand', report.byAgeBand, (c) => ageBandLabels[c as keyof typeof ageBandLabels]);
  push('byIssue', report.byIssue, (c) => issueLabels[c as keyof typeof issueLabels]);
  push('byGender', report.byGender, (c) => genderLabels[c as keyof typeof genderLabels]);
  push('bySource', report.bySource, (c) => sourceLabels[c as keyof typeof sourceLabels]);
  push('byLocalAuthority', report.byLocalAuthority, localAuthorityLabel);
  for (const band of reportAgeBands) {
    for (const code of issueCodes) {
      rows.push([
        'issuesByAgeBand',
        band,
        code,
        `${ageBandLabels[band]}: ${issueLabels[code]}`,
        report.issuesByAgeBand[band][code],
        null,
      ]);
    }
  }
  const a = report.allocated;
  rows.push(['allocated', '', 'count', 'Allocated an advocate', a.count, a.percent]);
  rows.push([
    'allocated',
    '',
    'medianDaysToAllocation',
    'Median days from referral to allocation',
    a.medianDaysToAllocation,
    null,
  ]);
  rows.push(['closed', '', 'total', 'Cases closed', report.closed.total, null]);
  for (const [code, count] of Object.entries(report.closed.byOutcome)) {
    rows.push([
      'closed',
      '',
      code,
      outcomeLabels[code as keyof typeof outcomeLabels],
      count,
      report.closed.percentByOutcome[code as keyof typeof outcomeLabels],
    ]);
  }
  const b = report.briefInterventions;
  rows.push(['briefInterventions', '', 'count', 'Referred and closed in the period', b.count, b.percentOfNewReferrals]);
  const f = report.feedback;
  rows.push(['feedback', '', 'young_person', "Young people's forms received", f.received.young_person, null]);
  rows.push([
    'feedback',
    '',
    'professional',
    "Professionals' and parents' forms received",
    f.received.professional,
    null,
  ]);
  const answers = (group: string, summaries: Record<string, AnswerSummary>): void => {
    for (const [q, s] of Object.entries(summaries)) {
      const answered = s.happy + s.ok + s.sad;
      for (const ans of ['happy', 'ok', 'sad'] as const) {
        rows.push([
          'feedback',
          group,
          `${q}:${ans}`,
          `${questionLabels[q as keyof typeof questionLabels]} ${smileyLabels[ans]}`,
          s[ans],
          percent(s[ans], answered),
        ]);
      }
      rows.push([
        'feedback',
        group,
        `${q}:not_answered`,
        `${questionLabels[q as keyof typeof questionLabels]} Not answered`,
        s.notAnswered,
        null,
      ]);
    }
  };
  answers('young_person', f.youngPerson);
  answers('professional', f.professional);
  for (const [role, count] of Object.entries(f.professionalByRole)) {
    rows.push([
      'feedback',
      'professional',
      `role:${role}`,
      respondentRoleLabels[role as keyof typeof respondentRoleLabels],
      count,
      null,
    ]);
  }
  rows.push(['feedback', '', 'withComments', 'Forms with a suggestion', f.withComments, null]);

  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) lines.push(r.map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula. */
export function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One table of the report as its own CSV file: a row per figure with this period's count, its
 * percentage (of what the table says) and the previous period's count beside it.
 */
export function tableToCsv(table: ReportTable, period: Period, previous?: Period): string {
  const header = [
    'code',
    'label',
    `count ${period.from} to ${period.to}`,
    table.percentOf ? `percent of ${table.percentOf}` : 'percent',
  ];
  if (previous) header.push(`count ${previous.from} to ${previous.to}`);
  const lines = [header.map(cell).join(',')];
  for (const r of table.rows) {
    const cells: Array<string | number | null> = [r.code, r.label, r.count, r.percent];
    if (previous) cells.push(r.previous ?? null);
    lines.push(cells.map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
