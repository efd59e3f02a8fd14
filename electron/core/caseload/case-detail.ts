import { checkStatutoryEntitlements, socialWorkerToBeTold } from '../../../shared/domain/statutory-entitlements';
import { todayIso } from '../../../shared/domain/dates';
import type { CaseDetail } from '../../../shared/ipc/caseload';
import type { Db } from '../db/database';
import { getAdvocate } from './advocates';
import { toIssue, toPerson, toReferral, type IssueRow, type PersonRow, type ReferralRow } from './rows';

/** Everything the case page shows about a referral, with the statutory entitlement check. */
export function getCaseDetail(db: Db, caseId: string, now: Date): CaseDetail | null {
  const r = db.prepare('SELECT * FROM referrals WHERE id = ? AND deleted_at IS NULL').get(caseId) as
    ReferralRow | undefined;
  if (!r) return null;
  const referral = toReferral(r);
  const p = r.person_id
    ? (db.prepare('SELECT * FROM people WHERE id = ? AND deleted_at IS NULL').get(r.person_id) as PersonRow | undefined)
    : undefined;
  const person = p ? toPerson(p) : null;
  const issues = (
    db
      .prepare('SELECT * FROM referral_issues WHERE referral_id = ? AND deleted_at IS NULL ORDER BY created_at, id')
      .all(caseId) as IssueRow[]
  ).map(toIssue);
  const entitlements = checkStatutoryEntitlements({
    dateOfBirth: person?.dateOfBirth ?? null,
    onDate: referral.referralDate ?? todayIso(now),
    statusTags: person?.statusTags ?? [],
    serviceUserType: referral.serviceUserType,
    issueCodes: issues.map((i) => i.code),
    isParent: person?.kind === 'parent' || referral.serviceUserType === 'PARENT',
    placementType: person?.placementType ?? null,
  });
  const tell = socialWorkerToBeTold({
    dateOfBirth: person?.dateOfBirth ?? null,
    onDate: todayIso(now),
    advocacyType: referral.advocacyType,
    statusTags: person?.statusTags ?? [],
  });
  return {
    referral,
    person,
    issues,
    advocate: r.allocated_to ? getAdvocate(db, r.allocated_to) : null,
    entitlements,
    socialWorkerToBeTold: person?.kind === 'parent' ? null : tell,
  };
}
