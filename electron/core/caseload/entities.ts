import {
  advocateRecord,
  issueRecord,
  personRecord,
  referralRecord,
} from '../../../shared/domain/records/caseload-records';
import { correctionRecord } from '../../../shared/domain/records/correction-record';
import { entitySpecOf } from '../../../shared/domain/records/define';
import type { EntitySpec } from '../db/entities';

/** The caseload's synced records and the corrections kept of them, read from their definitions. A referral is the case: its id is the case id. */
export const caseloadEntities = {
  [personRecord.entity]: entitySpecOf(personRecord),
  [referralRecord.entity]: entitySpecOf(referralRecord),
  [issueRecord.entity]: entitySpecOf(issueRecord),
  [advocateRecord.entity]: entitySpecOf(advocateRecord),
  [correctionRecord.entity]: entitySpecOf(correctionRecord),
} satisfies Record<string, EntitySpec>;
