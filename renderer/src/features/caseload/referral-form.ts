import type { IssueCode } from '../../../../shared/domain/codes';
import { personRecord, referralRecord } from '../../../../shared/domain/records/caseload-records';
import { editableFields, formDefaults, type FormOf } from '../../../../shared/domain/records/define';
import type { MethodInput } from '../../../../shared/ipc/contract';
import type { KnownPerson } from '../../../../shared/ipc/caseload';

/**
 * The new-referral form's state, kept as a draft (JSON) while it is being filled in: every field
 * a form may set on the person and on the referral, read from their definitions, and the issues.
 */
export type ReferralForm = FormOf<typeof personRecord.fields> &
  FormOf<typeof referralRecord.fields> & {
    /** Set when the referral is for someone already known to the service. */
    known: KnownPerson | null;
    issues: Array<{ code: IssueCode | null; description: string; wantedOutcome: string }>;
  };

export const emptyForm = (today: string): ReferralForm => ({
  known: null,
  ...formDefaults(personRecord),
  ...formDefaults(referralRecord),
  referralDate: today,
  issues: [{ code: null, description: '', wantedOutcome: '' }],
});

export function readDraft(text: string, today: string): ReferralForm {
  if (!text) return emptyForm(today);
  try {
    const saved = JSON.parse(text) as Partial<ReferralForm> & { placementInArea?: unknown };
    // Drafts from before the placement area was a yes/no kept it as 'in' or 'out'.
    if (typeof saved.placementInArea === 'string') saved.placementInArea = saved.placementInArea === 'in';
    return { ...emptyForm(today), ...(saved as Partial<ReferralForm>) };
  } catch {
    return emptyForm(today);
  }
}

/** The new-referral form's inputs have ids `referral-<field>`, so the problem summary can link to each. */
export const FIELD_ID_PREFIX = 'referral-';
export const fieldIds: Record<string, string> = {
  firstName: `${FIELD_ID_PREFIX}firstName`,
  dateOfBirth: `${FIELD_ID_PREFIX}dateOfBirth`,
  referralDate: `${FIELD_ID_PREFIX}referralDate`,
  serviceUserType: `${FIELD_ID_PREFIX}serviceUserType`,
  urgencyReason: `${FIELD_ID_PREFIX}urgencyReason`,
  issues: `${FIELD_ID_PREFIX}issue-1-theme`,
};

/** What is missing before the referral can be saved, by field, in the order the form asks. */
export function formProblems(f: ReferralForm, today: string): Record<string, string> {
  const p: Record<string, string> = {};
  if (!f.known && !f.firstName.trim() && !f.preferredName.trim())
    p.firstName = 'Enter a first name or the name they use.';
  if (f.dateOfBirth && f.dateOfBirth > today) p.dateOfBirth = "A date of birth can't be in the future.";
  if (!f.referralDate) p.referralDate = 'Enter the referral date.';
  if (!f.serviceUserType) p.serviceUserType = 'Choose the service-user type.';
  if (f.urgency !== 'standard' && !f.urgencyReason.trim()) p.urgencyReason = 'Say why this is urgent or high.';
  if (!f.issues.some((i) => i.code)) p.issues = 'Add at least one issue with its theme.';
  return p;
}

export function toCreateInput(f: ReferralForm): MethodInput<'caseload.referrals.create'> {
  const person = {
    ...editableFields(personRecord, f),
    interpreterLanguage: f.interpreterNeeded ? f.interpreterLanguage : '',
    genderDescription: f.gender === 'other' ? f.genderDescription : '',
    keyContacts: f.keyContacts.filter((c) => c.name.trim()),
  };
  return {
    ...(f.known ? { personId: f.known.personId } : { person }),
    referral: {
      ...editableFields(referralRecord, f),
      referralDate: f.referralDate ?? '',
      serviceUserType: f.serviceUserType ?? 'OTHER',
    },
    issues: f.issues
      .filter((i) => i.code)
      .map((i) => ({ code: i.code!, description: i.description, wantedOutcome: i.wantedOutcome })),
  };
}
