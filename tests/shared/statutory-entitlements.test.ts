import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkStatutoryEntitlements,
  entitlementCodes,
  socialWorkerToBeTold,
  type EntitlementInput,
} from '../../shared/domain/statutory-entitlements';

const base: EntitlementInput = {
  dateOfBirth: '2010-06-15',
  onDate: '2026-05-01',
  statusTags: [],
  serviceUserType: null,
  issueCodes: [],
};
const codes = (over: Partial<EntitlementInput>) =>
  checkStatutoryEntitlements({ ...base, ...over }).entitlements.map((e) => e.code);

describe('statutory entitlement to advocacy', () => {
  it('counts age in whole years on the date judged', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn(null, '2026-06-15')).toBeNull();
  });

  it('a child in care is entitled, with the Children Act basis in plain words', () => {
    const r = checkStatutoryEntitlements({ ...base, statusTags: ['CIC'] });
    expect(r.entitlements.map((e) => e.code)).toEqual(['child_in_care']);
    expect(r.entitlements[0]!.basis).toMatch(/Children Act 1989, sections 26 and 26A/);
  });

  it('a care leaver is entitled until their 25th birthday and not after', () => {
    expect(codes({ serviceUserType: 'CL', dateOfBirth: '2001-05-02' })).toEqual(['care_leaver']);
    const at25 = checkStatutoryEntitlements({ ...base, serviceUserType: 'CL', dateOfBirth: '2001-05-01' });
    expect(at25.entitlements).toEqual([]);
    expect(at25.notes.join(' ')).toMatch(/ends at 25/);
  });

  it('any child making a complaint about children’s social care is entitled', () => {
    expect(codes({ serviceUserType: 'CIN', issueCodes: ['COMPLAINT'] })).toEqual(['representation_or_complaint']);
    expect(codes({ serviceUserType: 'CIN', issueCodes: ['COMPLAINT'], dateOfBirth: '2000-01-01' })).toEqual([]);
  });

  it('a homeless 16 or 17 year old is entitled; a 15 year old in the same situation is not by this route', () => {
    expect(codes({ serviceUserType: 'JA', dateOfBirth: '2009-04-01' })).toEqual(['homeless_16_17']);
    expect(codes({ serviceUserType: 'JA', dateOfBirth: '2011-01-01' })).toEqual([]);
  });

  it('detention under the Mental Health Act points to an IMHA', () => {
    expect(codes({ statusTags: ['CIC', 'DETAINED_MHA'] })).toEqual(['child_in_care', 'mental_health_detention']);
  });

  it('says plainly when none applies, and that the service may still accept the referral', () => {
    const r = checkStatutoryEntitlements({ ...base, serviceUserType: 'CP', statusTags: ['CP'] });
    expect(r.entitlements).toEqual([]);
    expect(r.notes[0]).toMatch(/No statutory entitlement.*may still accept/);
    expect(
      checkStatutoryEntitlements({ ...base, serviceUserType: 'PARENT', isParent: true, issueCodes: ['COMPLAINT'] })
        .entitlements,
    ).toEqual([]);
  });

  it('warns when an entitlement depends on a missing date of birth', () => {
    const r = checkStatutoryEntitlements({ ...base, dateOfBirth: null, serviceUserType: 'CL' });
    expect(r.entitlements.map((e) => e.code)).toEqual(['care_leaver']);
    expect(r.notes[0]).toMatch(/date of birth is not recorded/);
  });

  it('covers every right to advocacy in the council guidance, each with what in the record makes it apply', () => {
    const everything = checkStatutoryEntitlements({
      ...base,
      dateOfBirth: '2009-06-15', // 16 on the date judged
      statusTags: [
        'CIC',
        'CL',
        'JA',
        'IN_CUSTODY',
        'DETAINED_MHA',
        'CHILDRENS_HOME',
        'YOUNG_CARER',
        'SEND',
        'MISSING_FROM_CARE',
        'LACKS_CAPACITY',
        'ADULT_CARE_NEEDS',
      ],
      issueCodes: ['COMPLAINT', 'HEALTH'],
    });
    expect(everything.entitlements.map((e) => e.code).sort()).toEqual([...entitlementCodes].sort());
    for (const e of everything.entitlements) {
      expect(e.basis).toMatch(/\(.*(Act|Regulations|guidance|Code).*\)/);
      expect(e.because.length).toBeGreaterThan(5);
    }
    expect(everything.entitlements.find((e) => e.code === 'lacks_capacity_16_17')!.because).toMatch(/aged 16/);
  });

  it('each new right applies only in its own circumstances', () => {
    expect(codes({ statusTags: ['IN_CUSTODY'] })).toEqual(['in_custody']);
    expect(codes({ placementType: 'Children’s home in Bolton' })).toEqual(['childrens_home']);
    expect(codes({ placementType: 'foster care' })).toEqual([]);
    expect(codes({ statusTags: ['YOUNG_CARER'] })).toEqual(['young_carer']);
    expect(codes({ statusTags: ['SEND'] })).toEqual(['send']);
    expect(codes({ statusTags: ['ADULT_CARE_NEEDS'] })).toEqual(['adult_care_needs']);
    // Going missing counts for a looked-after child; otherwise the advocate is asked to check.
    expect(codes({ statusTags: ['CIC', 'MISSING_FROM_CARE'] })).toEqual(['child_in_care', 'missing_from_care']);
    const notLookedAfter = checkStatutoryEntitlements({ ...base, statusTags: ['MISSING_FROM_CARE'] });
    expect(notLookedAfter.entitlements).toEqual([]);
    expect(notLookedAfter.notes.join(' ')).toMatch(/check whether they are in care/);
    // Capacity law applies from 16: a 15 year old is not entitled by this route.
    expect(codes({ statusTags: ['LACKS_CAPACITY'], dateOfBirth: '2009-06-15' })).toEqual(['lacks_capacity_16_17']);
    expect(codes({ statusTags: ['LACKS_CAPACITY'] })).toEqual([]);
    expect(codes({ issueCodes: ['HEALTH'] })).toEqual([]);
    expect(codes({ issueCodes: ['HEALTH', 'COMPLAINT'] })).toEqual(['representation_or_complaint', 'health_complaint']);
    // An adult is not entitled to the children's rights.
    expect(codes({ statusTags: ['YOUNG_CARER', 'SEND'], dateOfBirth: '2000-01-01' })).toEqual([]);
  });

  it('asks for the social worker to be told when the child is young or the advocacy is non-instructed', () => {
    const on = '2026-05-01';
    expect(
      socialWorkerToBeTold({ dateOfBirth: '2019-01-01', onDate: on, advocacyType: 'instructed', statusTags: [] }),
    ).toMatch(/They are 7, so tell the social worker/);
    expect(
      socialWorkerToBeTold({ dateOfBirth: '2010-01-01', onDate: on, advocacyType: 'instructed', statusTags: [] }),
    ).toBeNull();
    expect(
      socialWorkerToBeTold({ dateOfBirth: '2010-01-01', onDate: on, advocacyType: 'non_instructed', statusTags: [] }),
    ).toMatch(/non-instructed/);
    expect(
      socialWorkerToBeTold({
        dateOfBirth: null,
        onDate: on,
        advocacyType: 'instructed',
        statusTags: ['LACKS_CAPACITY'],
      }),
    ).toMatch(/lack capacity/);
  });
});
