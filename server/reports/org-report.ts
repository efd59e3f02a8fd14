import type { Pool } from 'pg';
import {
  closureOutcomes, genders, issueCodes, referralSources, serviceUserTypes, urgencies,
  type ClosureOutcome, type Gender, type IssueCode, type ReferralSource, type ServiceUserType, type Urgency,
} from '../../shared/domain/codes';
import {
  feedbackFormKinds, respondentRoles, smileyAnswers, type FeedbackFormRecord, type RespondentRole, type SmileyAnswer,
} from '../../shared/reports/feedback';
import type { Period } from '../../shared/reports/period';
import { disabilityStatuses, ethnicityCodes, placementAreaOf } from '../../shared/domain/equality';
import { advocacyTypes } from '../../shared/domain/caseload';
import type { ReportActivity } from '../../shared/reports/activity';
import { quarterlyReport, type FullReport, type ReportReferral } from '../../shared/reports/quarterly';
import { ACTIVITY_ENTITIES, organisationActivity } from './org-activity';

/*
 * The same report function as the desktop app, over the whole organisation's records as the
 * server holds them: the current value of every synced field (`field_state`). Records are
 * rebuilt from their fields, deleted ones left out, and any value that is not a known code is
 * counted as not known rather than trusted.
 */
type Fields = Map<string, unknown>;
const ENTITIES = ['referral', 'person', 'referral_issue', 'advocate', 'feedback_form', ...ACTIVITY_ENTITIES];

async function loadEntities(pool: Pool, organisationId: string): Promise<Map<string, Map<string, Fields>>> {
  const { rows } = await pool.query<{ entity: string; entity_id: string; field: string; value: unknown }>(
    'SELECT entity, entity_id, field, value FROM field_state WHERE organisation_id = $1 AND entity = ANY($2::text[])',
    [organisationId, ENTITIES],
  );
  const byEntity = new Map<string, Map<string, Fields>>(ENTITIES.map((e) => [e, new Map()]));
  for (const r of rows) {
    const records = byEntity.get(r.entity)!;
    let f = records.get(r.entity_id);
    if (!f) records.set(r.entity_id, (f = new Map()));
    f.set(r.field, r.value);
  }
  for (const records of byEntity.values()) for (const [id, f] of records) if (f.get('deleted_at')) records.delete(id);
  return byEntity;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
function code<T extends string>(v: unknown, list: readonly T[]): T | null {
  return typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null;
}

export async function organisationRecords(pool: Pool, organisationId: string): Promise<{ referrals: ReportReferral[]; forms: FeedbackFormRecord[]; activity: ReportActivity }> {
  const e = await loadEntities(pool, organisationId);
  const issues = new Map<string, IssueCode[]>();
  for (const f of e.get('referral_issue')!.values()) {
    const rid = str(f.get('referral_id'));
    const c = code<IssueCode>(f.get('code'), issueCodes);
    if (rid && c) issues.set(rid, [...(issues.get(rid) ?? []), c]);
  }
  const people = e.get('person')!;
  const advocates = e.get('advocate')!;
  const referrals = [...e.get('referral')!.entries()].map(([id, r]): ReportReferral => {
    const personId = str(r.get('person_id'));
    const p = personId ? people.get(personId) : undefined;
    const advocateId = str(r.get('allocated_to'));
    return {
      reference: str(r.get('reference')) ?? id,
      person_reference: str(p?.get('person_reference')) ?? personId,
      date_of_birth: str(p?.get('date_of_birth')),
      gender: code<Gender>(p?.get('gender'), genders),
      service_user_type: code<ServiceUserType>(r.get('service_user_type'), serviceUserTypes),
      local_authority: str(p?.get('local_authority')),
      referral_date: str(r.get('referral_date')),
      referral_source: code<ReferralSource>(r.get('source'), referralSources),
      issues: issues.get(id) ?? [],
      urgency: code<Urgency>(r.get('urgency'), urgencies),
      allocated_to: advocateId ? (str(advocates.get(advocateId)?.get('name')) ?? advocateId) : null,
      allocation_date: str(r.get('allocation_date')),
      closure_date: str(r.get('closure_date')),
      closure_outcome: code<ClosureOutcome>(r.get('closure_outcome'), closureOutcomes),
      ethnicity: code(p?.get('ethnicity'), ethnicityCodes),
      disability_status: code(p?.get('disability_status'), disabilityStatuses),
      advocacy_type: code(r.get('advocacy_type'), advocacyTypes),
      placement_area: placementArea(p?.get('placement_in_area')),
    };
  });
  const cases = e.get('referral')!;
  const personOf = (caseId: string) => {
    const personId = str(cases.get(caseId)?.get('person_id'));
    return personId ? people.get(personId) : undefined;
  };
  const activity = organisationActivity(
    e,
    (caseId) => (caseId && cases.has(caseId) ? (str(cases.get(caseId)!.get('reference')) ?? caseId) : null),
    [...e.get('referral_issue')!.values()].flatMap((f) => {
      const caseId = str(f.get('referral_id'));
      return caseId ? [{ caseId, fields: f, caseClosed: str(cases.get(caseId)?.get('closure_date')) }] : [];
    }),
    (caseId) => placementArea(personOf(caseId)?.get('placement_in_area')) === 'out_of_area',
  );
  const face = (v: unknown): SmileyAnswer | null => code<SmileyAnswer>(v, smileyAnswers);
  const forms = [...e.get('feedback_form')!.values()].flatMap((f): FeedbackFormRecord[] => {
    const kind = code(f.get('kind'), feedbackFormKinds);
    const received = str(f.get('received_date'));
    if (!kind || !received) return [];
    return [{
      kind,
      received_date: received,
      respondent_role: code<RespondentRole>(f.get('respondent_role'), respondentRoles),
      answers: kind === 'young_person'
        ? { listened_to: face(f.get('listened_to')), things_changed: face(f.get('things_changed')), use_again: face(f.get('use_again')) }
        : { voice_heard: face(f.get('voice_heard')), kept_informed: face(f.get('kept_informed')), recommend: face(f.get('recommend')) },
      has_comment: (str(f.get('comment')) ?? '').trim().length > 0,
    }];
  });
  return { referrals, forms, activity };
}

/** Synced as 1/0 (or true/false from an older device); anything else is not known. */
const placementArea = (v: unknown) => (v === 1 || v === true ? placementAreaOf(true) : v === 0 || v === false ? placementAreaOf(false) : null);

export async function organisationReport(pool: Pool, organisationId: string, period: Period): Promise<FullReport> {
  const { referrals, forms, activity } = await organisationRecords(pool, organisationId);
  return quarterlyReport(referrals, forms, period, activity);
}
