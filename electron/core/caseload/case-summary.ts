import type { Gender, IssueCode, ServiceUserType, Urgency, ClosureOutcome } from '../../../shared/domain/codes';
import type { ReportReferral } from '../../../shared/reports/quarterly';
import { displayName, type Issue, type ReferralStatus } from '../../../shared/domain/caseload';
import { placementAreaOf } from '../../../shared/domain/equality';
import type { Db } from '../db/database';
import { toIssue, toPerson, type IssueRow, type PersonRow, type ReferralRow } from './rows';

/**
 * Read-only views of a case for other features (letters, meetings, complaints, reports). Plain
 * SQL, no writes; deleted records are never returned.
 */
export interface CaseSummary {
  caseId: string;
  reference: string;
  person: {
    id: string | null;
    preferredName: string;
    legalName: string;
    firstName: string | null;
    lastName: string | null;
    dateOfBirth: string | null;
    gender: Gender | null;
    pronouns: string | null;
    firstLanguage: string | null;
    interpreterNeeded: boolean | null;
    localAuthority: string | null;
    placementAddress: string | null;
  };
  advocate: { id: string; name: string } | null;
  serviceUserType: ServiceUserType | null;
  status: ReferralStatus;
  urgency: Urgency;
  referralDate: string | null;
  allocationDate: string | null;
  closureDate: string | null;
  closureOutcome: ClosureOutcome | null;
  issues: Issue[];
}

export function getCaseSummary(db: Db, caseId: string): CaseSummary | null {
  const r = db.prepare('SELECT * FROM referrals WHERE id = ? AND deleted_at IS NULL').get(caseId) as
    ReferralRow | undefined;
  if (!r) return null;
  const p = r.person_id
    ? (db.prepare('SELECT * FROM people WHERE id = ? AND deleted_at IS NULL').get(r.person_id) as PersonRow | undefined)
    : undefined;
  const a = r.allocated_to
    ? (db.prepare('SELECT id, name FROM advocates WHERE id = ? AND deleted_at IS NULL').get(r.allocated_to) as
        { id: string; name: string } | undefined)
    : undefined;
  const issues = (
    db
      .prepare('SELECT * FROM referral_issues WHERE referral_id = ? AND deleted_at IS NULL ORDER BY created_at, id')
      .all(caseId) as IssueRow[]
  ).map(toIssue);
  const person = p ? toPerson(p) : null;
  return {
    caseId: r.id,
    reference: r.reference,
    person: {
      id: person?.id ?? null,
      preferredName: displayName(person ?? {}),
      legalName: [person?.firstName, person?.lastName].filter(Boolean).join(' '),
      firstName: person?.firstName ?? null,
      lastName: person?.lastName ?? null,
      dateOfBirth: person?.dateOfBirth ?? null,
      gender: person?.gender ?? null,
      pronouns: person?.pronouns ?? null,
      firstLanguage: person?.firstLanguage ?? null,
      interpreterNeeded: person?.interpreterNeeded ?? null,
      localAuthority: person?.localAuthority ?? null,
      placementAddress: person?.placementAddress ?? null,
    },
    advocate: a ? { id: a.id, name: a.name } : null,
    serviceUserType: r.service_user_type as ServiceUserType | null,
    status: r.status as ReferralStatus,
    urgency: r.urgency as Urgency,
    referralDate: r.referral_date,
    allocationDate: r.allocation_date,
    closureDate: r.closure_date,
    closureOutcome: r.closure_outcome as ClosureOutcome | null,
    issues,
  };
}

/** One referral in the CSV import's shape, for reports and export: the report's own record, with the case it is. */
export type CaseReportReferral = ReportReferral & { caseId: string; urgency: Urgency; status: ReferralStatus };

/**
 * With a period, only referrals made or closed in it (the only ones a report over that period
 * counts), so a quarter's report does not read five years of issues.
 */
export function listReferralsForReport(db: Db, period?: { from: string; to: string }): CaseReportReferral[] {
  const statement = db.prepare(
    `SELECT r.id AS caseId, r.reference, p.person_reference, p.id AS person_id, p.date_of_birth, p.gender, r.service_user_type,
              p.local_authority, r.referral_date, r.source AS referral_source, r.urgency, a.name AS allocated_to,
              r.allocation_date, r.closure_date, r.closure_outcome, r.status, p.ethnicity, p.disability_status, r.advocacy_type, p.placement_in_area,
              (SELECT group_concat(code, ';') FROM referral_issues i WHERE i.referral_id = r.id AND i.deleted_at IS NULL) AS issue_codes
       FROM referrals r
       LEFT JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL
       LEFT JOIN advocates a ON a.id = r.allocated_to AND a.deleted_at IS NULL
       WHERE r.deleted_at IS NULL${period ? ' AND (substr(r.referral_date, 1, 10) BETWEEN @from AND @to OR substr(r.closure_date, 1, 10) BETWEEN @from AND @to)' : ''}
       ORDER BY r.referral_date, r.reference`,
  );
  const rows = (period ? statement.all({ from: period.from, to: period.to }) : statement.all()) as Array<
    Omit<CaseReportReferral, 'issues' | 'person_reference' | 'placement_area'> & {
      issue_codes: string | null;
      person_reference: string | null;
      person_id: string | null;
      placement_in_area: number | null;
    }
  >;
  return rows.map(({ issue_codes, person_id, placement_in_area, ...r }) => ({
    ...r,
    placement_area: placementAreaOf(placement_in_area),
    // A person entered in the app has no external reference; their id stands in so people still count once.
    person_reference: r.person_reference ?? person_id,
    issues: issue_codes ? (issue_codes.split(';') as IssueCode[]) : [],
  }));
}
