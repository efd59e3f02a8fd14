import type { Advocate, Issue, Person, Referral } from '../../../shared/domain/caseload';

/** Row shapes as stored (migration 0002), and their mapping to the shared domain types. */
export interface PersonRow {
  id: string;
  person_reference: string | null;
  kind: string;
  first_name: string | null;
  last_name: string | null;
  preferred_name: string | null;
  date_of_birth: string | null;
  gender: string | null;
  gender_description: string | null;
  pronouns: string | null;
  first_language: string | null;
  interpreter_needed: number | null;
  interpreter_language: string | null;
  communication_needs: string | null;
  disability: string | null;
  disability_status: string | null;
  ethnicity: string | null;
  status_tags: string | null;
  local_authority: string | null;
  placement_type: string | null;
  placement_in_area: number | null;
  placement_address: string | null;
  key_contacts: string | null;
  deleted_at: string | null;
}

export interface ReferralRow {
  id: string;
  reference: string;
  person_id: string | null;
  referral_date: string | null;
  source: string | null;
  referrer: string | null;
  referrer_contact: string | null;
  service_user_type: string | null;
  urgency: string;
  urgency_reason: string | null;
  advocacy_type: string;
  consent_explained_on: string | null;
  consent_explained_how: string | null;
  confidentiality_explained: number | null;
  request: string | null;
  status: string;
  allocated_to: string | null;
  allocation_date: string | null;
  days_to_allocation: number | null;
  closure_date: string | null;
  closure_outcome: string | null;
  closure_note: string | null;
  deleted_at: string | null;
}

export interface IssueRow {
  id: string;
  referral_id: string;
  code: string;
  description: string | null;
  wanted_outcome: string | null;
  status: string;
  outcome: string | null;
  outcome_note: string | null;
}

const bool = (v: number | null): boolean | null => (v === null ? null : v !== 0);
const json = <T>(v: string | null, fallback: T): T => {
  if (!v) return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
};

// Values come from our own validated writes or from sync; the casts trust the stored codes.
export function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    personReference: r.person_reference,
    kind: r.kind as Person['kind'],
    firstName: r.first_name,
    lastName: r.last_name,
    preferredName: r.preferred_name,
    dateOfBirth: r.date_of_birth,
    gender: r.gender as Person['gender'],
    genderDescription: r.gender_description,
    pronouns: r.pronouns,
    firstLanguage: r.first_language,
    interpreterNeeded: bool(r.interpreter_needed),
    interpreterLanguage: r.interpreter_language,
    communicationNeeds: r.communication_needs,
    disability: r.disability,
    disabilityStatus: (r.disability_status ?? null) as Person['disabilityStatus'],
    ethnicity: (r.ethnicity ?? null) as Person['ethnicity'],
    statusTags: json(r.status_tags, []),
    localAuthority: r.local_authority,
    placementType: r.placement_type,
    placementInArea: bool(r.placement_in_area),
    placementAddress: r.placement_address,
    keyContacts: json(r.key_contacts, []),
  };
}

export function toReferral(r: ReferralRow): Referral {
  return {
    id: r.id,
    reference: r.reference,
    personId: r.person_id,
    referralDate: r.referral_date,
    source: r.source as Referral['source'],
    referrer: r.referrer,
    referrerContact: r.referrer_contact,
    serviceUserType: r.service_user_type as Referral['serviceUserType'],
    urgency: r.urgency as Referral['urgency'],
    urgencyReason: r.urgency_reason,
    advocacyType: r.advocacy_type as Referral['advocacyType'],
    consentExplainedOn: r.consent_explained_on,
    consentExplainedHow: r.consent_explained_how,
    confidentialityExplained: bool(r.confidentiality_explained),
    request: r.request,
    status: r.status as Referral['status'],
    allocatedTo: r.allocated_to,
    allocationDate: r.allocation_date,
    daysToAllocation: r.days_to_allocation,
    closureDate: r.closure_date,
    closureOutcome: r.closure_outcome as Referral['closureOutcome'],
    closureNote: r.closure_note,
  };
}

export function toIssue(r: IssueRow): Issue {
  return {
    id: r.id,
    caseId: r.referral_id,
    code: r.code as Issue['code'],
    description: r.description,
    wantedOutcome: r.wanted_outcome,
    status: r.status as Issue['status'],
    outcome: r.outcome as Issue['outcome'],
    outcomeNote: r.outcome_note,
  };
}

export function toAdvocate(r: { id: string; name: string; role: string }): Advocate {
  return { id: r.id, name: r.name, role: r.role as Advocate['role'] };
}
