import type { IssueCode, ServiceUserType } from './codes';
import type { StatusTag } from './caseload';

/**
 * Which statutory entitlements to advocacy apply to a person, with the legal basis in plain
 * words. It guides the advocate at intake; it never stops a referral being accepted (services
 * take non-statutory referrals too).
 */
export interface EntitlementInput {
  dateOfBirth: string | null;
  /** The date the entitlement is judged on: the referral date, or today. */
  onDate: string;
  statusTags: readonly StatusTag[];
  serviceUserType: ServiceUserType | null;
  issueCodes: readonly IssueCode[];
  /** The person is a parent (parent advocacy), not the child. */
  isParent?: boolean;
}

export type EntitlementCode = 'child_in_care' | 'care_leaver' | 'representation_or_complaint' | 'homeless_16_17' | 'mental_health_detention';

export interface Entitlement {
  code: EntitlementCode;
  title: string;
  basis: string;
}

export interface EntitlementResult {
  entitlements: Entitlement[];
  /** Shown when nothing applies, or when the answer depends on a missing date of birth. */
  notes: string[];
}

/** Whole years between two ISO dates, or null when the date of birth is missing or later. */
export function ageOn(dateOfBirth: string | null, onDate: string): number | null {
  if (!dateOfBirth || dateOfBirth > onDate) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const RULES: Record<EntitlementCode, Omit<Entitlement, 'code'>> = {
  child_in_care: {
    title: 'Child in care',
    basis:
      'A child in care is entitled to an advocate when they want to make a representation or complaint about their care, and must be told about advocacy (Children Act 1989, sections 26 and 26A). Their IRO must also make sure they know how to get an advocate (section 25B).',
  },
  care_leaver: {
    title: 'Care leaver (up to 25)',
    basis:
      'A care leaver is entitled to an advocate to make a representation or complaint about their leaving-care support until their 25th birthday (Children Act 1989, section 26A, with the leaving-care duties in sections 23C to 24D; Children and Social Work Act 2017).',
  },
  representation_or_complaint: {
    title: 'Making a representation or complaint',
    basis:
      "Any child who makes, or wants to make, a representation or complaint about children's social care they receive (including children in need) is entitled to help from an advocate (Children Act 1989, sections 26 and 26A).",
  },
  homeless_16_17: {
    title: 'Homeless 16–17 year old',
    basis:
      "A homeless 16 or 17 year old assessed by children's services and housing together must be told about advocacy and helped to get it, so they can understand the choice of becoming looked after (statutory guidance on homeless 16 and 17 year olds, 2018, under the Children Act 1989, section 20).",
  },
  mental_health_detention: {
    title: 'Detained under the Mental Health Act',
    basis:
      'Someone detained under the Mental Health Act is entitled to an Independent Mental Health Advocate (IMHA) (Mental Health Act 1983, sections 130A to 130D). This is a separate, specialist advocate: check one has been offered.',
  },
};

export function checkStatutoryEntitlements(input: EntitlementInput): EntitlementResult {
  const age = ageOn(input.dateOfBirth, input.onDate);
  const has = (tag: StatusTag, type?: ServiceUserType) => input.statusTags.includes(tag) || (type !== undefined && input.serviceUserType === type);
  const child = age === null || age < 18;
  const found = new Set<EntitlementCode>();
  const notes: string[] = [];

  if (!input.isParent) {
    if (has('CIC', 'CIC') && child) found.add('child_in_care');
    if (has('CL', 'CL') && (age === null || age < 25)) found.add('care_leaver');
    const complaint = input.issueCodes.includes('COMPLAINT');
    if (complaint && child) found.add('representation_or_complaint');
    if (has('JA', 'JA') && (age === null || age === 16 || age === 17)) found.add('homeless_16_17');
  }
  if (input.statusTags.includes('DETAINED_MHA')) found.add('mental_health_detention');

  if (age === null && found.size > 0) notes.push('The date of birth is not recorded, so check their age: some of these depend on it.');
  if (found.size === 0) {
    notes.push(
      input.isParent
        ? 'No statutory entitlement to advocacy applies to a parent here. Your service may still accept the referral.'
        : 'No statutory entitlement to advocacy applies from what is recorded. Your service may still accept the referral.',
    );
    if (has('CL', 'CL') && age !== null && age >= 25) notes.push('The care leaver entitlement ends at 25.');
  }
  const order: EntitlementCode[] = ['child_in_care', 'care_leaver', 'representation_or_complaint', 'homeless_16_17', 'mental_health_detention'];
  return { entitlements: order.filter((c) => found.has(c)).map((code) => ({ code, ...RULES[code] })), notes };
}
