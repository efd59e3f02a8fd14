import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../shared/reports/csv';
import { parseQuarter, periodBefore } from '../../../shared/reports/period';
import { quarterlyReport, type ReportReferral } from '../../../shared/reports/quarterly';
import { reportTables } from '../../../shared/reports/tables';
import { noActivity } from '../../../shared/reports/activity';

const base: ReportReferral = {
  reference: '',
  person_reference: null,
  date_of_birth: null,
  gender: null,
  service_user_type: 'CIC',
  local_authority: null,
  referral_date: null,
  referral_source: null,
  issues: [],
  urgency: 'standard',
  allocated_to: null,
  allocation_date: null,
  closure_date: null,
  closure_outcome: null,
};

describe('the period a report is set beside', () => {
  it('is the previous calendar quarter for a quarter, across a year end', () => {
    expect(periodBefore(parseQuarter('2026-Q2')!)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodBefore(parseQuarter('2026-Q1')!)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });
  it('is the same number of days just before any other period', () => {
    expect(periodBefore({ from: '2026-04-06', to: '2026-04-12' })).toEqual({ from: '2026-03-30', to: '2026-04-05' });
    // 1 March to 31 May is 92 days; the 92 days before end on 28 February 2026.
    expect(periodBefore({ from: '2026-03-01', to: '2026-05-31' })).toEqual({ from: '2025-11-29', to: '2026-02-28' });
  });
});

describe('report tables', () => {
  const q2 = parseQuarter('2026-Q2')!;
  const referrals: ReportReferral[] = [
    { ...base, reference: 'A', referral_date: '2026-04-03', ethnicity: 'CHNE' },
    { ...base, reference: 'B', referral_date: '2026-02-03', ethnicity: 'CHNE' },
    { ...base, reference: 'C', referral_date: '2026-03-03', ethnicity: 'REFU' },
  ];
  const now = quarterlyReport(referrals, [], q2, noActivity);
  const before = quarterlyReport(referrals, [], periodBefore(q2), noActivity);
  const tables = reportTables(now, before);

  it('puts the previous quarter beside each figure, and says where to find the cases behind it', () => {
    const ethnicity = tables.find((t) => t.id === 'ethnicity')!;
    expect(ethnicity.rows.find((r) => r.code === 'CHNE')).toEqual({
      code: 'CHNE',
      label: 'Chinese',
      count: 1,
      percent: 100,
      previous: 1,
      cases: { figure: 'byEthnicity', code: 'CHNE' },
    });
    expect(ethnicity.rows.find((r) => r.code === 'REFU')).toMatchObject({ count: 0, previous: 1 });
    expect(tables.find((t) => t.id === 'summary')!.rows[0]).toMatchObject({
      label: 'New referrals',
      count: 1,
      previous: 2,
    });
  });

  it('has a table for every figure, each with a short unique id for its file and sheet', () => {
    expect(tables.map((t) => t.id)).toEqual([
      'summary',
      'service_users',
      'issues',
      'age',
      'issues_by_age',
      'gender',
      'ethnicity',
      'disability',
      'advocacy_type',
      'source',
      'local_authority',
      'closures',
      'issue_outcomes',
      'complaints',
      'safeguarding',
      'contacts',
      'meetings',
      'systemic_issues',
      'feedback',
    ]);
    expect(new Set(tables.map((t) => t.title.slice(0, 31).toLowerCase())).size).toBe(tables.length);
  });

  it('never starts a CSV cell with a formula character, even for a systemic issue typed like one', () => {
    const withIssue = quarterlyReport(referrals, [], q2, {
      ...noActivity,
      systemicIssues: [
        { reference: 'A', area: 'wider_community', issue: '=HYPERLINK("http://x")', raised_on: '2026-05-01' },
      ],
    });
    const csv = tableToCsv(
      reportTables(withIssue).find((t) => t.id === 'systemic_issues')!,
      q2,
    );
    expect(csv).toContain('Changes to the wider community: =HYPERLINK');
    expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
    expect(csv.split('\r\n')[0]).toBe('code,label,count 2026-04-01 to 2026-06-30,percent');
  });
});
