import { describe, expect, it } from 'vitest';
import { cell, CSV_HEADER, reportToCsv } from '../../../shared/reports/csv';
import { parseQuarter } from '../../../shared/reports/period';
import { quarterlyReport, type ReportReferral } from '../../../shared/reports/quarterly';

const r = (reference: string, la: string | null, closure: string | null): ReportReferral => ({
  reference,
  person_reference: reference,
  date_of_birth: '2012-01-01',
  gender: 'female',
  service_user_type: 'CIC',
  local_authority: la,
  referral_date: '2026-04-10',
  referral_source: 'social_worker',
  issues: ['PLACEMENT'],
  urgency: 'standard',
  allocated_to: null,
  allocation_date: '2026-04-11',
  closure_date: closure,
  closure_outcome: closure ? 'all_issues_resolved' : null,
});

const q2 = parseQuarter('2026-Q2')!;
const lines = (csv: string): string[] => csv.trimEnd().split('\r\n');

describe('report CSV', () => {
  const report = quarterlyReport(
    [r('A', 'Kent', '2026-05-01'), r('B', 'Kent', null), r('C', 'Brighton, Hove', null)],
    [],
    q2,
  );
  const csv = reportToCsv(report);
  const rows = lines(csv);

  it('starts with the header and gives the period', () => {
    expect(rows[0]).toBe(CSV_HEADER.join(','));
    expect(rows).toContain('period,,from,First day: 2026-04-01,,');
    expect(rows).toContain('newReferrals,,total,New referrals,3,');
  });

  it('gives counts with percentages of new referrals', () => {
    expect(rows).toContain('byServiceUserType,,CIC,Children in care,3,100');
    expect(rows).toContain('byServiceUserType,,CP,Child protection,0,0');
    expect(rows).toContain('byLocalAuthority,,E10000016,Kent,2,66.7');
    expect(rows).toContain('byLocalAuthority,,"Brighton, Hove","Brighton, Hove",1,33.3');
    expect(rows).toContain('issuesByAgeBand,11-15,PLACEMENT,11-15 years: Placement,3,');
    expect(rows).toContain('allocated,,count,Allocated an advocate,3,100');
    expect(rows).toContain('allocated,,medianDaysToAllocation,Median days from referral to allocation,1,');
    expect(rows).toContain('closed,,all_issues_resolved,Advocacy complete: all issues resolved,1,100');
    expect(rows).toContain('briefInterventions,,count,Referred and closed in the period,1,33.3');
  });

  it('has the same rows every quarter apart from local authorities', () => {
    const empty = lines(reportToCsv(quarterlyReport([], [], parseQuarter('2030-Q1')!)));
    const codes = (rs: string[]): string[] =>
      rs
        .filter((l) => !l.startsWith('byLocalAuthority') && !l.startsWith('period'))
        .map((l) => l.split(',').slice(0, 3).join(','));
    expect(codes(empty)).toEqual(codes(rows));
    expect(empty.filter((l) => l.startsWith('byLocalAuthority'))).toEqual([]);
  });

  it('keeps typed-in names from running as spreadsheet formulas', () => {
    expect(cell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(cell('-1+2')).toBe("'-1+2");
    expect(cell('@SUM')).toBe("'@SUM");
    expect(cell('Kent')).toBe('Kent');
    expect(cell(-3)).toBe('-3');
  });
});
