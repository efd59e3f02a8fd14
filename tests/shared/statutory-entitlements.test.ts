import { describe, expect, it } from 'vitest';
import { ageOn, checkStatutoryEntitlements, type EntitlementInput } from '../../shared/domain/statutory-entitlements';

const base: EntitlementInput = { dateOfBirth: '2010-06-15', onDate: '2026-05-01', statusTags: [], serviceUserType: null, issueCodes: [] };
const codes = (over: Partial<EntitlementInput>) => checkStatutoryEntitlements({ ...base, ...over }).entitlements.map((e) => e.code);

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
    expect(checkStatutoryEntitlements({ ...base, serviceUserType: 'PARENT', isParent: true, issueCodes: ['COMPLAINT'] }).entitlements).toEqual([]);
  });

  it('warns when an entitlement depends on a missing date of birth', () => {
    const r = checkStatutoryEntitlements({ ...base, dateOfBirth: null, serviceUserType: 'CL' });
    expect(r.entitlements.map((e) => e.code)).toEqual(['care_leaver']);
    expect(r.notes[0]).toMatch(/date of birth is not recorded/);
  });
});
