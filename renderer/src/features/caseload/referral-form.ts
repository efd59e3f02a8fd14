import type { IssueCode, ReferralSource, ServiceUserType, Urgency, Gender } from '../../../../shared/domain/codes';
import type { KeyContact, PersonFields, StatusTag } from '../../../../shared/domain/caseload';
import type { MethodInput } from '../../../../shared/ipc/contract';
import type { KnownPerson } from '../../../../shared/ipc/caseload';

/** The new-referral form's state, kept as a draft (JSON) while it is being filled in. */
export interface ReferralForm {
  /** Set when the referral is for someone already known to the service. */
  known: KnownPerson | null;
  firstName: string;
  lastName: string;
  preferredName: string;
  kind: 'young_person' | 'parent';
  dateOfBirth: string | null;
  gender: Gender | null;
  pronouns: string;
  firstLanguage: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string;
  communicationNeeds: string;
  disability: string;
  statusTags: StatusTag[];
  localAuthority: string;
  placementType: string;
  placementInArea: 'in' | 'out' | null;
  placementAddress: string;
  keyContacts: KeyContact[];
  referralDate: string | null;
  source: ReferralSource | null;
  referrer: string;
  referrerContact: string;
  serviceUserType: ServiceUserType | null;
  urgency: Urgency;
  urgencyReason: string;
  advocacyType: 'instructed' | 'non_instructed';
  consentExplainedOn: string | null;
  consentExplainedHow: string;
  confidentialityExplained: boolean;
  request: string;
  issues: Array<{ code: IssueCode | null; description: string; wantedOutcome: string }>;
}

export const emptyForm = (today: string): ReferralForm => ({
  known: null,
  firstName: '', lastName: '', preferredName: '', kind: 'young_person', dateOfBirth: null, gender: null, pronouns: '', firstLanguage: '',
  interpreterNeeded: false, interpreterLanguage: '', communicationNeeds: '', disability: '', statusTags: [], localAuthority: '', placementType: '',
  placementInArea: null, placementAddress: '', keyContacts: [], referralDate: today, source: null, referrer: '', referrerContact: '',
  serviceUserType: null, urgency: 'standard', urgencyReason: '', advocacyType: 'instructed', consentExplainedOn: null, consentExplainedHow: '',
  confidentialityExplained: false, request: '', issues: [{ code: null, description: '', wantedOutcome: '' }],
});

export function readDraft(text: string, today: string): ReferralForm {
  if (!text) return emptyForm(today);
  try {
    return { ...emptyForm(today), ...(JSON.parse(text) as Partial<ReferralForm>) };
  } catch {
    return emptyForm(today);
  }
}

/** What is missing before the referral can be saved, by field. */
export function formProblems(f: ReferralForm, today: string): Record<string, string> {
  const p: Record<string, string> = {};
  if (!f.known && !f.firstName.trim() && !f.preferredName.trim()) p.firstName = 'Enter a first name or the name they use.';
  if (f.dateOfBirth && f.dateOfBirth > today) p.dateOfBirth = "A date of birth can't be in the future.";
  if (!f.referralDate) p.referralDate = 'Enter the referral date.';
  if (!f.serviceUserType) p.serviceUserType = 'Choose the service-user type.';
  if (f.urgency !== 'standard' && !f.urgencyReason.trim()) p.urgencyReason = 'Say why this is urgent or high.';
  if (!f.issues.some((i) => i.code)) p.issues = 'Add at least one issue with its theme.';
  return p;
}

export function toCreateInput(f: ReferralForm): MethodInput<'caseload.referrals.create'> {
  const person: PersonFields = {
    kind: f.kind,
    firstName: f.firstName,
    lastName: f.lastName,
    preferredName: f.preferredName,
    dateOfBirth: f.dateOfBirth,
    gender: f.gender,
    pronouns: f.pronouns,
    firstLanguage: f.firstLanguage,
    interpreterNeeded: f.interpreterNeeded,
    interpreterLanguage: f.interpreterNeeded ? f.interpreterLanguage : '',
    communicationNeeds: f.communicationNeeds,
    disability: f.disability,
    statusTags: f.statusTags,
    localAuthority: f.localAuthority,
    placementType: f.placementType,
    placementInArea: f.placementInArea === null ? null : f.placementInArea === 'in',
    placementAddress: f.placementAddress,
    keyContacts: f.keyContacts.filter((c) => c.name.trim()),
  };
  return {
    ...(f.known ? { personId: f.known.personId } : { person }),
    referral: {
      referralDate: f.referralDate ?? '',
      source: f.source,
      referrer: f.referrer,
      referrerContact: f.referrerContact,
      serviceUserType: f.serviceUserType ?? 'OTHER',
      urgency: f.urgency,
      urgencyReason: f.urgencyReason,
      advocacyType: f.advocacyType,
      consentExplainedOn: f.consentExplainedOn,
      consentExplainedHow: f.consentExplainedHow,
      confidentialityExplained: f.confidentialityExplained,
      request: f.request,
    },
    issues: f.issues.filter((i) => i.code).map((i) => ({ code: i.code!, description: i.description, wantedOutcome: i.wantedOutcome })),
  };
}
