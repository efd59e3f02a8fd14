import type { Advocate, Issue, Person, Referral } from '../../../shared/domain/caseload';
import {
  advocateRecord,
  issueRecord,
  personRecord,
  referralRecord,
} from '../../../shared/domain/records/caseload-records';
import { recordFromRow, type RowOf } from '../../../shared/domain/records/define';

/** Row shapes as stored, and their mapping to the shared domain types, both read from the record definitions. */
export type PersonRow = RowOf<typeof personRecord.fields>;
export type ReferralRow = RowOf<typeof referralRecord.fields>;
export type IssueRow = RowOf<typeof issueRecord.fields>;

// Values come from our own validated writes or from sync; the stored codes are trusted.
export const toPerson = (r: PersonRow): Person => recordFromRow(personRecord, r);
export const toReferral = (r: ReferralRow): Referral => recordFromRow(referralRecord, r);
export const toIssue = (r: IssueRow): Issue => recordFromRow(issueRecord, r);
export const toAdvocate = (r: { id: string; name: string; role: string }): Advocate => recordFromRow(advocateRecord, r);
