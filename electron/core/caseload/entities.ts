import { advocateRecord, issueRecord, personRecord, referralRecord } from '../../../shared/domain/records/caseload-records';
import { entitySpecOf } from '../../../shared/domain/records/define';
import type { EntitySpec } from '../db/entities';

/** The caseload's synced records, read from their definitions. A referral is the case: its id is the case id. */
export const caseloadEntities = {
  [personRecord.entity]: entitySpecOf(personRecord),
  [referralRecord.entity]: entitySpecOf(referralRecord),
  [issueRecord.entity]: entitySpecOf(issueRecord),
  [advocateRecord.entity]: entitySpecOf(advocateRecord),
  /** Append-only history of corrections to saved details (migration 0013). */
  correction: {
    table: 'corrections',
    fields: ['case_id', 'entity', 'record_id', 'kind', 'corrected_at', 'corrected_by', 'corrected_by_name', 'reason', 'changes'],
    jsonFields: ['changes'],
  },
} satisfies Record<string, EntitySpec>;
