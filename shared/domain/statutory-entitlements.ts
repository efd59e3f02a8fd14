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
  /** Their placement in their own words ("children's home", "foster care"). */
  placementType?: string | null;
}

/** In the order the council guidance lists the statutory rights to advocacy. */
export const entitlementCodes = [
  'homeless_16_17',
  'lacks_capacity_16_17',
  'care_leaver',
  'in_custody',
  'mental_health_detention',
  'representation_or_complaint',
  'childrens_home',
  'health_complaint',
  'adult_care_needs',
  'send',
  'missing_from_care',
  'child_in_care',
  'young_carer',
] as const;
export type EntitlementCode = (typeof entitlementCodes)[number];

export interface Entitlement {
  code: EntitlementCode;
  title: string;
  basis: string;
  /** What in the record makes it apply, so the advocate can check it. */
  because: string;
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

const RULES: Record<EntitlementCode, Omit<Entitlement, 'code' | 'because'>> = {
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
  in_custody: {
    title: 'In custody',
    basis:
      'A child or young person in custody (a young offender institution, secure training centre or secure children’s home) is entitled to independent advocacy there, and a looked-after child in custody keeps the right to an advocate for a representation or complaint (Children Act 1989, section 26A; Legal Aid, Sentencing and Punishment of Offenders Act 2012, section 104, for children remanded).',
  },
  childrens_home: {
    title: 'Living in a children’s home',
    basis:
      'A children’s home must help each child to get an independent advocate, make sure they know how to, and help them make a complaint (Children’s Homes (England) Regulations 2015, regulations 7 and 39).',
  },
  young_carer: {
    title: 'Young carer',
    basis:
      'A young carer is entitled to an assessment of their own needs in which the council must involve them, and to help to take part in it (Children Act 1989, section 17ZA; Children and Families Act 2014, section 96).',
  },
  send: {
    title: 'Special educational needs and disabilities (SEND)',
    basis:
      'A child or young person with special educational needs or a disability must be helped to take part in decisions about their education, health and care plan, including through independent advice and advocacy (Children and Families Act 2014, sections 19 and 32; SEND Code of Practice 2015).',
  },
  missing_from_care: {
    title: 'Looked-after child who has gone missing',
    basis:
      'A looked-after child who runs away or goes missing must be offered an independent return interview and told how to get an advocate (statutory guidance on children who run away or go missing from home or care, 2014, under the Children Act 1989).',
  },
  lacks_capacity_16_17: {
    title: '16–17 year old who lacks capacity',
    basis:
      'From 16 the Mental Capacity Act applies: a 16 or 17 year old who lacks capacity to make a serious decision (medical treatment, where they live) and has no one suitable to speak for them is entitled to an Independent Mental Capacity Advocate (IMCA) (Mental Capacity Act 2005, sections 35 to 41).',
  },
  health_complaint: {
    title: 'Making a complaint about health services',
    basis:
      'A child who receives NHS services and wants to make a complaint about them is entitled to independent NHS complaints advocacy, which the council must arrange (National Health Service Act 2006, section 248, as amended by the Health and Social Care Act 2012).',
  },
  adult_care_needs: {
    title: 'May need care and support in adulthood',
    basis:
      'A child likely to need care and support as an adult must be assessed before they turn 18, and is entitled to an independent advocate for it if they would have substantial difficulty being involved (Care Act 2014, sections 58 to 66 and 67).',
  },
};

/** Below this age a child is treated as young: the social worker is told an advocate is involved. */
export const YOUNG_CHILD_AGE = 11;

/**
 * When children are young or cannot instruct, the advocate tells the social worker they are
 * involved, so the social worker can mention anything the advocate should know. It never asks
 * permission: the child's right to an advocate does not depend on it.
 */
export function socialWorkerToBeTold(input: {
  dateOfBirth: string | null;
  onDate: string;
  advocacyType: 'instructed' | 'non_instructed';
  statusTags: readonly StatusTag[];
}): string | null {
  if (input.advocacyType === 'non_instructed')
    return 'This is non-instructed advocacy, so tell the social worker that you are involved, and record when.';
  const age = ageOn(input.dateOfBirth, input.onDate);
  if (age !== null && age < YOUNG_CHILD_AGE)
    return `They are ${age}, so tell the social worker that you are involved, and record when.`;
  if (input.statusTags.includes('LACKS_CAPACITY'))
    return 'They may lack capacity, so tell the social worker that you are involved, and record when.';
  return null;
}

const TAG_WORDS: Partial<Record<StatusTag, string>> = {
  IN_CUSTODY: 'recorded as in custody',
  DETAINED_MHA: 'recorded as detained under the Mental Health Act',
  CHILDRENS_HOME: 'recorded as living in a children’s home',
  YOUNG_CARER: 'recorded as a young carer',
  SEND: 'recorded as having special educational needs or a disability',
  ADULT_CARE_NEEDS: 'recorded as likely to need care and support in adulthood',
};

const CHILDRENS_HOME_WORDS = /children[’']?s home|residential (home|care|placement)/i;

export function checkStatutoryEntitlements(input: EntitlementInput): EntitlementResult {
  const age = ageOn(input.dateOfBirth, input.onDate);
  const has = (tag: StatusTag, type?: ServiceUserType) =>
    input.statusTags.includes(tag) || (type !== undefined && input.serviceUserType === type);
  const child = age === null || age < 18;
  const aged = age === null ? 'age not recorded' : `aged ${age}`;
  const found = new Map<EntitlementCode, string>();
  const notes: string[] = [];
  const tagged = (tag: StatusTag, code: EntitlementCode) => {
    if (input.statusTags.includes(tag)) found.set(code, TAG_WORDS[tag]!);
  };

  if (!input.isParent) {
    const lookedAfter = has('CIC', 'CIC');
    if (lookedAfter && child) found.set('child_in_care', `child in care, ${aged}`);
    if (has('CL', 'CL') && (age === null || age < 25)) found.set('care_leaver', `care leaver, ${aged}`);
    const complaint = input.issueCodes.includes('COMPLAINT');
    if (complaint && child) found.set('representation_or_complaint', `an issue is a complaint, ${aged}`);
    if (complaint && input.issueCodes.includes('HEALTH') && child)
      found.set('health_complaint', 'the issues include a complaint and health');
    if (has('JA', 'JA') && (age === null || age === 16 || age === 17))
      found.set('homeless_16_17', `homeless (joint assessment), ${aged}`);
    if (input.statusTags.includes('LACKS_CAPACITY') && (age === null || age === 16 || age === 17))
      found.set('lacks_capacity_16_17', `recorded as possibly lacking capacity, ${aged}`);
    if (child) {
      tagged('IN_CUSTODY', 'in_custody');
      tagged('YOUNG_CARER', 'young_carer');
      tagged('SEND', 'send');
      tagged('ADULT_CARE_NEEDS', 'adult_care_needs');
      tagged('CHILDRENS_HOME', 'childrens_home');
      if (!found.has('childrens_home') && input.placementType && CHILDRENS_HOME_WORDS.test(input.placementType))
        found.set('childrens_home', `placement recorded as “${input.placementType.trim()}”`);
      if (input.statusTags.includes('MISSING_FROM_CARE') && lookedAfter)
        found.set('missing_from_care', 'child in care, recorded as having gone missing');
    }
    if (input.statusTags.includes('MISSING_FROM_CARE') && !lookedAfter)
      notes.push(
        'Going missing gives a right to advocacy when the child is looked after: check whether they are in care.',
      );
  }
  tagged('DETAINED_MHA', 'mental_health_detention');

  if (age === null && found.size > 0)
    notes.push('The date of birth is not recorded, so check their age: some of these depend on it.');
  if (found.size === 0) {
    notes.push(
      input.isParent
        ? 'No statutory entitlement to advocacy applies to a parent here. Your service may still accept the referral.'
        : 'No statutory entitlement to advocacy applies from what is recorded. Your service may still accept the referral.',
    );
    if (has('CL', 'CL') && age !== null && age >= 25) notes.push('The care leaver entitlement ends at 25.');
  }
  const order: readonly EntitlementCode[] = [
    'child_in_care',
    'care_leaver',
    'representation_or_complaint',
    'homeless_16_17',
    'mental_health_detention',
    ...entitlementCodes,
  ];
  const seen = new Set<EntitlementCode>();
  return {
    entitlements: order
      .filter((c) => found.has(c) && !seen.has(c) && seen.add(c))
      .map((code) => ({ code, ...RULES[code], because: found.get(code)! })),
    notes,
  };
}
