import { advocateRecord, issueRecord, personRecord, referralRecord } from '../../../shared/domain/records/caseload-records';
import { entitySpecOf } from '../../../shared/domain/records/define';
import type { EntitySpec } from '../db/entities';

/** The caseload's synced records, read from their definitions. A referral is the case: its id is the case id. */
export const caseloadEntities = {
  [personRecord.entity]: entitySpecOf(personRecord),
  [referralRecord.entity]: entitySpecOf(referralRecord),
  [issueRecord.entity]: entitySpecOf(issueRecord),
  [advocateRecord.entity]: entitySpecOf(advocateRecord),
} satisfies Record<string, EntitySpec>;
