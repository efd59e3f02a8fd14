import { issueCodes } from '../domain/codes';
import { disabilityLabels, ethnicityLabels } from '../domain/equality';
import { reportAgeBands } from './age';
import {
  advocacyTypeReportLabels,
  ageBandLabels,
  genderLabels,
  issueLabels,
  localAuthorityLabel,
  serviceUserTypeLabels,
  sourceLabels,
} from './labels';
import { label, type TableBuilder } from './table-builder';

/** Who was referred: the summary, then each breakdown of the period's new referrals. */
export function referralTables(b: TableBuilder): void {
  const { report } = b;
  const n = report.newReferrals;
  const a = report.allocated;
  b.table('summary', 'Summary', 'new referrals', null, [
    b.row('newReferrals', 'New referrals', n, null, (r) => r.newReferrals, ['newReferrals', 'total']),
    b.row('allocated', 'Allocated an advocate', a.count, a.percent, (r) => r.allocated.count, ['allocated', 'count']),
    b.row(
      'medianDaysToAllocation',
      'Median days from referral to allocation',
      a.medianDaysToAllocation,
      null,
      (r) => r.allocated.medianDaysToAllocation,
    ),
    b.row('closed', 'Cases closed', report.closed.total, null, (r) => r.closed.total, ['closed', 'total']),
    b.row(
      'briefInterventions',
      'Referred and closed in the period',
      report.briefInterventions.count,
      report.briefInterventions.percentOfNewReferrals,
      (r) => r.briefInterventions.count,
      ['briefInterventions', 'count'],
    ),
    b.row(
      'outOfArea',
      'Placed out of area',
      report.outOfArea.count,
      report.outOfArea.percent,
      (r) => r.outOfArea.count,
      ['outOfArea', 'count'],
    ),
    b.row(
      'reReferrals',
      'Re-referred within a year of a closure',
      report.reReferrals.count,
      report.reReferrals.percent,
      (r) => r.reReferrals.count,
      ['reReferrals', 'count'],
    ),
  ]);
  b.table(
    'service_users',
    'Service users',
    'new referrals',
    'bar',
    b.counts('byServiceUserType', label(serviceUserTypeLabels), n),
  );
  b.table('issues', 'Issues raised', 'new referrals', 'bar', b.counts('byIssue', label(issueLabels), n));
  b.table('age', 'Age at referral', 'new referrals', 'bar', b.counts('byAgeBand', label(ageBandLabels), n));
  b.table(
    'issues_by_age',
    'Issues by age at referral',
    null,
    null,
    reportAgeBands.flatMap((band) =>
      issueCodes.map((code) =>
        b.row(
          `${band}:${code}`,
          `${ageBandLabels[band]}: ${issueLabels[code]}`,
          report.issuesByAgeBand[band][code],
          null,
          (r) => r.issuesByAgeBand[band][code],
          ['issuesByAgeBand', `${band}:${code}`],
        ),
      ),
    ),
  );
  b.table('gender', 'Gender', 'new referrals', 'pie', b.counts('byGender', label(genderLabels), n));
  b.table('ethnicity', 'Ethnicity', 'new referrals', 'bar', b.counts('byEthnicity', label(ethnicityLabels), n));
  b.table('disability', 'Disability', 'new referrals', 'pie', b.counts('byDisability', label(disabilityLabels), n));
  b.table(
    'advocacy_type',
    'Instructed and non-instructed advocacy',
    'new referrals',
    'pie',
    b.counts('byAdvocacyType', label(advocacyTypeReportLabels), n),
  );
  b.table('source', 'Referral source', 'new referrals', 'bar', b.counts('bySource', label(sourceLabels), n));
  b.table(
    'local_authority',
    'Local authority',
    'new referrals',
    'bar',
    b.counts('byLocalAuthority', localAuthorityLabel, n),
  );
}
